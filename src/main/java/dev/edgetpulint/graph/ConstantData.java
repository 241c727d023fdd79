package dev.edgetpulint.graph;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The bytes of a constant tensor. For a binary model this is a read-only view into the memory-mapped
 * file, never a heap copy; values are decoded only on request and only for small tensors (axes,
 * paddings, strides, shapes), which is all the rules read.
 */
public final class ConstantData {
  /** Largest element count {@link #values()} decodes. */
  public static final int MAX_DECODED_ELEMENTS = 1024;

  /**
   * Where the bytes are: {@code byteLength} bytes of {@code source} from {@code start}, read-only and
   * little-endian; for a uniform constant (see {@link #uniform}) just one element's bytes. A binary
   * model's constants all share the read-only view of the whole file, and a slice is made only when
   * {@link #bytes()} is asked for: a read makes hundreds of constants and most are never looked at.
   */
  private final ByteBuffer source;
  private final int start;
  private final int byteLength;
  private final boolean uniform;
  private final TensorType type;
  private final long fileOffset;
  private Boolean allZero;

  private ConstantData(ByteBuffer source, int start, int byteLength, boolean uniform, TensorType type, long fileOffset) {
    this.source = source;
    this.start = start;
    this.byteLength = byteLength;
    this.uniform = uniform;
    this.type = type;
    this.fileOffset = fileOffset;
  }

  private static ByteBuffer readOnly(ByteBuffer bytes) {
    return bytes.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** A view of {@code bytes} (not copied); {@code fileOffset} is where they start in the file, or -1. */
  public static ConstantData view(ByteBuffer bytes, TensorType type, long fileOffset) {
    return new ConstantData(readOnly(bytes), bytes.position(), bytes.remaining(), false, type, fileOffset);
  }

  /**
   * A view of {@code byteLength} bytes of {@code file} from {@code start} (not copied, no buffer
   * made): {@code file} must be a read-only little-endian view that the caller shares between the
   * constants of one model. {@code fileOffset} is where they start in the file, or -1.
   */
  public static ConstantData view(ByteBuffer file, int start, int byteLength, TensorType type, long fileOffset) {
    if (!file.isReadOnly() || file.order() != ByteOrder.LITTLE_ENDIAN) {
      throw new IllegalArgumentException("constant data must be a read-only little-endian view");
    }
    return new ConstantData(file, start, byteLength, false, type, fileOffset);
  }

  /** The same bytes read as {@code type} (a buffer that tensors of different types share). */
  public ConstantData as(TensorType type) {
    return new ConstantData(source, start, byteLength, uniform, type, fileOffset);
  }

  /**
   * {@code byteLength} bytes that repeat one element's bytes, as a model description's
   * {@code constant: true} or {@code constant: zeros} declares them. Nothing of that length is
   * allocated unless {@link #bytes()} is asked for (writing the model out): a description may
   * declare hundreds of megabytes of weights in one line. A length that is not a whole number of
   * elements ends with part of one.
   */
  public static ConstantData uniform(TensorType type, int byteLength, ByteBuffer element) {
    if (!element.hasRemaining() || byteLength < 0) {
      throw new IllegalArgumentException("uniform data of " + byteLength + " bytes from an empty element");
    }
    return new ConstantData(readOnly(element), element.position(), byteLength, true, type, -1);
  }

  /** Constant data written out from values, as a hand-written model description gives them. */
  public static ConstantData ofValues(TensorType type, List<? extends Number> values) {
    int width = Math.max(1, type.bytesPerElement());
    ByteBuffer buffer = ByteBuffer.allocate(values.size() * width).order(ByteOrder.LITTLE_ENDIAN);
    for (Number value : values) {
      switch (type) {
        case FLOAT32 -> buffer.putFloat(value.floatValue());
        case FLOAT64 -> buffer.putDouble(value.doubleValue());
        case INT64, UINT64 -> buffer.putLong(value.longValue());
        case INT32, UINT32 -> buffer.putInt(value.intValue());
        case INT16, UINT16, FLOAT16, BFLOAT16 -> buffer.putShort(value.shortValue());
        default -> buffer.put(value.byteValue());
      }
    }
    buffer.flip();
    return view(buffer, type, -1);
  }

  public int byteLength() {
    return byteLength;
  }

  /** Offset of the first byte in the model file, or -1 when the data did not come from a file. */
  public long fileOffset() {
    return fileOffset;
  }

  /**
   * A read-only little-endian view of the bytes. For a uniform constant this allocates its full
   * length; the rules never ask for it, only the model writer does.
   */
  public ByteBuffer bytes() {
    if (uniform) {
      return readOnly(repeated());
    }
    return stored();
  }

  /** The stored bytes: all of them, or a uniform constant's one element. */
  private ByteBuffer stored() {
    int length = uniform ? source.limit() - start : byteLength;
    return source.slice(start, length).order(ByteOrder.LITTLE_ENDIAN);
  }

  private ByteBuffer repeated() {
    byte[] element = new byte[source.limit() - start];
    stored().get(element);
    byte[] out = new byte[byteLength];
    if (byteLength > 0) {
      // A declared byte length need not be a whole number of elements (even less than one).
      int first = Math.min(element.length, byteLength);
      System.arraycopy(element, 0, out, 0, first);
      // Doubling copies: log2(n) bulk copies instead of one put per element.
      for (int filled = first; filled < byteLength; filled *= 2) {
        System.arraycopy(out, 0, out, filled, Math.min(filled, byteLength - filled));
      }
    }
    return ByteBuffer.wrap(out);
  }

  /** Whether every byte is zero (Concatenation's constant-input rule). Scans the bytes once. */
  public boolean isAllZero() {
    if (allZero == null) {
      // A uniform constant's bytes are all zero exactly when its one element's bytes are.
      ByteBuffer view = stored();
      boolean zero = true;
      while (zero && view.remaining() >= Long.BYTES) {
        zero = view.getLong() == 0L;
      }
      while (zero && view.hasRemaining()) {
        zero = view.get() == 0;
      }
      allZero = zero;
    }
    return allZero;
  }

  /**
   * The values as numbers, for integer and float tensors of at most {@link #MAX_DECODED_ELEMENTS}
   * elements; empty for larger or non-numeric tensors.
   */
  public Optional<List<Number>> values() {
    int width = type.bytesPerElement();
    if (width == 0 || type == TensorType.STRING) {
      return Optional.empty();
    }
    int count = byteLength() / width;
    if (count > MAX_DECODED_ELEMENTS) {
      return Optional.empty();
    }
    ByteBuffer view = uniform ? repeated().order(ByteOrder.LITTLE_ENDIAN) : bytes();
    Number[] out = new Number[count];
    for (int i = 0; i < count; i++) {
      out[i] = switch (type) {
        case FLOAT32 -> view.getFloat();
        case FLOAT64 -> view.getDouble();
        case INT64, UINT64 -> view.getLong();
        case INT32 -> view.getInt();
        case UINT32 -> Integer.toUnsignedLong(view.getInt());
        case INT16 -> view.getShort();
        case UINT16 -> Short.toUnsignedInt(view.getShort());
        case UINT8 -> Byte.toUnsignedInt(view.get());
        case FLOAT16, BFLOAT16 -> view.getShort();
        default -> view.get();
      };
    }
    return Optional.of(Arrays.asList(out));
  }

  /** Integer values (see {@link #values()}), for axes, paddings, strides and shapes. */
  public Optional<long[]> longValues() {
    return values().map(list -> list.stream().mapToLong(Number::longValue).toArray());
  }

  public TensorType type() {
    return type;
  }
}
