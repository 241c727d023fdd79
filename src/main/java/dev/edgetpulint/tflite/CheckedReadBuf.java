package dev.edgetpulint.tflite;

import com.google.flatbuffers.ReadBuf;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A {@link ReadBuf} over any ByteBuffer (including a read-only memory map, which the library's own
 * ReadBuf cannot wrap), with every access bounds-checked so that FlexBuffers on hostile bytes ends
 * in {@link MalformedFlatBufferException}. It remembers the last index read, which is how
 * {@link EdgeTpuPackageDecoder} finds where a FlexBuffers blob starts without copying it.
 */
final class CheckedReadBuf implements ReadBuf {
  private final ByteBuffer bb;
  private int lastIndex = -1;

  CheckedReadBuf(ByteBuffer buffer) {
    this.bb = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  ByteBuffer buffer() {
    return bb;
  }

  int lastIndex() {
    return lastIndex;
  }

  private int check(int index, int size) {
    if (index < 0 || size < 0 || (long) index + size > bb.limit()) {
      throw new MalformedFlatBufferException("FlexBuffer access at " + index + " (" + size
          + " bytes) lies outside the " + bb.limit() + "-byte custom options");
    }
    lastIndex = index;
    return index;
  }

  @Override
  public boolean getBoolean(int index) {
    return bb.get(check(index, 1)) != 0;
  }

  @Override
  public byte get(int index) {
    return bb.get(check(index, 1));
  }

  @Override
  public short getShort(int index) {
    return bb.getShort(check(index, 2));
  }

  @Override
  public int getInt(int index) {
    return bb.getInt(check(index, 4));
  }

  @Override
  public long getLong(int index) {
    return bb.getLong(check(index, 8));
  }

  @Override
  public float getFloat(int index) {
    return bb.getFloat(check(index, 4));
  }

  @Override
  public double getDouble(int index) {
    return bb.getDouble(check(index, 8));
  }

  @Override
  public String getString(int start, int size) {
    check(start, size);
    byte[] bytes = new byte[size];
    bb.get(start, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public byte[] data() {
    throw new MalformedFlatBufferException("FlexBuffer heap access is not supported on a mapped file");
  }

  @Override
  public int limit() {
    return bb.limit();
  }
}
