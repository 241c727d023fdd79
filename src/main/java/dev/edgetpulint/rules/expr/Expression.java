package dev.edgetpulint.rules.expr;

import java.util.Set;

/** A compiled rule expression: evaluate it in a {@link Scope} as often as needed. Thread-safe. */
public final class Expression {
  private final String text;
  private final Node root;
  private final Set<String> variables;
  /** The syntax tree {@link #root} was compiled from, for analyses of what the expression reads. */
  private final Ast syntax;

  Expression(String text, Node root, Set<String> variables, Ast syntax) {
    this.text = text;
    this.root = root;
    this.variables = Set.copyOf(variables);
    this.syntax = syntax;
  }

  Ast syntax() {
    return syntax;
  }

  /**
   * The value of the expression in {@code scope}.
   *
   * @throws Sandbox.ExpressionException when it cannot be evaluated there (a null in arithmetic, an
   *     unknown variable, ...), or {@link Facts.UnknownFactException} for a fact that does not exist
   */
  public Object evaluate(Scope scope) {
    return root.eval(scope);
  }

  /** The names of the variables the expression reads (op, tensor, a let helper, ...). */
  public Set<String> variables() {
    return variables;
  }

  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
