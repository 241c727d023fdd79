package dev.edgetpulint.rules.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser of rule expressions, one method per precedence level, loosest first
 * (JEXL's grammar, so that every rule reads as it did under JEXL):
 *
 * <pre>
 * expression  = or [ "?" expression ":" expression | "??" expression ]     (right-associative)
 * or          = and { "||" and }
 * and         = equality { "&amp;&amp;" equality }
 * equality    = relation [ ("==" | "!=" | "..") relation ]                  (not chained)
 * relation    = sum [ ("&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "=~" | "!~") sum ]     (not chained)
 * sum         = product { ("+" | "-") product }
 * product     = unary { ("*" | "/" | "%") unary }
 * unary       = ("!" | "-" | "+") unary | postfix
 * postfix     = primary { "." name | "[" expression "]" }
 * primary     = number | text | true | false | null | name | name "(" [ expression { "," expression } ] ")"
 *             | "(" expression ")" | "[" [ expression { "," expression } [","] ] "]"
 *             | "{" [ expression ":" expression { "," expression ":" expression } [","] ] "}"
 * </pre>
 *
 * Nesting (of sub-expressions and unary operators) is limited to {@link Sandbox#MAX_DEPTH} levels, so
 * a hostile rule cannot overflow the stack.
 */
final class Parser {
  private static final Map<String, String> WORD_OPERATORS = Map.ofEntries(
      Map.entry("and", "&&"), Map.entry("or", "||"), Map.entry("not", "!"), Map.entry("eq", "=="),
      Map.entry("ne", "!="), Map.entry("lt", "<"), Map.entry("le", "<="), Map.entry("gt", ">"),
      Map.entry("ge", ">="), Map.entry("div", "/"), Map.entry("mod", "%"));
  private static final Set<String> LOOPS = Set.of("while", "for", "do");
  private static final Set<String> LOCALS = Set.of("var", "let", "const", "function");
  private static final Set<String> STATEMENTS = Set.of("if", "else", "return", "break", "continue", "import", "switch", "try", "throw");
  private static final Set<String> RELATIONS = Set.of("<", "<=", ">", ">=", "=~", "!~");

  private final String text;
  private final List<Token> tokens;
  private int pos;
  private int depth;

  private Parser(String text) {
    this.text = text;
    this.tokens = Lexer.tokens(text);
  }

  /** The tree of {@code text}; throws {@link Sandbox.ExpressionException} saying what is wrong and where. */
  static Ast parse(String text) {
    Parser p = new Parser(text);
    Ast ast = p.expression();
    Token rest = p.peek();
    if (rest.kind() != Token.Kind.END) {
      throw p.unexpected(rest, "the end of the expression or an operator");
    }
    return ast;
  }

  private Ast expression() {
    enter();
    Ast condition = or();
    Ast result = condition;
    if (peek().is("?")) {
      Token question = tokens.get(pos++);
      Ast then = expression();
      expect(":", "':' of the '?' at " + Sandbox.position(text, question.start()));
      Ast otherwise = expression();
      result = new Ast.Conditional(condition, then, otherwise, condition.start(), otherwise.end());
    } else if (peek().is("??")) {
      pos++;
      Ast fallback = expression();
      result = new Ast.Coalesce(condition, fallback, condition.start(), fallback.end());
    }
    depth--;
    return result;
  }

  private Ast or() {
    Ast left = and();
    while (peek().is("||")) {
      pos++;
      Ast right = and();
      left = new Ast.Binary("||", left, right, left.start(), right.end());
    }
    return left;
  }

  private Ast and() {
    Ast left = equality();
    while (peek().is("&&")) {
      pos++;
      Ast right = equality();
      left = new Ast.Binary("&&", left, right, left.start(), right.end());
    }
    return left;
  }

  private Ast equality() {
    Ast left = relation();
    Token op = peek();
    if (op.is("==") || op.is("!=") || op.is("..")) {
      pos++;
      Ast right = relation();
      left = new Ast.Binary(op.text(), left, right, left.start(), right.end());
      Token again = peek();
      if (again.is("==") || again.is("!=") || again.is("..")) {
        throw error(again.start(), "'" + again.text() + "' cannot follow '" + op.text() + "' directly; add parentheses");
      }
    }
    return left;
  }

  private Ast relation() {
    Ast left = sum();
    Token op = peek();
    if (op.kind() == Token.Kind.OPERATOR && RELATIONS.contains(op.text())) {
      pos++;
      Ast right = sum();
      left = new Ast.Binary(op.text(), left, right, left.start(), right.end());
      Token again = peek();
      if (again.kind() == Token.Kind.OPERATOR && RELATIONS.contains(again.text())) {
        throw error(again.start(), "comparisons cannot be chained; write 'a < b && b < c'");
      }
    }
    return left;
  }

  private Ast sum() {
    Ast left = product();
    while (peek().is("+") || peek().is("-")) {
      String op = tokens.get(pos++).text();
      Ast right = product();
      left = new Ast.Binary(op, left, right, left.start(), right.end());
    }
    return left;
  }

  private Ast product() {
    Ast left = unary();
    while (peek().is("*") || peek().is("/") || peek().is("%")) {
      String op = tokens.get(pos++).text();
      Ast right = unary();
      left = new Ast.Binary(op, left, right, left.start(), right.end());
    }
    return left;
  }

  private Ast unary() {
    Token t = peek();
    if (t.is("!") || t.is("-") || t.is("+")) {
      pos++;
      enter();
      Ast operand = unary();
      depth--;
      return new Ast.Unary(t.text(), operand, t.start(), operand.end());
    }
    if (t.kind() == Token.Kind.IDENTIFIER && t.text().equals("not")) {
      throw error(t.start(), "'not' is not supported; write '!'");
    }
    return postfix();
  }

  private Ast postfix() {
    Ast node = primary();
    while (true) {
      Token t = peek();
      if (t.is(".")) {
        pos++;
        Token name = peek();
        if (name.kind() != Token.Kind.IDENTIFIER) {
          throw unexpected(name, "a fact name after '.'");
        }
        pos++;
        if (peek().is("(")) {
          throw new Sandbox.ExpressionException(
              "method calls are not allowed; call one of the rule functions instead (docs/rules-engine.md) (at "
                  + Sandbox.position(text, name.start()) + ")");
        }
        node = new Ast.Property(node, name.text(), node.start(), name.end());
      } else if (t.is("[")) {
        pos++;
        Ast index = expression();
        Token close = expect("]", "']' to close the '[' at " + Sandbox.position(text, t.start()));
        node = new Ast.Index(node, index, node.start(), close.end());
      } else if (t.is("(")) {
        throw error(t.start(), "only the rule functions can be called, by name: size(x), where(l, 'fact'), ...");
      } else {
        return node;
      }
    }
  }

  private Ast primary() {
    Token t = peek();
    switch (t.kind()) {
      case NUMBER, STRING -> {
        pos++;
        return new Ast.Literal(t.value(), t.start(), t.end());
      }
      case IDENTIFIER -> {
        pos++;
        return named(t);
      }
      case END -> throw unexpected(t, "a value");
      default -> {
        // operators below
      }
    }
    if (t.is("(")) {
      pos++;
      Ast inner = expression();
      Token close = expect(")", "')' to close the '(' at " + Sandbox.position(text, t.start()));
      return new Ast.Group(inner, t.start(), close.end());
    }
    if (t.is("[")) {
      pos++;
      List<Ast> items = new ArrayList<>();
      Token close = items(items, null, "]", t);
      return new Ast.ListLiteral(items, t.start(), close.end());
    }
    if (t.is("{")) {
      pos++;
      List<Ast> keys = new ArrayList<>();
      List<Ast> values = new ArrayList<>();
      Token close = items(keys, values, "}", t);
      return new Ast.MapLiteral(keys, values, t.start(), close.end());
    }
    throw unexpected(t, "a value");
  }

  /** Comma-separated items up to {@code close} (a trailing comma is allowed, as in JEXL); map entries when {@code values} is given. */
  private Token items(List<Ast> keys, List<Ast> values, String close, Token open) {
    if (values != null && peek().is(":") && tokens.get(pos + 1).is("}")) {
      pos++; // {:} is JEXL's empty map
    }
    while (!peek().is(close)) {
      keys.add(expression());
      if (values != null) {
        expect(":", "':' after a key of the map at " + Sandbox.position(text, open.start()));
        values.add(expression());
      }
      if (!peek().is(",")) {
        break;
      }
      pos++;
    }
    return expect(close, "'" + close + "' to close the '" + open.text() + "' at " + Sandbox.position(text, open.start()));
  }

  /** A name in value position: a literal word, a function call or a variable. */
  private Ast named(Token t) {
    String name = t.text();
    switch (name) {
      case "true" -> {
        return new Ast.Literal(Boolean.TRUE, t.start(), t.end());
      }
      case "false" -> {
        return new Ast.Literal(Boolean.FALSE, t.start(), t.end());
      }
      case "null" -> {
        return new Ast.Literal(null, t.start(), t.end());
      }
      case "new" -> throw refused(t, "creating Java objects (new) is not allowed");
      default -> {
        // names below
      }
    }
    if (LOOPS.contains(name)) {
      throw refused(t, "loops are not allowed; use the list functions (where, count, all, any)");
    }
    if (LOCALS.contains(name)) {
      throw refused(t, "lambdas and local variables are not allowed; use the rule's 'let' section");
    }
    if (STATEMENTS.contains(name)) {
      throw refused(t, "statements are not allowed; write a condition such as 'a ? b : c'");
    }
    if (!peek().is("(")) {
      return new Ast.Variable(name, t.start(), t.end());
    }
    Token open = tokens.get(pos++);
    List<Ast> arguments = new ArrayList<>();
    Token close = items(arguments, null, ")", open);
    return new Ast.Call(name, arguments, t.start(), close.end());
  }

  private void enter() {
    if (++depth > Sandbox.MAX_DEPTH) {
      throw error(peek().start(), "the expression is nested more than " + Sandbox.MAX_DEPTH + " levels deep");
    }
  }

  private Token peek() {
    Token t = tokens.get(pos);
    if (t.kind() == Token.Kind.REFUSED) {
      throw new Sandbox.ExpressionException(t.value() + " (at " + Sandbox.position(text, t.start()) + ")");
    }
    return t;
  }

  private Token expect(String operator, String what) {
    Token t = peek();
    if (!t.is(operator)) {
      throw unexpected(t, what);
    }
    pos++;
    return t;
  }

  private Sandbox.ExpressionException unexpected(Token t, String expected) {
    String found = t.kind() == Token.Kind.END ? "the end of the expression" : "'" + t.text() + "'";
    String hint = "";
    if (t.kind() == Token.Kind.IDENTIFIER && WORD_OPERATORS.containsKey(t.text())) {
      hint = "; '" + t.text() + "' is not supported, write '" + WORD_OPERATORS.get(t.text()) + "'";
    }
    return error(t.start(), "expected " + expected + " but found " + found + hint);
  }

  private Sandbox.ExpressionException refused(Token t, String what) {
    return new Sandbox.ExpressionException(what + " (at " + Sandbox.position(text, t.start()) + ")");
  }

  private Sandbox.ExpressionException error(int at, String what) {
    return new Sandbox.ExpressionException("cannot parse expression: " + what + " (at " + Sandbox.position(text, at) + ")");
  }
}
