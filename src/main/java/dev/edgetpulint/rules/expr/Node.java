package dev.edgetpulint.rules.expr;

/**
 * One step of a compiled expression: the {@link Compiler} turns the syntax tree into a tree of
 * nodes once per rule, and evaluating an expression is one {@code eval} call on its root. Nodes
 * hold the source text of their operands, for error messages.
 *
 * <p>An abstract class, not an interface: a parent node calls {@code eval} on children of a dozen
 * kinds, and a megamorphic call of an abstract method is a vtable load, while one of an interface
 * method is an itable scan (the largest single cost in a profile of judging when this was an
 * interface). So the nodes are small final classes instead of records.
 */
abstract class Node {
  abstract Object eval(Scope scope);
}
