package dev.edgetpulint.rules.expr;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which facts of a variable ({@code tensor}, {@code op}) some expressions read: {@code tensor.shape},
 * {@code op['version']}. When that is all they do with the variable, their value depends on those
 * facts' values alone (and on the other variables they read): two tensors with equal values of them
 * give the same value. Any other use of the variable (passed to a function, compared, indexed by a
 * computed name) makes the answer unknown.
 */
final class FactReads {
  private final String variable;
  private final Set<String> facts = new HashSet<>();
  private boolean whole;

  private FactReads(String variable) {
    this.variable = variable;
  }

  /** The facts of {@code variable} that {@code expressions} read, or null when one uses it otherwise. */
  static Set<String> of(String variable, Collection<Expression> expressions) {
    FactReads reads = new FactReads(variable);
    for (Expression e : expressions) {
      reads.visit(e.syntax());
    }
    return reads.whole ? null : reads.facts;
  }

  private void visit(Ast ast) {
    if (ast instanceof Ast.Property p && isVariable(p.target())) {
      facts.add(p.name());
      return;
    }
    if (ast instanceof Ast.Index i && isVariable(i.target())) {
      if (i.index() instanceof Ast.Literal l && l.value() instanceof String name) {
        facts.add(name);
      } else {
        whole = true;
      }
      return;
    }
    if (ast instanceof Ast.Variable v) {
      whole |= v.name().equals(variable);
      return;
    }
    List<Ast> children = children(ast);
    if (children == null) {
      whole = true; // a kind of expression this analysis does not know: assume the worst
      return;
    }
    for (Ast child : children) {
      visit(child);
    }
  }

  private boolean isVariable(Ast ast) {
    return ast instanceof Ast.Group g ? isVariable(g.inner()) : ast instanceof Ast.Variable v && v.name().equals(variable);
  }

  /** The sub-expressions of {@code ast}; null for a kind of expression not listed here. */
  private static List<Ast> children(Ast ast) {
    if (ast instanceof Ast.Group g) {
      return List.of(g.inner());
    }
    if (ast instanceof Ast.ListLiteral l) {
      return l.items();
    }
    if (ast instanceof Ast.MapLiteral m) {
      List<Ast> out = new java.util.ArrayList<>(m.keys());
      out.addAll(m.values());
      return out;
    }
    if (ast instanceof Ast.Property p) {
      return List.of(p.target());
    }
    if (ast instanceof Ast.Index i) {
      return List.of(i.target(), i.index());
    }
    if (ast instanceof Ast.Call c) {
      return c.arguments();
    }
    if (ast instanceof Ast.Unary u) {
      return List.of(u.operand());
    }
    if (ast instanceof Ast.Binary b) {
      return List.of(b.left(), b.right());
    }
    if (ast instanceof Ast.Conditional c) {
      return List.of(c.condition(), c.then(), c.otherwise());
    }
    if (ast instanceof Ast.Coalesce c) {
      return List.of(c.value(), c.fallback());
    }
    return ast instanceof Ast.Literal ? List.of() : null;
  }
}
