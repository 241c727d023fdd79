package dev.edgetpulint.rules.expr;

/**
 * JEXL's reading of a value as true or false: false, 0, '' and 'false' are false, every other
 * value true (an empty list too). Null is an error in {@code !}, {@code &&} and {@code ||} (strict
 * mode) and false in the condition of {@code ? :}.
 */
final class Truth {
  private Truth() {}

  /** For {@code !}, {@code &&} and {@code ||}; {@code source} names the operand in the error. */
  static boolean of(Object value, String source) {
    if (value == null) {
      throw new Sandbox.ExpressionException(source + " is null, not true or false");
    }
    return nonNull(value);
  }

  /** For the condition of {@code ? :}: null is false. */
  static boolean orFalse(Object value) {
    return value != null && nonNull(value);
  }

  private static boolean nonNull(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (value instanceof String s) {
      return !s.isEmpty() && !s.equals("false");
    }
    return true;
  }
}
