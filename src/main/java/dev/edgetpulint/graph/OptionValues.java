package dev.edgetpulint.graph;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The options of one operator as an immutable map, in the order of its keys: two parallel arrays and
 * a linear search, which for the handful of options an operator has is cheaper to build and to read
 * than a hash map. The reader builds one per operator; its keys array is shared between operators
 * of one options table. Keys and values are never null.
 */
public final class OptionValues extends AbstractMap<String, Object> {
  private static final OptionValues EMPTY = new OptionValues(new String[0], new Object[0], 0);

  private final String[] keys;
  private final Object[] values;
  private final int size;

  private OptionValues(String[] keys, Object[] values, int size) {
    this.keys = keys;
    this.values = values;
    this.size = size;
  }

  public static OptionValues empty() {
    return EMPTY;
  }

  /**
   * The first {@code size} keys and values. The map takes over {@code values} (the caller must not
   * keep it); {@code keys} is only read, so one array can serve every map of the same fields. The
   * keys must be distinct.
   *
   * @throws IllegalArgumentException for a null key or value among them
   */
  public static OptionValues of(String[] keys, Object[] values, int size) {
    if (size < 0 || size > keys.length || size > values.length) {
      throw new IllegalArgumentException("size " + size + " outside the arrays");
    }
    for (int i = 0; i < size; i++) {
      if (keys[i] == null || values[i] == null) {
        throw new IllegalArgumentException("null key or value at " + i);
      }
    }
    return size == 0 ? EMPTY : new OptionValues(keys, values, size);
  }

  private int find(Object key) {
    for (int i = 0; i < size; i++) {
      if (keys[i] == key) {
        return i;
      }
    }
    for (int i = 0; i < size; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Object get(Object key) {
    int i = find(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return find(key) >= 0;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            Entry<String, Object> entry = new SimpleImmutableEntry<>(keys[next], values[next]);
            next++;
            return entry;
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
