package dev.edgetpulint.description;

/**
 * One problem in a description file, at a 1-based line/column range.
 *
 * @param message what is wrong, without the position
 */
public record DescriptionProblem(int line, int column, int endLine, int endColumn, String message) {

  /** The one-line form "model.tflite.yaml:12:7: message". */
  public String format(String source) {
    return source + ":" + line + ":" + column + ": " + message;
  }
}
