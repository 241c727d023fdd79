package dev.edgetpulint.rules.expr;

import java.util.List;
import java.util.Map;

/**
 * Reading variables, properties ({@code a.b}) and elements ({@code a[i]}). Strict as JEXL's strict
 * mode: an unknown variable or fact, a property of null or an index outside a list is an error,
 * except where JEXL protects a reference: as the condition of {@code ? :} or before {@code ??}
 * ({@code lenient}), where each of these reads as null.
 */
final class ReadNodes {
  private ReadNodes() {}

  static final class Variable extends Node {
    private final String name;
    private final boolean lenient;
    /** Where the variable was in the scope last time (a hint, tested before it is used). */
    private int hint;

    Variable(String name, boolean lenient) {
      this.name = name.intern(); // Scope finds interned names by identity
      this.lenient = lenient;
    }

    String name() {
      return name;
    }

    boolean lenient() {
      return lenient;
    }

    @Override
    Object eval(Scope scope) {
      int i = scope.indexOf(name, hint);
      if (i < 0) {
        if (lenient) {
          return null;
        }
        throw new Sandbox.ExpressionException("unknown variable '" + name + "'; known here: " + String.join(", ", scope.names()));
      }
      hint = i;
      return scope.valueAt(i);
    }
  }

  static final class Property extends Node {
    private final Node target;
    /**
     * {@code target} when it is a variable ({@code tensor.shape}, {@code op.inputs}: most property
     * reads), called directly: a call of a final class's method instead of a virtual one.
     */
    private final Variable variable;
    private final String name;
    private final String targetSource;
    private final boolean lenient;
    /** The fact's position for the kind of facts last read here (an inline cache: a node mostly sees one kind). */
    private Position last;

    private record Position(Map<String, Integer> positions, int position) {}

    Property(Node target, String name, String targetSource, boolean lenient) {
      this.target = target;
      this.variable = target instanceof Variable v ? v : null;
      this.name = name;
      this.targetSource = targetSource;
      this.lenient = lenient;
    }

    @Override
    Object eval(Scope scope) {
      Object t = variable != null ? variable.eval(scope) : target.eval(scope);
      if (t instanceof Facts facts) {
        Position p = last;
        if (p == null || p.positions() != facts.positions()) {
          Integer position = facts.positions().get(name);
          if (position == null) {
            if (lenient) {
              return null;
            }
            return facts.get(name); // throws: unknown fact
          }
          p = new Position(facts.positions(), position);
          last = p;
        }
        return facts.get(p.position(), name);
      }
      if (t instanceof Map<?, ?> map) {
        return map.get(name);
      }
      if (lenient) {
        return null;
      }
      throw new Sandbox.ExpressionException(t == null
          ? targetSource + " is null, so it has no '" + name + "'"
          : targetSource + " is " + Describe.kind(t) + ", which has no '" + name + "'");
    }
  }

  static final class Index extends Node {
    private final Node target;
    private final Node index;
    private final String targetSource;
    private final String indexSource;
    private final boolean lenient;

    Index(Node target, Node index, String targetSource, String indexSource, boolean lenient) {
      this.target = target;
      this.index = index;
      this.targetSource = targetSource;
      this.indexSource = indexSource;
      this.lenient = lenient;
    }

    @Override
    Object eval(Scope scope) {
      Object t = target.eval(scope);
      Object key = index.eval(scope);
      if (t instanceof Facts facts) {
        String name = String.valueOf(key);
        return lenient && !facts.containsKey(name) ? null : facts.get(name);
      }
      if (t instanceof Map<?, ?> map) {
        return map.get(key);
      }
      if (t instanceof List<?> list && key instanceof Number n) {
        long i = n.longValue();
        if (i >= 0 && i < list.size()) {
          return list.get((int) i);
        }
        if (lenient) {
          return null;
        }
        String index = indexSource.equals(String.valueOf(i)) ? "index " + i : "index " + i + " (" + indexSource + ")";
        throw new Sandbox.ExpressionException(index + " is outside " + targetSource + ", which has "
            + list.size() + (list.size() == 1 ? " element" : " elements"));
      }
      if (lenient) {
        return null;
      }
      if (t == null) {
        throw new Sandbox.ExpressionException(targetSource + " is null, so it has no element [" + indexSource + "]");
      }
      throw new Sandbox.ExpressionException("cannot take element [" + indexSource + "] of " + targetSource + ": it is "
          + Describe.kind(t) + " and the index is " + Describe.kind(key));
    }
  }
}
