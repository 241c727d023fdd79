package dev.edgetpulint.rules.expr;

import java.util.Map;
import java.util.TreeMap;

/**
 * The rule functions by name, linked when an expression is compiled: each call runs one method of
 * {@link Functions} through a switch on the function's number (no reflection, and no lambdas, whose
 * bootstrap costs a cold start more than the calls). A name that is not here, or a call with the
 * wrong number of arguments, is a compile error.
 */
final class FunctionTable {
  /** A rule function taking {@code min} to {@code max} arguments; {@code id} is its case in {@link #apply}. */
  record Function(String name, int min, int max, int id) {
    /** The function applied to {@code args} (1 to 3 of them); evaluation goes through {@link CallNode} instead. */
    Object apply(Object[] args) {
      int n = args.length;
      return FunctionTable.apply(id, n, args[0], n > 1 ? args[1] : null, n > 2 ? args[2] : null);
    }
  }

  private static final Functions F = Functions.INSTANCE;
  private static final Map<String, Function> ALL = new TreeMap<>();

  static {
    // In the order of the cases of apply().
    add("size", 1, 1);
    add("empty", 1, 1);
    add("max", 1, 1);
    add("min", 1, 1);
    add("sum", 1, 1);
    add("prod", 1, 1);
    add("abs", 1, 1);
    add("count_above", 2, 2);
    add("count_equal", 2, 2);
    add("count_not_equal", 2, 2);
    add("all_equal", 2, 2);
    add("contains", 2, 2);
    add("indices_equal", 2, 2);
    add("indices_above", 2, 2);
    add("first_index_above", 2, 2);
    add("normalize_axis", 2, 2);
    add("normalize_axes", 2, 2);
    add("slice", 2, 3);
    add("drop_last", 2, 2);
    add("last", 2, 2);
    add("at", 2, 2);
    add("concat", 2, 2);
    add("compact", 1, 1);
    add("where", 2, 2);
    add("where_not", 2, 2);
    add("where_equal", 3, 3);
    add("where_above", 3, 3);
    add("count", 2, 2);
    add("all", 2, 2);
    add("any", 2, 2);
    add("pluck", 2, 2);
    add("dims", 1, 1);
    add("join", 2, 2);
  }

  private FunctionTable() {}

  private static void add(String name, int min, int max) {
    ALL.put(name, new Function(name, min, max, ALL.size()));
  }

  /**
   * Runs function {@code id} on its {@code arity} arguments {@code a}, {@code b}, {@code c} (the
   * ones not passed are null): arguments in locals, not an array, since every function takes at
   * most three.
   */
  static Object apply(int id, int arity, Object a, Object b, Object c) {
    return switch (id) {
      case 0 -> F.size(a);
      case 1 -> F.empty(a);
      case 2 -> F.max(a);
      case 3 -> F.min(a);
      case 4 -> F.sum(a);
      case 5 -> F.prod(a);
      case 6 -> F.abs(a);
      case 7 -> F.count_above(a, b);
      case 8 -> F.count_equal(a, b);
      case 9 -> F.count_not_equal(a, b);
      case 10 -> F.all_equal(a, b);
      case 11 -> F.contains(a, b);
      case 12 -> F.indices_equal(a, b);
      case 13 -> F.indices_above(a, b);
      case 14 -> F.first_index_above(a, b);
      case 15 -> F.normalize_axis(a, b);
      case 16 -> F.normalize_axes(a, b);
      case 17 -> arity == 2 ? F.slice(a, b) : F.slice(a, b, c);
      case 18 -> F.drop_last(a, b);
      case 19 -> F.last(a, b);
      case 20 -> F.at(a, b);
      case 21 -> F.concat(a, b);
      case 22 -> F.compact(a);
      case 23 -> F.where(a, text(b, 2, "where"));
      case 24 -> F.where_not(a, text(b, 2, "where_not"));
      case 25 -> F.where_equal(a, text(b, 2, "where_equal"), c);
      case 26 -> F.where_above(a, text(b, 2, "where_above"), c);
      case 27 -> F.count(a, text(b, 2, "count"));
      case 28 -> F.all(a, text(b, 2, "all"));
      case 29 -> F.any(a, text(b, 2, "any"));
      case 30 -> F.pluck(a, text(b, 2, "pluck"));
      case 31 -> F.dims(a);
      case 32 -> F.join(a, text(b, 2, "join"));
      default -> throw new IllegalStateException("no function " + id);
    };
  }

  /** Every function, by name. */
  static Iterable<Function> all() {
    return ALL.values();
  }

  /** The function {@code name} called with {@code arity} arguments; throws a rule author's explanation. */
  static Function link(String name, int arity) {
    Function f = ALL.get(name);
    if (f == null) {
      throw new Sandbox.ExpressionException("unknown function '" + name + "'; the rule functions are "
          + String.join(", ", ALL.keySet()));
    }
    if (arity < f.min() || arity > f.max()) {
      String expected = f.min() == f.max() ? String.valueOf(f.min()) : f.min() + " or " + f.max();
      throw new Sandbox.ExpressionException(name + "() takes " + expected + (f.max() == 1 ? " argument" : " arguments")
          + ", not " + arity);
    }
    return f;
  }

  /** Argument number {@code i} (1-based), {@code v}, as a text (a fact name, a separator); null passes as JEXL passed it. */
  private static String text(Object v, int i, String function) {
    if (v == null || v instanceof String) {
      return (String) v;
    }
    String example = function.equals("join") ? "a separator such as ', '" : "a fact name such as 'constant'";
    throw new Sandbox.ExpressionException(function + "() needs a text as argument " + i + " (" + example + "), not "
        + Describe.kind(v) + " (" + Template.format(v) + ")");
  }
}
