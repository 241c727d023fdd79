package dev.edgetpulint.graph;

/**
 * A model file could not be read: not a TFLite file, truncated, corrupt, a directory, unreadable.
 * {@link #getMessage()} is one line stating the reason (without the path, which {@link #source()}
 * holds), so front ends can print {@code path: reason}.
 */
public class ModelReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;

  public ModelReadException(String source, String reason) {
    super(oneLine(reason));
    this.source = source;
  }

  public ModelReadException(String source, String reason, Throwable cause) {
    super(oneLine(reason), cause);
    this.source = source;
  }

  /** The path or URI of the input, as given to the reader; may be null. */
  public String source() {
    return source;
  }

  private static String oneLine(String reason) {
    return reason == null ? "unknown error" : reason.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
