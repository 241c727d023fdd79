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
    Object apply(Object[] args) {
      return FunctionTable.apply(id, args);
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

  private static Object apply(int id, Object[] a) {
    return switch (id) {
      case 0 -> F.size(a[0]);
      case 1 -> F.empty(a[0]);
      case 2 -> F.max(a[0]);
      case 3 -> F.min(a[0]);
      case 4 -> F.sum(a[0]);
      case 5 -> F.prod(a[0]);
      case 6 -> F.abs(a[0]);
      case 7 -> F.count_above(a[0], a[1]);
      case 8 -> F.count_equal(a[0], a[1]);
      case 9 -> F.count_not_equal(a[0], a[1]);
      case 10 -> F.all_equal(a[0], a[1]);
      case 11 -> F.contains(a[0], a[1]);
      case 12 -> F.indices_equal(a[0], a[1]);
      case 13 -> F.indices_above(a[0], a[1]);
      case 14 -> F.first_index_above(a[0], a[1]);
      case 15 -> F.normalize_axis(a[0], a[1]);
      case 16 -> F.normalize_axes(a[0], a[1]);
      case 17 -> a.length == 2 ? F.slice(a[0], a[1]) : F.slice(a[0], a[1], a[2]);
      case 18 -> F.drop_last(a[0], a[1]);
      case 19 -> F.last(a[0], a[1]);
      case 20 -> F.at(a[0], a[1]);
      case 21 -> F.concat(a[0], a[1]);
      case 22 -> F.compact(a[0]);
      case 23 -> F.where(a[0], text(a, 1, "where"));
      case 24 -> F.where_not(a[0], text(a, 1, "where_not"));
      case 25 -> F.where_equal(a[0], text(a, 1, "where_equal"), a[2]);
      case 26 -> F.where_above(a[0], text(a, 1, "where_above"), a[2]);
      case 27 -> F.count(a[0], text(a, 1, "count"));
      case 28 -> F.all(a[0], text(a, 1, "all"));
      case 29 -> F.any(a[0], text(a, 1, "any"));
      case 30 -> F.pluck(a[0], text(a, 1, "pluck"));
      case 31 -> F.dims(a[0]);
      case 32 -> F.join(a[0], text(a, 1, "join"));
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

  /** Argument {@code i} as a text (a fact name, a separator); null passes as JEXL passed it. */
  private static String text(Object[] args, int i, String function) {
    Object v = args[i];
    if (v == null || v instanceof String) {
      return (String) v;
    }
    String example = function.equals("join") ? "a separator such as ', '" : "a fact name such as 'constant'";
    throw new Sandbox.ExpressionException(function + "() needs a text as argument " + (i + 1) + " (" + example + "), not "
        + Describe.kind(v) + " (" + Template.format(v) + ")");
  }
}
