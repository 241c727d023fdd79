package dev.edgetpulint.rules.expr;

import java.util.List;

/**
 * The syntax tree of a rule expression, as the {@link Parser} reads it. {@code start} and
 * {@code end} are character offsets in the expression, for messages that quote the part at fault.
 */
sealed interface Ast {
  int start();

  int end();

  /** A number, text, true, false or null. */
  record Literal(Object value, int start, int end) implements Ast {}

  /** {@code (inner)}: kept so that messages quote the parentheses, and JEXL's {@code (x) ?? 1} stays unprotected. */
  record Group(Ast inner, int start, int end) implements Ast {}

  /** {@code [a, b]}. */
  record ListLiteral(List<Ast> items, int start, int end) implements Ast {}

  /** {@code {'k': v}}: keys and values in order. */
  record MapLiteral(List<Ast> keys, List<Ast> values, int start, int end) implements Ast {}

  /** A variable: op, model, tensor, runtime, compiler or a let helper. */
  record Variable(String name, int start, int end) implements Ast {}

  /** {@code target.name}. */
  record Property(Ast target, String name, int start, int end) implements Ast {}

  /** {@code target[index]}. */
  record Index(Ast target, Ast index, int start, int end) implements Ast {}

  /** {@code name(arguments)}: one of the rule functions. */
  record Call(String name, List<Ast> arguments, int start, int end) implements Ast {}

  /** {@code !x}, {@code -x}, {@code +x}. */
  record Unary(String operator, Ast operand, int start, int end) implements Ast {}

  /** Every two-operand operator but {@code ??}: arithmetic, comparison, membership, logic, range. */
  record Binary(String operator, Ast left, Ast right, int start, int end) implements Ast {}

  /** {@code condition ? then : otherwise}. */
  record Conditional(Ast condition, Ast then, Ast otherwise, int start, int end) implements Ast {}

  /** {@code value ?? fallback}. */
  record Coalesce(Ast value, Ast fallback, int start, int end) implements Ast {}

  /** Whether this is a reference chain (variable, property, index): what JEXL protects in a condition or before '??'. */
  static boolean isReference(Ast node) {
    return node instanceof Variable || node instanceof Property || node instanceof Index;
  }
}
