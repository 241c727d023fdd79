package dev.edgetpulint.graph;

/**
 * Where an element of the model stands in its file: a line/column range (1-based, description
 * files) or a byte range (binary models). Unused fields are -1.
 */
public record Span(int startLine, int startColumn, int endLine, int endColumn, long byteOffset, long byteLength) {
  public static Span lines(int startLine, int startColumn, int endLine, int endColumn) {
    return new Span(startLine, startColumn, endLine, endColumn, -1, -1);
  }

  public static Span bytes(long offset, long length) {
    return new Span(-1, -1, -1, -1, offset, length);
  }

  public boolean hasLines() {
    return startLine > 0;
  }

  public boolean hasBytes() {
    return byteOffset >= 0;
  }
}
