package dev.edgetpulint.rules.expr;

/**
 * One step of a compiled expression: the {@link Compiler} turns the syntax tree into a tree of
 * nodes once per rule, and evaluating an expression is one {@code eval} call on its root. Nodes
 * hold the source text of their operands, for error messages.
 */
interface Node {
  Object eval(Scope scope);
}
