package dev.edgetpulint.rules.expr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a syntax tree into evaluator nodes, once per expression: links function calls to
 * {@link FunctionTable}, makes literal lists and maps constants, and marks the references JEXL
 * protected (the condition of {@code ? :}, the left of {@code ??}) lenient. Collects the variables
 * the expression reads.
 */
final class Compiler {
  private final String text;
  private final Set<String> variables;

  private Compiler(String text, Set<String> variables) {
    this.text = text;
    this.variables = variables;
  }

  /** The root node of {@code ast}; the names of the variables it reads are added to {@code variables}. */
  static Node compile(String text, Ast ast, Set<String> variables) {
    return new Compiler(text, variables).node(ast, false);
  }

  private Node node(Ast ast, boolean lenient) {
    if (ast instanceof Ast.Group g) {
      return node(g.inner(), false);
    }
    if (ast instanceof Ast.Literal l) {
      return new LiteralNodes.Constant(l.value());
    }
    if (ast instanceof Ast.Variable v) {
      variables.add(v.name());
      return new ReadNodes.Variable(v.name(), lenient);
    }
    if (ast instanceof Ast.Property p) {
      return new ReadNodes.Property(reference(p.target(), lenient), p.name(), source(p.target()), lenient);
    }
    if (ast instanceof Ast.Index i) {
      return new ReadNodes.Index(reference(i.target(), lenient), reference(i.index(), lenient), source(i.target()),
          source(i.index()), lenient);
    }
    if (ast instanceof Ast.ListLiteral l) {
      return list(l.items());
    }
    if (ast instanceof Ast.MapLiteral m) {
      return map(m.keys(), m.values());
    }
    if (ast instanceof Ast.Call c) {
      FunctionTable.Function f = link(c);
      return new CallNode(f, nodes(c.arguments()));
    }
    if (ast instanceof Ast.Unary u) {
      return unary(u);
    }
    if (ast instanceof Ast.Binary b) {
      return binary(b);
    }
    if (ast instanceof Ast.Conditional c) {
      return new OperatorNodes.Conditional(reference(c.condition(), true), node(c.then(), false), node(c.otherwise(), false));
    }
    Ast.Coalesce c = (Ast.Coalesce) ast;
    return new OperatorNodes.Coalesce(reference(c.value(), true), node(c.fallback(), false));
  }

  /** {@code ast} lenient when it is a reference in a protected place (or inside one), else strict. */
  private Node reference(Ast ast, boolean lenient) {
    return node(ast, lenient && Ast.isReference(ast));
  }

  private FunctionTable.Function link(Ast.Call c) {
    try {
      return FunctionTable.link(c.name(), c.arguments().size());
    } catch (Sandbox.ExpressionException e) {
      throw new Sandbox.ExpressionException(e.getMessage() + " (at " + Sandbox.position(text, c.start()) + ")");
    }
  }

  private Node unary(Ast.Unary u) {
    Node operand = node(u.operand(), false);
    String source = source(u.operand());
    return switch (u.operator()) {
      case "!" -> new OperatorNodes.Not(operand, source);
      case "+" -> new OperatorNodes.Plus(operand, source);
      default -> operand instanceof LiteralNodes.Constant k && k.value() instanceof Number n && Arithmetic.isIntegral(n)
          && n.longValue() != Long.MIN_VALUE
          ? new LiteralNodes.Constant(Arithmetic.narrow(-n.longValue(), true)) // -2147483648 is an Integer, as in JEXL
          : new OperatorNodes.Negate(operand, source);
    };
  }

  private Node binary(Ast.Binary b) {
    Node l = node(b.left(), false);
    Node r = node(b.right(), false);
    String ls = source(b.left());
    String rs = source(b.right());
    return switch (b.operator()) {
      case "&&" -> new OperatorNodes.Logical(true, l, r, ls, rs);
      case "||" -> new OperatorNodes.Logical(false, l, r, ls, rs);
      case "==" -> new OperatorNodes.Equals(false, l, r);
      case "!=" -> new OperatorNodes.Equals(true, l, r);
      case "=~" -> new OperatorNodes.Member(false, l, r);
      case "!~" -> new OperatorNodes.Member(true, l, r);
      case "<", "<=", ">", ">=" -> new OperatorNodes.Compare(Ordering.Op.of(b.operator()), l, r, ls, rs);
      case ".." -> new OperatorNodes.RangeOf(l, r, ls, rs);
      default -> new OperatorNodes.Calculate(b.operator().charAt(0), l, r, ls, rs);
    };
  }

  private Node list(List<Ast> items) {
    Node[] nodes = nodes(items);
    if (allConstant(nodes)) {
      Object[] values = new Object[nodes.length];
      for (int i = 0; i < nodes.length; i++) {
        values[i] = ((LiteralNodes.Constant) nodes[i]).value();
      }
      return new LiteralNodes.Constant(LiteralNodes.list(values));
    }
    return new LiteralNodes.ListOf(nodes);
  }

  private Node map(List<Ast> keys, List<Ast> values) {
    Node[] k = nodes(keys);
    Node[] v = nodes(values);
    if (allConstant(k) && allConstant(v)) {
      Map<Object, Object> map = new HashMap<>();
      for (int i = 0; i < k.length; i++) {
        map.put(((LiteralNodes.Constant) k[i]).value(), ((LiteralNodes.Constant) v[i]).value());
      }
      return new LiteralNodes.Constant(java.util.Collections.unmodifiableMap(map));
    }
    return new LiteralNodes.MapOf(k, v);
  }

  private Node[] nodes(List<Ast> asts) {
    Node[] out = new Node[asts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = node(asts.get(i), false);
    }
    return out;
  }

  private static boolean allConstant(Node[] nodes) {
    for (Node n : nodes) {
      if (!(n instanceof LiteralNodes.Constant)) {
        return false;
      }
    }
    return true;
  }

  /** The text of {@code ast}, on one line, for messages. */
  private String source(Ast ast) {
    StringBuilder sb = new StringBuilder(ast.end() - ast.start());
    boolean space = false;
    for (int i = ast.start(); i < ast.end(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
