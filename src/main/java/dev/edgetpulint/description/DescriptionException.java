package dev.edgetpulint.description;

import dev.edgetpulint.graph.ModelReadException;
import java.util.List;

/**
 * A description file that cannot be read as a model. Like every {@link ModelReadException} the message
 * is one line without the path; here it starts with the first problem's line and column ("12:7: operator
 * 3 reads tensor 'conv9', which is not declared"), so {@link #describe()} gives the compiler-style
 * "model.tflite.yaml:12:7: ...". {@link #problems()} lists every problem found, for editors.
 */
public final class DescriptionException extends ModelReadException {
  private static final long serialVersionUID = 1L;

  private final transient List<DescriptionProblem> problems;

  public DescriptionException(String source, List<DescriptionProblem> problems) {
    super(source, summary(problems));
    this.problems = List.copyOf(problems);
  }

  public List<DescriptionProblem> problems() {
    return problems;
  }

  /** "model.tflite.yaml:12:7: reason (and 2 more)": the one line a front end prints. */
  public String describe() {
    return source() + ":" + getMessage();
  }

  private static String summary(List<DescriptionProblem> problems) {
    if (problems.isEmpty()) {
      return "1:1: invalid description";
    }
    DescriptionProblem first = problems.get(0);
    String text = first.line() + ":" + first.column() + ": " + first.message();
    return problems.size() > 1 ? text + " (and " + (problems.size() - 1) + " more)" : text;
  }
}
