package dev.edgetpulint.rules.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The variables one evaluation sees: op, model, tensor, runtime, compiler and the rule's helpers.
 * A dozen names at most, so a flat array searched by identity first (names in compiled
 * expressions are interned) beats a hash map: the engine makes one scope per rule and operator.
 */
public final class Scope {
  private String[] names = new String[8];
  private Object[] values = new Object[8];
  private int size;

  public Scope(ModelFacts model, OperatorFacts op, int runtime, double compiler) {
    names[0] = "model";
    values[0] = model;
    names[1] = "op";
    values[1] = op;
    names[2] = "runtime";
    values[2] = runtime;
    names[3] = "compiler";
    values[3] = compiler;
    size = 4;
  }

  /**
   * Makes this scope what a new one for {@code op} would be: the rule helpers and {@code tensor} of
   * the previous evaluation are forgotten. The engine reuses one scope per model instead of making
   * one per rule and operator.
   */
  public void reset(OperatorFacts op) {
    for (int i = 4; i < size; i++) {
      names[i] = null;
      values[i] = null;
    }
    size = 4;
    values[1] = op;
  }

  /**
   * The position of {@code name}, or -1; {@code hint} is where the caller found it last time (a
   * variable of a compiled rule is mostly at the same position), tested first by identity.
   */
  int indexOf(String name, int hint) {
    if (hint < size && names[hint] == name) {
      return hint;
    }
    return find(name);
  }

  Object valueAt(int index) {
    Object value = values[index];
    if (value instanceof Deferred deferred) {
      // A helper read for the first time: evaluated now, and kept. If it throws, it stays deferred
      // and the reader reports the error.
      value = deferred.expression.evaluate(this);
      values[index] = value;
    }
    return value;
  }

  public Object get(String name) {
    int i = find(name);
    return i < 0 ? null : valueAt(i);
  }

  /**
   * A rule helper ({@code let}) that is evaluated when an expression first reads it: a condition
   * that is decided before it reaches a helper does not pay for it (most helpers serve a condition's
   * later clauses or the message). One per helper of a compiled rule, reused for every evaluation.
   */
  public static final class Deferred {
    private final Expression expression;

    public Deferred(Expression expression) {
      this.expression = expression;
    }
  }

  public void set(String name, Object value) {
    int i = find(name);
    if (i < 0) {
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      i = size++;
      names[i] = name;
    }
    values[i] = value;
  }

  /**
   * {@link #set} for an interned name (a literal, or one from {@link String#intern()}), found by
   * identity alone: the engine sets a rule's helpers and {@code tensor} for every operator and
   * element, and every name it puts in a scope is interned, so the comparison by content that
   * {@link #set} falls back to would only ever fail.
   */
  public void define(String internedName, Object value) {
    put(internedName, value);
  }

  /** {@link #define(String, Object)}, returning the name's position. */
  private int put(String internedName, Object value) {
    String[] n = names;
    for (int i = 0; i < size; i++) {
      if (n[i] == internedName) {
        values[i] = value;
        return i;
      }
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = internedName;
    values[size] = value;
    return size++;
  }

  /**
   * {@link #define(String, Object)} that first tests position {@code hint} (where the caller's name
   * was the last time: a rule defines its helpers in the same order for every operator, so mostly
   * the right one) and returns the position the name is at, for the caller's next hint.
   */
  public int define(String internedName, Object value, int hint) {
    if (hint >= 4 && hint < size && names[hint] == internedName) {
      values[hint] = value;
      return hint;
    }
    return put(internedName, value); // the first definition after a reset: a new position, mostly
  }

  public boolean has(String name) {
    return find(name) >= 0;
  }

  private int find(String name) {
    String[] n = names;
    for (int i = 0; i < size; i++) {
      if (n[i] == name) {
        return i;
      }
    }
    for (int i = 0; i < size; i++) {
      if (n[i].equals(name)) {
        return i; // a name that was not interned
      }
    }
    return -1;
  }

  /** The variable names, sorted, for messages. */
  Iterable<String> names() {
    List<String> out = new ArrayList<>(Arrays.asList(names).subList(0, size));
    out.sort(null);
    return out;
  }
}
