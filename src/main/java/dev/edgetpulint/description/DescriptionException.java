package dev.edgetpulint.description;

import java.io.IOException;
import java.util.List;

/**
 * A description file that cannot be read as a model. {@link #getMessage()} is the first problem on one
 * line ("model.tflite.yaml:12:7: ..."); {@link #problems()} lists all that were found, for editors.
 */
public final class DescriptionException extends IOException {
  private final String source;
  private final List<DescriptionProblem> problems;

  public DescriptionException(String source, List<DescriptionProblem> problems) {
    super(summary(source, problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  public String source() {
    return source;
  }

  public List<DescriptionProblem> problems() {
    return problems;
  }

  private static String summary(String source, List<DescriptionProblem> problems) {
    String first = problems.isEmpty() ? source + ": invalid description" : problems.get(0).format(source);
    return problems.size() > 1 ? first + " (and " + (problems.size() - 1) + " more)" : first;
  }
}
