package dev.edgetpulint.rules.expr;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The expression language of rule conditions: the project's own evaluator of a side-effect-free
 * subset of Apache Commons JEXL (docs/rules-engine.md has the grammar). There are no loops,
 * lambdas, local variables, assignments, method calls or {@code new}: only literals, variables,
 * properties of fact maps, operators and the functions of {@link Functions}, linked by name when
 * the expression is compiled. Nothing is looked up by reflection, so no Java class besides the
 * fact maps, their lists and {@link Functions} is reachable. Without loops or recursion an
 * expression's evaluation time is bounded by its length times the size of the lists it reads;
 * {@link #MAX_LENGTH} bounds the length and {@link #MAX_DEPTH} the nesting (and so the stack).
 */
public final class Sandbox {
  /** Longest expression accepted (characters). */
  public static final int MAX_LENGTH = 2000;
  /** Deepest nesting of sub-expressions and unary operators accepted. */
  public static final int MAX_DEPTH = 64;

  private Sandbox() {}

  /**
   * Compiles one expression.
   *
   * @throws ExpressionException with a rule author's explanation: what is wrong, where (column),
   *     and the expression
   */
  public static Expression compile(String text) {
    if (text == null || text.isBlank()) {
      throw new ExpressionException("the expression is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new ExpressionException("the expression is longer than " + MAX_LENGTH + " characters");
    }
    try {
      Set<String> variables = new HashSet<>();
      Ast syntax = Parser.parse(text);
      Node root = Compiler.compile(text, syntax, variables);
      return new Expression(text, root, variables, syntax);
    } catch (ExpressionException e) {
      throw new ExpressionException(e.getMessage() + ": " + text.strip());
    }
  }

  /**
   * A condition that is false whenever the compiled {@code text} is, reading only the variables in
   * {@code known}; null when {@code text} has no such part ({@link NecessaryCondition}). {@code text}
   * must compile.
   */
  public static Expression necessaryCondition(String text, Set<String> known) {
    return NecessaryCondition.of(text, Parser.parse(text), known);
  }

  /** As {@link #necessaryCondition(String, Set)}, for a compiled condition (not parsed again). */
  public static Expression necessaryCondition(Expression condition, Set<String> known) {
    return NecessaryCondition.of(condition.text(), condition.syntax(), known);
  }

  /**
   * The operator's tensors the compiled {@code forEach} lists, when it can only list tensors of the
   * operator and cannot fail: it is built from {@code op.inputs}, {@code op.outputs}, {@code concat},
   * {@code compact} and {@code where} / {@code where_not} on a tensor fact; else null ({@link
   * OperatorTensorList}). {@code forEach} must compile; {@code op} must be the operator (no helper of
   * that name).
   */
  public static OperatorTensorList operatorTensorList(String forEach) {
    return OperatorTensorList.of(Parser.parse(forEach));
  }

  /** As {@link #operatorTensorList(String)}, for a compiled {@code for_each} (not parsed again); null for none. */
  public static OperatorTensorList operatorTensorList(Expression forEach) {
    return forEach == null ? null : OperatorTensorList.of(forEach.syntax());
  }

  /**
   * The facts of {@code tensor} that {@code expressions} read, when they read the tensor only through
   * facts named in the expression ({@code tensor.shape}, {@code tensor['type']}); else null ({@link
   * FactReads}). The expressions' value on a tensor then depends only on those facts' values and
   * the other variables they read.
   */
  public static Set<String> tensorFactsRead(Collection<Expression> expressions) {
    return FactReads.of("tensor", expressions);
  }

  /** As {@link #tensorFactsRead}, for the operator: the facts of {@code op} that {@code expressions} read, or null. */
  public static Set<String> operatorFactsRead(Collection<Expression> expressions) {
    return FactReads.of("op", expressions);
  }

  /** "column 7", or "line 2, column 5" in an expression of several lines (1-based). */
  static String position(String text, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = offset - lineStart + 1;
    return text.indexOf('\n') < 0 ? "column " + column : "line " + line + ", column " + column;
  }

  /** A rule expression that cannot be compiled or evaluated. */
  public static final class ExpressionException extends RuntimeException {
    public ExpressionException(String message) {
      super(message);
    }
  }
}
