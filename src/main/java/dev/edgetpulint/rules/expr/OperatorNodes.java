package dev.edgetpulint.rules.expr;

/** The operators: logic, comparison, membership, arithmetic, ranges, {@code ? :} and {@code ??}. */
final class OperatorNodes {
  private OperatorNodes() {}

  record Not(Node operand, String source) implements Node {
    @Override
    public Object eval(Scope scope) {
      return !Truth.of(operand.eval(scope), source);
    }
  }

  record Negate(Node operand, String source) implements Node {
    @Override
    public Object eval(Scope scope) {
      return Arithmetic.negate(operand.eval(scope), source);
    }
  }

  record Plus(Node operand, String source) implements Node {
    @Override
    public Object eval(Scope scope) {
      return Arithmetic.plus(operand.eval(scope), source);
    }
  }

  /** {@code &&} ({@code and} true) or {@code ||}, short-circuiting, always a Boolean. */
  record Logical(boolean and, Node left, Node right, String leftSource, String rightSource) implements Node {
    @Override
    public Object eval(Scope scope) {
      boolean l = Truth.of(left.eval(scope), leftSource);
      if (l != and) {
        return l;
      }
      return Truth.of(right.eval(scope), rightSource);
    }
  }

  /** {@code + - * / %}. */
  record Calculate(char op, Node left, Node right, String leftSource, String rightSource) implements Node {
    @Override
    public Object eval(Scope scope) {
      return Arithmetic.apply(op, left.eval(scope), right.eval(scope), leftSource, rightSource);
    }
  }

  record Compare(Ordering.Op op, Node left, Node right, String leftSource, String rightSource) implements Node {
    @Override
    public Object eval(Scope scope) {
      return Ordering.holds(op, left.eval(scope), right.eval(scope), leftSource, rightSource);
    }
  }

  /** {@code ==}, or {@code !=} when {@code negated}. */
  record Equals(boolean negated, Node left, Node right) implements Node {
    @Override
    public Object eval(Scope scope) {
      return Equality.equal(left.eval(scope), right.eval(scope)) != negated;
    }
  }

  /** {@code value =~ container}, or {@code !~} when {@code negated}. */
  record Member(boolean negated, Node value, Node container) implements Node {
    @Override
    public Object eval(Scope scope) {
      Object v = value.eval(scope);
      return Equality.contains(container.eval(scope), v) != negated;
    }
  }

  record RangeOf(Node from, Node to, String fromSource, String toSource) implements Node {
    @Override
    public Object eval(Scope scope) {
      return Range.of(from.eval(scope), to.eval(scope), fromSource, toSource);
    }
  }

  /** {@code condition ? then : otherwise}; a null condition is false. */
  record Conditional(Node condition, Node then, Node otherwise) implements Node {
    @Override
    public Object eval(Scope scope) {
      return Truth.orFalse(condition.eval(scope)) ? then.eval(scope) : otherwise.eval(scope);
    }
  }

  /** {@code value ?? fallback}. */
  record Coalesce(Node value, Node fallback) implements Node {
    @Override
    public Object eval(Scope scope) {
      Object v = value.eval(scope);
      return v != null ? v : fallback.eval(scope);
    }
  }
}
