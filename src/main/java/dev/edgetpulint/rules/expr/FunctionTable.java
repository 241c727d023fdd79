package dev.edgetpulint.rules.expr;

import java.util.Map;
import java.util.TreeMap;

/**
 * The rule functions by name, linked when an expression is compiled: each entry calls one method
 * of {@link Functions} directly (no reflection). A name that is not here, or a call with the wrong
 * number of arguments, is a compile error.
 */
final class FunctionTable {
  /** A function's body over its evaluated arguments. */
  interface Body {
    Object apply(Object[] args);
  }

  /** A rule function taking {@code min} to {@code max} arguments. */
  record Function(String name, int min, int max, Body body) {}

  private static final Functions F = Functions.INSTANCE;
  private static final Map<String, Function> ALL = new TreeMap<>();

  static {
    one("size", a -> F.size(a[0]));
    one("empty", a -> F.empty(a[0]));
    one("max", a -> F.max(a[0]));
    one("min", a -> F.min(a[0]));
    one("sum", a -> F.sum(a[0]));
    one("prod", a -> F.prod(a[0]));
    one("abs", a -> F.abs(a[0]));
    two("count_above", a -> F.count_above(a[0], a[1]));
    two("count_equal", a -> F.count_equal(a[0], a[1]));
    two("count_not_equal", a -> F.count_not_equal(a[0], a[1]));
    two("all_equal", a -> F.all_equal(a[0], a[1]));
    two("contains", a -> F.contains(a[0], a[1]));
    two("indices_equal", a -> F.indices_equal(a[0], a[1]));
    two("indices_above", a -> F.indices_above(a[0], a[1]));
    two("first_index_above", a -> F.first_index_above(a[0], a[1]));
    two("normalize_axis", a -> F.normalize_axis(a[0], a[1]));
    two("normalize_axes", a -> F.normalize_axes(a[0], a[1]));
    add("slice", 2, 3, a -> a.length == 2 ? F.slice(a[0], a[1]) : F.slice(a[0], a[1], a[2]));
    two("drop_last", a -> F.drop_last(a[0], a[1]));
    two("last", a -> F.last(a[0], a[1]));
    two("at", a -> F.at(a[0], a[1]));
    two("concat", a -> F.concat(a[0], a[1]));
    one("compact", a -> F.compact(a[0]));
    two("where", a -> F.where(a[0], text(a, 1, "where")));
    two("where_not", a -> F.where_not(a[0], text(a, 1, "where_not")));
    add("where_equal", 3, 3, a -> F.where_equal(a[0], text(a, 1, "where_equal"), a[2]));
    add("where_above", 3, 3, a -> F.where_above(a[0], text(a, 1, "where_above"), a[2]));
    two("count", a -> F.count(a[0], text(a, 1, "count")));
    two("all", a -> F.all(a[0], text(a, 1, "all")));
    two("any", a -> F.any(a[0], text(a, 1, "any")));
    two("pluck", a -> F.pluck(a[0], text(a, 1, "pluck")));
    one("dims", a -> F.dims(a[0]));
    two("join", a -> F.join(a[0], text(a, 1, "join")));
  }

  private FunctionTable() {}

  private static void one(String name, Body body) {
    add(name, 1, 1, body);
  }

  private static void two(String name, Body body) {
    add(name, 2, 2, body);
  }

  private static void add(String name, int min, int max, Body body) {
    ALL.put(name, new Function(name, min, max, body));
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
