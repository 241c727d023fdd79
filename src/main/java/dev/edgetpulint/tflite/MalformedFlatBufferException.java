package dev.edgetpulint.tflite;

/** Internal: a bounds or consistency check failed while walking a FlatBuffer. */
final class MalformedFlatBufferException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedFlatBufferException(String message) {
    super(message, null, false, false);
  }
}
