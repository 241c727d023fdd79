package dev.edgetpulint.rules;

import java.util.List;

/** One or more rule files are broken. Each problem reads {@code file:line:column: what is wrong}. */
public final class RuleLoadException extends RuntimeException {
  private final List<String> problems;

  public RuleLoadException(List<String> problems) {
    super(String.join("\n", oneLine(problems)));
    this.problems = oneLine(problems);
  }

  /** A problem may quote the rule file's text; line breaks in it would split the message (found by fuzzing). */
  private static List<String> oneLine(List<String> problems) {
    return problems.stream().map(p -> p == null ? "" : p.replaceAll("[\\r\\n\\u2028\\u2029]+", " ")).toList();
  }

  public List<String> problems() {
    return problems;
  }
}
