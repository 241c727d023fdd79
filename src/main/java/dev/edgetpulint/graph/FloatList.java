package dev.edgetpulint.graph;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list of floats held in a {@code float[]} or read from a read-only buffer ({@link
 * #view}): quantization scales, one per channel of a
 * per-axis quantized tensor. Like {@link IntList}, it saves the reader a boxed Float per element and
 * an immutable copy of the list; elements are boxed only when read through the {@link List}
 * interface. Equal to any list of the same Floats ({@link Float#equals} compares bits).
 */
public final class FloatList extends AbstractList<Float> implements RandomAccess {
  private static final FloatList EMPTY = new FloatList(new float[0]);

  /** The elements, or null when they are read from {@link #view}. */
  private final float[] values;
  /** A read-only little-endian buffer holding the elements from {@link #start}, when {@link #values} is null. */
  private final ByteBuffer view;
  private final int start;
  private final int size;

  private FloatList(float[] values) {
    this.values = values;
    this.view = null;
    this.start = 0;
    this.size = values.length;
  }

  private FloatList(ByteBuffer view, int start, int size) {
    this.values = null;
    this.view = view;
    this.start = start;
    this.size = size;
  }

  /**
   * The {@code count} four-byte little-endian floats of {@code view} from byte {@code start}, read when asked
   * for (not copied): a model file's quantization parameters, which only some rules and reports
   * read, so that reading a model costs the same whatever its channel count. {@code view} must be
   * read-only and little-endian, and hold them all.
   */
  public static FloatList view(ByteBuffer view, int start, int count) {
    if (!view.isReadOnly() || view.order() != ByteOrder.LITTLE_ENDIAN) {
      throw new IllegalArgumentException("a FloatList view needs a read-only little-endian buffer");
    }
    Objects.checkFromIndexSize(start, count * 4, view.limit());
    return count == 0 ? EMPTY : new FloatList(view, start, count);
  }

  /** A list of {@code values} (copied). */
  public static FloatList of(float... values) {
    return values.length == 0 ? EMPTY : new FloatList(values.clone());
  }

  /** {@code list} as a FloatList: the same object when it is one, else a copy; nulls are rejected. */
  public static FloatList copyOf(List<Float> list) {
    if (list instanceof FloatList floats) {
      return floats;
    }
    float[] values = new float[list.size()];
    int i = 0;
    for (Float value : list) {
      values[i++] = value; // NullPointerException for a null element, as List.copyOf
    }
    return values.length == 0 ? EMPTY : new FloatList(values);
  }

  @Override
  public Float get(int index) {
    return getFloat(index);
  }

  /** Element {@code index}, unboxed. */
  public float getFloat(int index) {
    if (values != null) {
      return values[index];
    }
    return view.getFloat(start + Objects.checkIndex(index, size) * 4);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (int i = 0; i < size; i++) {
      hash = 31 * hash + Float.hashCode(getFloat(i));
    }
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    if (o instanceof FloatList other) {
      if (other.size != size) {
        return false;
      }
      for (int i = 0; i < size; i++) {
        // Bitwise, as Float.equals (NaN equals NaN, 0.0 differs from -0.0).
        if (Float.floatToIntBits(getFloat(i)) != Float.floatToIntBits(other.getFloat(i))) {
          return false;
        }
      }
      return true;
    }
    return super.equals(o);
  }
}
