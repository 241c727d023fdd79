package dev.edgetpulint.graph;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of longs held in a {@code long[]}: quantization zero points. Like
 * {@link IntList}, it saves the reader a boxed list and its immutable copy; elements are boxed only
 * when read through the {@link List} interface. Equal to any list of the same Longs.
 */
public final class LongList extends AbstractList<Long> implements RandomAccess {
  private static final LongList EMPTY = new LongList(new long[0]);

  private final long[] values;

  private LongList(long[] values) {
    this.values = values;
  }

  /** A list of {@code values} (copied). */
  public static LongList of(long... values) {
    return values.length == 0 ? EMPTY : new LongList(values.clone());
  }

  /** {@code list} as a LongList: the same object when it is one, else a copy; nulls are rejected. */
  public static LongList copyOf(List<Long> list) {
    if (list instanceof LongList longs) {
      return longs;
    }
    long[] values = new long[list.size()];
    int i = 0;
    for (Long value : list) {
      values[i++] = value; // NullPointerException for a null element, as List.copyOf
    }
    return values.length == 0 ? EMPTY : new LongList(values);
  }

  /** Reads {@code count} longs through {@code source} into a new list. */
  public static LongList read(int count, LongSource source) {
    if (count == 0) {
      return EMPTY;
    }
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = source.get(i);
    }
    return new LongList(values);
  }

  /** Gives element {@code index} of a list being read (see {@link #read}). */
  @FunctionalInterface
  public interface LongSource {
    long get(int index);
  }

  @Override
  public Long get(int index) {
    return values[index];
  }

  /** Element {@code index}, unboxed. */
  public long getLong(int index) {
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
    if (o instanceof Long wanted) {
      long w = wanted;
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
    for (long v : values) {
      hash = 31 * hash + Long.hashCode(v);
    }
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    if (o instanceof LongList other) {
      return Arrays.equals(values, other.values);
    }
    return super.equals(o);
  }
}
