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
  private final Map<String, Object> cache = new HashMap<>();

  /** The names this kind of fact object answers, in documentation order. */
  public abstract List<String> names();

  /** Computes one fact; only called with a name from {@link #names()}. */
  protected abstract Object compute(String name);

  @Override
  public Object get(Object key) {
    String name = String.valueOf(key);
    Object cached = cache.get(name);
    if (cached != null || cache.containsKey(name)) {
      return cached;
    }
    if (!names().contains(name)) {
      throw new UnknownFactException(kind(), name, names());
    }
    Object value = compute(name);
    cache.put(name, value);
    return value;
  }

  @Override
  public boolean containsKey(Object key) {
    return names().contains(String.valueOf(key));
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
