package dev.edgetpulint.rules.expr;

/**
 * One token of a rule expression: {@code text} is its spelling, {@code value} the literal's value
 * (numbers, texts), {@code start} and {@code end} its character offsets in the expression.
 */
record Token(Kind kind, String text, Object value, int start, int end) {
  enum Kind {
    NUMBER, STRING, IDENTIFIER, OPERATOR, END,
    /** A JEXL construct the language refuses; {@code value} says why. The parser reports it when it gets there. */
    REFUSED
  }

  boolean is(String operator) {
    return kind == Kind.OPERATOR && text.equals(operator);
  }
}
