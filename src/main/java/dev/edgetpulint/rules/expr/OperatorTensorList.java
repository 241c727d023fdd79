package dev.edgetpulint.rules.expr;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code for_each} that lists some of the operator's tensors and cannot fail: {@code op.inputs}
 * and {@code op.outputs} (lists of tensor facts, with null for an absent optional input), joined by
 * {@code concat}, with nulls dropped by {@code compact}, filtered by {@code where} or {@code
 * where_not} on a fact every tensor has. Each of these only walks a short list and reads known facts,
 * so none throws. The rule engine may then judge such a rule on the model's tensors alone: when its
 * condition is false for every tensor the list could hold, it is false at every operator ({@code
 * CompiledRule}).
 */
public final class OperatorTensorList {
  private static final Set<String> LISTS = Set.of("inputs", "outputs");

  private final Filter filter;

  private OperatorTensorList(Filter filter) {
    this.filter = filter;
  }

  /** The list {@code forEach} describes, or null when it is not one (see the class comment). */
  static OperatorTensorList of(Ast forEach) {
    Filter filter = filter(forEach);
    return filter == null ? null : new OperatorTensorList(filter);
  }

  /**
   * Whether the list could hold {@code tensor} at some operator: the filters of its branches allow
   * it. Membership in an operator's inputs or outputs is not tested, so this holds for more tensors
   * than any operator lists, never for fewer.
   */
  public boolean mayList(TensorFacts tensor) {
    return filter.allows(tensor);
  }

  /** The tensor facts {@link #mayList} reads. */
  public Set<String> facts() {
    Set<String> out = new HashSet<>();
    filter.addFacts(out);
    return out;
  }

  /** What the branches of the list let through, with each fact's position worked out once. */
  private abstract static class Filter {
    abstract boolean allows(TensorFacts tensor);

    /** Adds the facts {@link #allows} reads to {@code out}. */
    void addFacts(Set<String> out) {}
  }

  /** {@code op.inputs}, {@code op.outputs}: any tensor. */
  private static final class Any extends Filter {
    @Override
    boolean allows(TensorFacts tensor) {
      return true;
    }
  }

  /** {@code concat(a, b)}: what either lets through. */
  private static final class Either extends Filter {
    private final Filter first;
    private final Filter second;

    Either(Filter first, Filter second) {
      this.first = first;
      this.second = second;
    }

    @Override
    boolean allows(TensorFacts tensor) {
      return first.allows(tensor) || second.allows(tensor);
    }

    @Override
    void addFacts(Set<String> out) {
      first.addFacts(out);
      second.addFacts(out);
    }
  }

  /** {@code where(a, fact)} ({@code wanted} true) and {@code where_not(a, fact)}. */
  private static final class Having extends Filter {
    private final Filter inner;
    private final String fact;
    private final int position;
    private final boolean wanted;

    Having(Filter inner, String fact, boolean wanted) {
      this.inner = inner;
      this.fact = fact;
      this.position = TensorFacts.NAMES.indexOf(fact);
      this.wanted = wanted;
    }

    @Override
    boolean allows(TensorFacts tensor) {
      return Functions.truthy(tensor.get(position, fact)) == wanted && inner.allows(tensor);
    }

    @Override
    void addFacts(Set<String> out) {
      out.add(fact);
      inner.addFacts(out);
    }
  }

  /** What {@code ast} lets through, or null when it is not such a list. */
  private static Filter filter(Ast ast) {
    if (ast instanceof Ast.Group g) {
      return filter(g.inner());
    }
    if (ast instanceof Ast.Property p) {
      return p.target() instanceof Ast.Variable v && v.name().equals("op") && LISTS.contains(p.name()) ? new Any() : null;
    }
    if (!(ast instanceof Ast.Call c)) {
      return null;
    }
    List<Ast> args = c.arguments();
    switch (c.name()) {
      case "concat" -> {
        Filter first = args.size() == 2 ? filter(args.get(0)) : null;
        Filter second = first == null ? null : filter(args.get(1));
        return second == null ? null : new Either(first, second);
      }
      case "compact" -> {
        return args.size() == 1 ? filter(args.get(0)) : null;
      }
      case "where", "where_not" -> {
        Filter inner = args.size() == 2 ? filter(args.get(0)) : null;
        if (inner != null && args.get(1) instanceof Ast.Literal l && l.value() instanceof String fact
            && TensorFacts.NAMES.contains(fact)) {
          return new Having(inner, fact, c.name().equals("where"));
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }
}
