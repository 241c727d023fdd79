package dev.edgetpulint.verify;

/** The source and compiled models (or the log) do not belong together; the message says why, in one line. */
public final class PairMismatchException extends Exception {
  public PairMismatchException(String message) {
    super(message);
  }
}
