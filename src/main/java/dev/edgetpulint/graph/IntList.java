package dev.edgetpulint.graph;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of ints held in an {@code int[]}: shapes and tensor indices of a model. A binary
 * model has a few of them per tensor and operator, and a list of boxed Integers copied into an
 * immutable list cost the reader more than reading the numbers. Elements are boxed only when read
 * through the {@link List} interface; {@link #getInt} reads them unboxed. Equal to any list of the
 * same Integers, as the {@link List} contract asks.
 */
public final class IntList extends AbstractList<Integer> implements RandomAccess {
  private static final IntList EMPTY = new IntList(new int[0]);

  private final int[] values;

  private IntList(int[] values) {
    this.values = values;
  }

  /** A list of {@code values} (copied). */
  public static IntList of(int... values) {
    return values.length == 0 ? EMPTY : new IntList(values.clone());
  }

  /**
   * {@code list} as an IntList: the same object when it is one already, else a copy; null elements
   * are rejected as {@link List#copyOf} rejects them.
   */
  public static IntList copyOf(List<Integer> list) {
    if (list instanceof IntList ints) {
      return ints;
    }
    int[] values = new int[list.size()];
    int i = 0;
    for (Integer value : list) {
      values[i++] = value; // NullPointerException for a null element
    }
    return values.length == 0 ? EMPTY : new IntList(values);
  }

  /** Reads {@code count} ints through {@code source} into a new list; for readers that own no array yet. */
  public static IntList read(int count, IntSource source) {
    if (count == 0) {
      return EMPTY;
    }
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      values[i] = source.get(i);
    }
    return new IntList(values);
  }

  /** Gives element {@code index} of a list being read (see {@link #read}). */
  @FunctionalInterface
  public interface IntSource {
    int get(int index);
  }

  @Override
  public Integer get(int index) {
    return values[index];
  }

  /** Element {@code index}, unboxed. */
  public int getInt(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean contains(Object o) {
    return indexOf(o) >= 0;
  }

  @Override
  public int indexOf(Object o) {
    if (o instanceof Integer wanted) {
      int w = wanted;
      for (int i = 0; i < values.length; i++) {
        if (values[i] == w) {
          return i;
        }
      }
    }
    return -1;
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (int v : values) {
      hash = 31 * hash + v; // Integer.hashCode(v) == v, as List.hashCode specifies
    }
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    if (o instanceof IntList other) {
      return Arrays.equals(values, other.values);
    }
    return super.equals(o);
  }
}
