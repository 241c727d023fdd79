package dev.edgetpulint.rules;

import java.util.List;

/** One or more rule files are broken. Each problem reads {@code file:line:column: what is wrong}. */
public final class RuleLoadException extends RuntimeException {
  private final List<String> problems;

  public RuleLoadException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
