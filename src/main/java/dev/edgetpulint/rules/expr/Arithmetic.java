package dev.edgetpulint.rules.expr;

/**
 * {@code + - * / %} and unary minus with JEXL's number rules: integers stay integral (Integer while
 * both operands are and the result fits, else Long), integer division truncates, any floating-point
 * operand makes the result a Double, division by zero is an error, and {@code +} with a text
 * concatenates. Null is an error (strict mode). A Long overflow is an error rather than JEXL's
 * BigInteger, which no fact or function uses.
 */
final class Arithmetic {
  private Arithmetic() {}

  static boolean isIntegral(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
  }

  static Object apply(char op, Object left, Object right, String leftSource, String rightSource) {
    if (op == '+' && (left instanceof String || right instanceof String)) {
      if (left == null || right == null) {
        throw new Sandbox.ExpressionException("'+' cannot join null to a text: " + (left == null ? leftSource : rightSource)
            + " is null");
      }
      return String.valueOf(left) + right;
    }
    Number a = operand(op, left, leftSource);
    Number b = operand(op, right, rightSource);
    if (isIntegral(a) && isIntegral(b)) {
      long x = a.longValue();
      long y = b.longValue();
      long r;
      try {
        r = switch (op) {
          case '+' -> Math.addExact(x, y);
          case '-' -> Math.subtractExact(x, y);
          case '*' -> Math.multiplyExact(x, y);
          case '/' -> x / nonZero(y, leftSource, op, rightSource);
          default -> x % nonZero(y, leftSource, op, rightSource);
        };
      } catch (ArithmeticException e) {
        throw new Sandbox.ExpressionException(leftSource + " " + op + " " + rightSource + " is too large a number");
      }
      return narrow(r, !(a instanceof Long) && !(b instanceof Long));
    }
    double x = a.doubleValue();
    double y = b.doubleValue();
    return switch (op) {
      case '+' -> x + y;
      case '-' -> x - y;
      case '*' -> x * y;
      case '/' -> x / nonZero(y, leftSource, op, rightSource);
      default -> x % nonZero(y, leftSource, op, rightSource);
    };
  }

  static Object negate(Object value, String source) {
    Number n = operand('-', value, source);
    if (n instanceof Double d) {
      return -d;
    }
    if (n instanceof Float f) {
      return -f;
    }
    if (n.longValue() == Long.MIN_VALUE) {
      throw new Sandbox.ExpressionException("-" + source + " is too large a number");
    }
    return narrow(-n.longValue(), !(n instanceof Long));
  }

  static Number plus(Object value, String source) {
    return operand('+', value, source);
  }

  /** An Integer while the operands were and the value fits, as JEXL does. */
  static Number narrow(long value, boolean intOperands) {
    return intOperands && value == (int) value ? (Number) (int) value : (Number) value;
  }

  private static Number operand(char op, Object value, String source) {
    if (value instanceof Number n && (isIntegral(n) || n instanceof Double || n instanceof Float)) {
      return n;
    }
    String what = value == null ? "null" : Describe.kind(value) + " (" + Template.format(value) + ")";
    throw new Sandbox.ExpressionException("'" + op + "' needs numbers" + (op == '+' ? " or a text" : "") + ", but "
        + source + " is " + what);
  }

  private static long nonZero(long y, String left, char op, String right) {
    if (y == 0) {
      throw divisionByZero(left, op, right);
    }
    return y;
  }

  private static double nonZero(double y, String left, char op, String right) {
    if (y == 0) {
      throw divisionByZero(left, op, right);
    }
    return y;
  }

  private static Sandbox.ExpressionException divisionByZero(String left, char op, String right) {
    return new Sandbox.ExpressionException("division by zero: " + left + " " + op + " " + right);
  }
}
