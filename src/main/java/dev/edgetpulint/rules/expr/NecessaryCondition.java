package dev.edgetpulint.rules.expr;

import java.util.HashSet;
import java.util.Set;

/**
 * The part of a condition that reads only some variables: a condition that is false whenever the
 * whole one is false, whatever the other variables hold. Built through {@code &&}, {@code ||} and
 * parentheses; any other part that reads another variable counts as unknown (could be true):
 * {@code a && b} gives the parts of both sides, {@code a || b} only when both sides have one.
 *
 * <p>Why this is safe: when the part is false, the whole condition is false and its evaluation
 * never reaches an unknown part that could fail. A false part of {@code a && b} means a false
 * {@code a} (so {@code b} is not evaluated) or a false {@code b}; a false part of {@code a || b}
 * means both are false. The rule engine uses it to judge a tensor once for every operator of the
 * tensor when the rest of the condition reads the operator (see {@code CompiledRule}).
 */
final class NecessaryCondition {
  private final String text;
  private final Set<String> known;

  private NecessaryCondition(String text, Set<String> known) {
    this.text = text;
    this.known = known;
  }

  /**
   * The necessary condition of {@code text} (parsed as {@code syntax}) that reads only {@code known};
   * null when there is none.
   */
  static Expression of(String text, Ast syntax, Set<String> known) {
    NecessaryCondition c = new NecessaryCondition(text, known);
    Ast part = c.part(syntax);
    if (part == null) {
      return null;
    }
    Set<String> variables = new HashSet<>();
    Node root = Compiler.compile(text, part, variables);
    // The text is the whole condition's: the part is not a contiguous piece of it.
    return new Expression(text, root, variables, part);
  }

  private Ast part(Ast ast) {
    if (ast instanceof Ast.Group g) {
      return part(g.inner());
    }
    if (ast instanceof Ast.Binary b && (b.operator().equals("&&") || b.operator().equals("||"))) {
      Ast left = part(b.left());
      Ast right = part(b.right());
      if (b.operator().equals("&&")) {
        return left == null ? right : right == null ? left : new Ast.Binary("&&", left, right, b.start(), b.end());
      }
      return left == null || right == null ? null : new Ast.Binary("||", left, right, b.start(), b.end());
    }
    Set<String> variables = new HashSet<>();
    Compiler.compile(text, ast, variables);
    return known.containsAll(variables) ? ast : null;
  }
}
