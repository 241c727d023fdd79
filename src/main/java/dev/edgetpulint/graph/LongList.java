package dev.edgetpulint.graph;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list of longs held in a {@code long[]} or read from a read-only buffer ({@link #view}):
 * quantization zero points. Like
 * {@link IntList}, it saves the reader a boxed list and its immutable copy; elements are boxed only
 * when read through the {@link List} interface. Equal to any list of the same Longs.
 */
public final class LongList extends AbstractList<Long> implements RandomAccess {
  private static final LongList EMPTY = new LongList(new long[0]);

  /** The elements, or null when they are read from {@link #view}. */
  private final long[] values;
  /** A read-only little-endian buffer holding the elements from {@link #start}, when {@link #values} is null. */
  private final ByteBuffer view;
  private final int start;
  private final int size;

  private LongList(long[] values) {
    this.values = values;
    this.view = null;
    this.start = 0;
    this.size = values.length;
  }

  private LongList(ByteBuffer view, int start, int size) {
    this.values = null;
    this.view = view;
    this.start = start;
    this.size = size;
  }

  /**
   * The {@code count} eight-byte little-endian longs of {@code view} from byte {@code start}, read when asked
   * for (not copied): a model file's quantization parameters, which only some rules and reports
   * read, so that reading a model costs the same whatever its channel count. {@code view} must be
   * read-only and little-endian, and hold them all.
   */
  public static LongList view(ByteBuffer view, int start, int count) {
    if (!view.isReadOnly() || view.order() != ByteOrder.LITTLE_ENDIAN) {
      throw new IllegalArgumentException("a LongList view needs a read-only little-endian buffer");
    }
    Objects.checkFromIndexSize(start, count * 8, view.limit());
    return count == 0 ? EMPTY : new LongList(view, start, count);
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

  @Override
  public Long get(int index) {
    return getLong(index);
  }

  /** Element {@code index}, unboxed. */
  public long getLong(int index) {
    if (values != null) {
      return values[index];
    }
    return view.getLong(start + Objects.checkIndex(index, size) * 8);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean contains(Object o) {
    return indexOf(o) >= 0;
  }

  @Override
  public int indexOf(Object o) {
    if (o instanceof Long wanted) {
      long w = wanted;
      for (int i = 0; i < size; i++) {
        if (getLong(i) == w) {
          return i;
        }
      }
    }
    return -1;
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (int i = 0; i < size; i++) {
      hash = 31 * hash + Long.hashCode(getLong(i));
    }
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    if (o instanceof LongList other) {
      if (other.size != size) {
        return false;
      }
      for (int i = 0; i < size; i++) {
        if (getLong(i) != other.getLong(i)) {
          return false;
        }
      }
      return true;
    }
    return super.equals(o);
  }
}
