package dev.edgetpulint.graph;

/** Element types of a tensor, numbered as in the TFLite schema; unknown codes map to {@link #UNKNOWN}. */
public enum TensorType {
  FLOAT32(0, 4), FLOAT16(1, 2), INT32(2, 4), UINT8(3, 1), INT64(4, 8), STRING(5, 0), BOOL(6, 1),
  INT16(7, 2), COMPLEX64(8, 8), INT8(9, 1), FLOAT64(10, 8), COMPLEX128(11, 16), UINT64(12, 8),
  RESOURCE(13, 0), VARIANT(14, 0), UINT32(15, 4), UINT16(16, 2), INT4(17, 0), BFLOAT16(18, 2),
  UNKNOWN(-1, 0);

  private static final TensorType[] BY_CODE = new TensorType[19];

  static {
    for (TensorType t : values()) {
      if (t.code >= 0) {
        BY_CODE[t.code] = t;
      }
    }
  }

  private final int code;
  private final int bytesPerElement;

  TensorType(int code, int bytesPerElement) {
    this.code = code;
    this.bytesPerElement = bytesPerElement;
  }

  public int code() {
    return code;
  }

  /** Bytes per element, or 0 where the size is not fixed (strings, resources, 4-bit packing). */
  public int bytesPerElement() {
    return bytesPerElement;
  }

  public boolean isEightBitInteger() {
    return this == INT8 || this == UINT8;
  }

  public boolean isFloat() {
    return this == FLOAT32 || this == FLOAT16 || this == FLOAT64 || this == BFLOAT16;
  }

  public static TensorType fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
  }

  public static TensorType fromName(String name) {
    for (TensorType t : values()) {
      if (t.name().equalsIgnoreCase(name)) {
        return t;
      }
    }
    return UNKNOWN;
  }
}
