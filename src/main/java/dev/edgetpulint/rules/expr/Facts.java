package dev.edgetpulint.rules.expr;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read-only, lazily computed map of named facts that rule expressions read as properties
 * ({@code tensor.shape}). Asking for a fact that does not exist is an error (a typo in a rule must
 * not silently read as null).
 */
public abstract class Facts extends AbstractMap<String, Object> {
  /** Computed facts by position in {@link #names()}: one lookup and no hashing per read (judging reads facts millions of times). */
  private Object[] values;
  /** Bit i set: the fact at position i is computed (it may be null). At most 64 facts per kind. */
  private long computed;

  /** The names this kind of fact object answers, in documentation order. */
  public abstract List<String> names();

  /** Each name's position in {@link #names()}: one map per kind of facts, shared by its instances. */
  private final Map<String, Integer> positions;

  /** {@code positions}: the subclass's map from {@link #positions(List)}. */
  protected Facts(Map<String, Integer> positions) {
    this.positions = positions;
  }

  /**
   * Each name's position in {@link #names()} (one map per kind of fact, see {@link #positions(List)}).
   * A field, not an overridden method: expressions compare it on every property read.
   */
  protected final Map<String, Integer> positions() {
    return positions;
  }

  /** The positions of {@code names}, for a subclass's {@link #positions()}. */
  protected static Map<String, Integer> positions(List<String> names) {
    if (names.size() > Long.SIZE) {
      throw new IllegalArgumentException("at most 64 facts per kind: " + names.size());
    }
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      out.put(names.get(i), i);
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /** Computes one fact; only called with a name from {@link #names()}. */
  protected abstract Object compute(String name);

  @Override
  public Object get(Object key) {
    String name = String.valueOf(key);
    Integer position = positions().get(name);
    if (position == null) {
      throw new UnknownFactException(kind(), name, names());
    }
    return get(position, name);
  }

  /** The fact at {@code position} in {@link #names()}, which is {@code name}. */
  Object get(int position, String name) {
    if ((computed & (1L << position)) != 0) {
      return values[position];
    }
    if (values == null) {
      values = new Object[names().size()];
    }
    // The name from names(), not the caller's copy: its hash is cached and the switch in compute()
    // finds it by identity.
    Object value = compute(names().get(position));
    values[position] = value;
    computed |= 1L << position;
    return value;
  }

  @Override
  public boolean containsKey(Object key) {
    return positions().containsKey(String.valueOf(key));
  }

  @Override
  public int size() {
    return names().size();
  }

  /** "tensor", "operator" or "model", for messages. */
  protected abstract String kind();

  @Override
  public Set<Entry<String, Object>> entrySet() {
    Set<Entry<String, Object>> entries = new LinkedHashSet<>();
    for (String name : names()) {
      entries.add(new SimpleImmutableEntry<>(name, get(name)));
    }
    return entries;
  }

  @Override
  public String toString() {
    return kind();
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  /** A rule read a fact that does not exist. */
  public static final class UnknownFactException extends RuntimeException {
    public UnknownFactException(String kind, String name, List<String> known) {
      super((kind.startsWith("o") ? "an " : "a ") + kind + " has no fact '" + name + "'; known: " + String.join(", ", known));
    }
  }
}
