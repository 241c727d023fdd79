package dev.edgetpulint.rules.expr;

/** {@code < <= > >=}: numbers by value, texts alphabetically, booleans false before true; null is an error. */
final class Ordering {
  private Ordering() {}

  /** The operators, numbered at compile time so that evaluation does not compare strings. */
  enum Op {
    LT("<"), LE("<="), GT(">"), GE(">=");

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    static Op of(String symbol) {
      for (Op op : values()) {
        if (op.symbol.equals(symbol)) {
          return op;
        }
      }
      throw new IllegalArgumentException(symbol);
    }
  }

  static boolean holds(Op op, Object left, Object right, String leftSource, String rightSource) {
    int c = compare(op.symbol, left, right, leftSource, rightSource);
    return switch (op) {
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
    };
  }

  private static int compare(String op, Object left, Object right, String leftSource, String rightSource) {
    if (left instanceof Number a && right instanceof Number b) {
      return Arithmetic.isIntegral(a) && Arithmetic.isIntegral(b)
          ? Long.compare(a.longValue(), b.longValue())
          : Double.compare(a.doubleValue(), b.doubleValue());
    }
    if (left instanceof String a && right instanceof String b) {
      return a.compareTo(b);
    }
    if (left instanceof Boolean a && right instanceof Boolean b) {
      return a.compareTo(b);
    }
    String culprit = left == null ? leftSource + " is null" : right == null ? rightSource + " is null"
        : leftSource + " is " + Describe.kind(left) + " and " + rightSource + " is " + Describe.kind(right);
    throw new Sandbox.ExpressionException("'" + op + "' compares two numbers or two texts, but " + culprit);
  }
}
