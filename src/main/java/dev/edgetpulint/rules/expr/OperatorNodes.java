package dev.edgetpulint.rules.expr;

/** The operators: logic, comparison, membership, arithmetic, ranges, {@code ? :} and {@code ??}. */
final class OperatorNodes {
  private OperatorNodes() {}

  /** An operator with one operand; {@code source} is the operand's text, for error messages. */
  abstract static class Unary extends Node {
    final Node operand;
    final String source;

    Unary(Node operand, String source) {
      this.operand = operand;
      this.source = source;
    }
  }

  static final class Not extends Unary {
    Not(Node operand, String source) {
      super(operand, source);
    }

    @Override
    Object eval(Scope scope) {
      return !Truth.of(operand.eval(scope), source);
    }
  }

  static final class Negate extends Unary {
    Negate(Node operand, String source) {
      super(operand, source);
    }

    @Override
    Object eval(Scope scope) {
      return Arithmetic.negate(operand.eval(scope), source);
    }
  }

  static final class Plus extends Unary {
    Plus(Node operand, String source) {
      super(operand, source);
    }

    @Override
    Object eval(Scope scope) {
      return Arithmetic.plus(operand.eval(scope), source);
    }
  }

  /** {@code &&} ({@code and} true) or {@code ||}, short-circuiting, always a Boolean. */
  static final class Logical extends Node {
    private final boolean and;
    private final Node left;
    private final Node right;
    private final String leftSource;
    private final String rightSource;

    Logical(boolean and, Node left, Node right, String leftSource, String rightSource) {
      this.and = and;
      this.left = left;
      this.right = right;
      this.leftSource = leftSource;
      this.rightSource = rightSource;
    }

    @Override
    Object eval(Scope scope) {
      boolean l = Truth.of(left.eval(scope), leftSource);
      if (l != and) {
        return l;
      }
      return Truth.of(right.eval(scope), rightSource);
    }
  }

  /** {@code + - * / %}. */
  static final class Calculate extends Node {
    private final char op;
    private final Node left;
    private final Node right;
    private final String leftSource;
    private final String rightSource;

    Calculate(char op, Node left, Node right, String leftSource, String rightSource) {
      this.op = op;
      this.left = left;
      this.right = right;
      this.leftSource = leftSource;
      this.rightSource = rightSource;
    }

    @Override
    Object eval(Scope scope) {
      return Arithmetic.apply(op, left.eval(scope), right.eval(scope), leftSource, rightSource);
    }
  }

  static final class Compare extends Node {
    private final Ordering.Op op;
    private final Node left;
    private final Node right;
    private final String leftSource;
    private final String rightSource;

    Compare(Ordering.Op op, Node left, Node right, String leftSource, String rightSource) {
      this.op = op;
      this.left = left;
      this.right = right;
      this.leftSource = leftSource;
      this.rightSource = rightSource;
    }

    @Override
    Object eval(Scope scope) {
      return Ordering.holds(op, left.eval(scope), right.eval(scope), leftSource, rightSource);
    }
  }

  /** {@code ==}, or {@code !=} when {@code negated}. */
  static final class Equals extends Node {
    private final boolean negated;
    private final Node left;
    private final Node right;

    Equals(boolean negated, Node left, Node right) {
      this.negated = negated;
      this.left = left;
      this.right = right;
    }

    @Override
    Object eval(Scope scope) {
      return Equality.equal(left.eval(scope), right.eval(scope)) != negated;
    }
  }

  /** {@code value =~ container}, or {@code !~} when {@code negated}. */
  static final class Member extends Node {
    private final boolean negated;
    private final Node value;
    private final Node container;

    Member(boolean negated, Node value, Node container) {
      this.negated = negated;
      this.value = value;
      this.container = container;
    }

    @Override
    Object eval(Scope scope) {
      Object v = value.eval(scope);
      return Equality.contains(container.eval(scope), v) != negated;
    }
  }

  static final class RangeOf extends Node {
    private final Node from;
    private final Node to;
    private final String fromSource;
    private final String toSource;

    RangeOf(Node from, Node to, String fromSource, String toSource) {
      this.from = from;
      this.to = to;
      this.fromSource = fromSource;
      this.toSource = toSource;
    }

    @Override
    Object eval(Scope scope) {
      return Range.of(from.eval(scope), to.eval(scope), fromSource, toSource);
    }
  }

  /** {@code condition ? then : otherwise}; a null condition is false. */
  static final class Conditional extends Node {
    private final Node condition;
    private final Node then;
    private final Node otherwise;

    Conditional(Node condition, Node then, Node otherwise) {
      this.condition = condition;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override
    Object eval(Scope scope) {
      return Truth.orFalse(condition.eval(scope)) ? then.eval(scope) : otherwise.eval(scope);
    }
  }

  /** {@code value ?? fallback}. */
  static final class Coalesce extends Node {
    private final Node value;
    private final Node fallback;

    Coalesce(Node value, Node fallback) {
      this.value = value;
      this.fallback = fallback;
    }

    @Override
    Object eval(Scope scope) {
      Object v = value.eval(scope);
      return v != null ? v : fallback.eval(scope);
    }
  }
}
