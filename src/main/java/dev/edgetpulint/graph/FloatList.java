package dev.edgetpulint.graph;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of floats held in a {@code float[]}: quantization scales, one per channel of a
 * per-axis quantized tensor. Like {@link IntList}, it saves the reader a boxed Float per element and
 * an immutable copy of the list; elements are boxed only when read through the {@link List}
 * interface. Equal to any list of the same Floats ({@link Float#equals} compares bits).
 */
public final class FloatList extends AbstractList<Float> implements RandomAccess {
  private static final FloatList EMPTY = new FloatList(new float[0]);

  private final float[] values;

  private FloatList(float[] values) {
    this.values = values;
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

  /** Reads {@code count} floats through {@code source} into a new list. */
  public static FloatList read(int count, FloatSource source) {
    if (count == 0) {
      return EMPTY;
    }
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = source.get(i);
    }
    return new FloatList(values);
  }

  /** Gives element {@code index} of a list being read (see {@link #read}). */
  @FunctionalInterface
  public interface FloatSource {
    float get(int index);
  }

  @Override
  public Float get(int index) {
    return values[index];
  }

  /** Element {@code index}, unboxed. */
  public float getFloat(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (float v : values) {
      hash = 31 * hash + Float.hashCode(v);
    }
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    if (o instanceof FloatList other) {
      return Arrays.equals(values, other.values); // bitwise, as Float.equals
    }
    return super.equals(o);
  }
}
