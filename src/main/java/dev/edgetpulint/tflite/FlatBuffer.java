package dev.edgetpulint.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A bounds-checked view of one FlatBuffer. Every offset and length read from the data is checked
 * against the buffer before use, so hostile input ends in {@link MalformedFlatBufferException}
 * rather than an IndexOutOfBoundsException or a huge allocation.
 *
 * <p>The element budget bounds the total work of one read: FlatBuffers may share a vector between
 * many tables, so a small file could otherwise make the reader decode far more than its size.
 */
final class FlatBuffer {
  private final ByteBuffer bb;
  private final int limit;
  private long budget;

  FlatBuffer(ByteBuffer buffer) {
    this.bb = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    this.bb.position(0);
    this.limit = bb.limit();
    // A legitimate model decodes at most about one element per four bytes of metadata; the cap keeps
    // a hostile file from filling the heap with boxed values before the budget runs out.
    this.budget = Math.min(limit, 32_000_000L) + 1_000_000L;
  }

  int limit() {
    return limit;
  }

  ByteBuffer buffer() {
    return bb;
  }

  /** A read-only little-endian view of the whole buffer, made once: the constants of a model share it. */
  ByteBuffer readOnlyView() {
    if (readOnly == null) {
      readOnly = bb.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }
    return readOnly;
  }

  private ByteBuffer readOnly;

  /** Charges {@code n} decoded elements against the budget. */
  void spend(long n, String what) {
    budget -= n;
    if (budget < 0) {
      throw new MalformedFlatBufferException(
          what + " would decode more elements than the file can hold"
              + " (tables share data in a loop)");
    }
  }

  void check(long pos, long size, String what) {
    if (pos < 0 || size < 0 || pos + size > limit) {
      throw outside(pos, size, what);
    }
  }

  /** As {@link #check(long, long, String)}; {@code what} is asked only for the error message. */
  void check(long pos, long size, Supplier<String> what) {
    if (pos < 0 || size < 0 || pos + size > limit) {
      throw outside(pos, size, what.get());
    }
  }

  private MalformedFlatBufferException outside(long pos, long size, String what) {
    return new MalformedFlatBufferException(
        what + " at offset " + pos + " (" + size + " bytes) lies outside the " + limit + "-byte file");
  }

  int u8(int pos) {
    check(pos, 1, "byte");
    return Byte.toUnsignedInt(bb.get(pos));
  }

  int i8(int pos) {
    check(pos, 1, "byte");
    return bb.get(pos);
  }

  int u16(int pos) {
    check(pos, 2, "short");
    return Short.toUnsignedInt(bb.getShort(pos));
  }

  int i16(int pos) {
    check(pos, 2, "short");
    return bb.getShort(pos);
  }

  int i32(int pos) {
    check(pos, 4, "int");
    return bb.getInt(pos);
  }

  long u32(int pos) {
    return Integer.toUnsignedLong(i32(pos));
  }

  long i64(int pos) {
    check(pos, 8, "long");
    return bb.getLong(pos);
  }

  float f32(int pos) {
    check(pos, 4, "float");
    return bb.getFloat(pos);
  }

  double f64(int pos) {
    check(pos, 8, "double");
    return bb.getDouble(pos);
  }

  /** Follows the uoffset stored at {@code pos}. */
  int deref(int pos, String what) {
    long target = pos + u32(pos);
    if (target >= limit) {
      throw pastTheEnd(target, what);
    }
    return (int) target;
  }

  /** As {@link #deref(int, String)}; {@code what} is asked only for the error message. */
  int deref(int pos, Supplier<String> what) {
    long target = pos + u32(pos);
    if (target >= limit) {
      throw pastTheEnd(target, what.get());
    }
    return (int) target;
  }

  private MalformedFlatBufferException pastTheEnd(long target, String what) {
    return new MalformedFlatBufferException(
        what + " points to offset " + target + ", past the end of the " + limit + "-byte file");
  }

  /** The four identifier bytes after the root offset. */
  String identifier() {
    check(4, 4, "file identifier");
    byte[] id = new byte[4];
    bb.get(4, id);
    return new String(id, StandardCharsets.ISO_8859_1);
  }

  FlatTable root(String what) {
    check(0, 8, "root offset");
    return table(deref(0, what), Place.text(what));
  }

  /** The table at {@code pos}; {@code what} names it in an error message, and is asked only then. */
  FlatTable table(int pos, Supplier<String> what) {
    return new FlatTable(this, pos, what);
  }

  String string(int pos, String what) {
    long length = u32(pos);
    check(pos + 4L, length, what);
    spend(length / 16, what);
    byte[] bytes = new byte[(int) length];
    bb.get(pos + 4, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A vector at {@code pos}: its length, checked so that length * elementSize fits the buffer. */
  FlatVector vector(int pos, int elementSize, String what) {
    long length = u32(pos);
    check(pos + 4L, length * elementSize, what);
    return new FlatVector(this, pos + 4, (int) length, elementSize, what);
  }

  /** A slice (no copy) of {@code length} bytes at {@code pos}. */
  ByteBuffer slice(long pos, long length, String what) {
    check(pos, length, what);
    return bb.slice((int) pos, (int) length).order(ByteOrder.LITTLE_ENDIAN);
  }
}
