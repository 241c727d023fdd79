package dev.edgetpulint.rules.expr;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.TreeSet;

/**
 * The functions rule expressions may call, linked by name in {@link FunctionTable}. Each is total
 * (null and out-of-range input give a neutral answer, never an exception) and runs in time linear
 * in its arguments, so an expression without loops or lambdas finishes in time bounded by its
 * length. Lists may hold nulls (omitted optional inputs); the list functions skip them.
 */
public final class Functions {
  public static final Functions INSTANCE = new Functions();

  private Functions() {}

  // ---- size (JEXL's built-in size() and empty(), kept with their JEXL meaning) ----

  /** Elements of a list, entries of a map, characters of a text; 0 for null and anything else. */
  public int size(Object value) {
    if (value instanceof Facts f) {
      return f.names().size();
    }
    if (value instanceof Collection<?> c) {
      return c.size();
    }
    if (value instanceof Map<?, ?> m) {
      return m.size();
    }
    if (value instanceof String s) {
      return s.length();
    }
    return 0;
  }

  /** Whether the value is null, an empty list, map or text, or the number 0. */
  public boolean empty(Object value) {
    if (value == null) {
      return true;
    }
    if (value instanceof Number n) {
      return n.doubleValue() == 0;
    }
    if (value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof String) {
      return size(value) == 0;
    }
    return false;
  }

  // ---- numbers over lists ----

  /** Largest number in the list, or null for an empty list. */
  public Long max(Object list) {
    Long best = null;
    for (Object o : raw(list)) {
      if (o instanceof Number n) {
        best = best == null ? n.longValue() : Math.max(best, n.longValue());
      }
    }
    return best;
  }

  /** Smallest number in the list, or null for an empty list. */
  public Long min(Object list) {
    Long best = null;
    for (Object o : raw(list)) {
      if (o instanceof Number n) {
        best = best == null ? n.longValue() : Math.min(best, n.longValue());
      }
    }
    return best;
  }

  public long sum(Object list) {
    long s = 0;
    for (Object o : raw(list)) {
      if (o instanceof Number n) {
        s += n.longValue();
      }
    }
    return s;
  }

  /** Product of the numbers (1 for an empty list): element counts, outer dimensions. */
  public long prod(Object list) {
    long p = 1;
    List<Object> items = raw(list);
    for (int i = 0, size = items.size(); i < size; i++) {
      if (items.get(i) instanceof Number n) {
        p *= n.longValue();
      }
    }
    return p;
  }

  public long abs(Object n) {
    return n instanceof Number x ? Math.abs(x.longValue()) : 0;
  }

  /** How many numbers are greater than {@code bound}. */
  public int count_above(Object list, Object bound) {
    long b = num(bound);
    int c = 0;
    List<Object> items = raw(list);
    for (int i = 0, size = items.size(); i < size; i++) {
      if (items.get(i) instanceof Number n && n.longValue() > b) {
        c++;
      }
    }
    return c;
  }

  /** How many elements equal {@code value} (numbers compare by value). */
  public int count_equal(Object list, Object value) {
    int c = 0;
    for (Object o : raw(list)) {
      if (o != null && same(o, value)) {
        c++;
      }
    }
    return c;
  }

  /** How many elements differ from {@code value}. */
  public int count_not_equal(Object list, Object value) {
    return nonNull(raw(list)) - count_equal(list, value);
  }

  /** Whether every element equals {@code value} (true for an empty list). */
  public boolean all_equal(Object list, Object value) {
    return count_not_equal(list, value) == 0;
  }

  /** Whether the list holds {@code value}. */
  public boolean contains(Object list, Object value) {
    return count_equal(list, value) > 0;
  }

  /** Positions (0-based) whose element equals {@code value}: {@code indices_equal([1,5,1], 1)} is [0, 2]. */
  public List<Integer> indices_equal(Object list, Object value) {
    List<Integer> out = new ArrayList<>();
    List<Object> items = items(list);
    for (int i = 0; i < items.size(); i++) {
      if (same(items.get(i), value)) {
        out.add(i);
      }
    }
    return out;
  }

  /** Positions (0-based) whose number is greater than {@code bound}: {@code indices_above([1, 33, 33, 1], 1)} is [1, 2]. */
  public List<Integer> indices_above(Object list, Object bound) {
    long b = num(bound);
    List<Integer> out = new ArrayList<>();
    List<Object> items = raw(list);
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof Number n && n.longValue() > b) {
        out.add(i);
      }
    }
    return out;
  }

  /** Position of the first number greater than {@code bound}, or the list's size when there is none. */
  public int first_index_above(Object list, Object bound) {
    long b = num(bound);
    List<Object> items = items(list);
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof Number n && n.longValue() > b) {
        return i;
      }
    }
    return items.size();
  }

  // ---- axes ----

  /** An axis in [0, rank): negative axes count from the end ({@code normalize_axis(-1, 4)} is 3). */
  public Long normalize_axis(Object axis, Object rank) {
    if (!(axis instanceof Number a)) {
      return null;
    }
    long r = num(rank);
    long v = a.longValue();
    return v < 0 ? v + r : v;
  }

  /** Axes in [0, rank), sorted, duplicates removed. */
  public List<Long> normalize_axes(Object axes, Object rank) {
    TreeSet<Long> set = new TreeSet<>();
    for (Object o : raw(axes)) {
      if (!(o instanceof Number n)) {
        continue;
      }
      set.add(normalize_axis(n, rank));
    }
    return new ArrayList<>(set);
  }

  // ---- lists ----

  /** Elements [from, to) with Python-style negative indices, clamped to the list. */
  public List<Object> slice(Object list, Object from, Object to) {
    List<Object> items = raw(list);
    int n = items.size();
    int f = clampIndex(num(from), n);
    int t = clampIndex(num(to), n);
    return f >= t ? List.of() : new ArrayList<>(items.subList(f, t));
  }

  /** Elements from {@code from} to the end. */
  public List<Object> slice(Object list, Object from) {
    List<Object> items = raw(list);
    return slice(list, from, items.size());
  }

  /** The list without its last {@code n} elements ({@code drop_last([2,8,8,3], 3)} is [2]). */
  public List<Object> drop_last(Object list, Object n) {
    List<Object> items = raw(list);
    int keep = (int) Math.max(0, items.size() - Math.max(0, num(n)));
    return items.subList(0, keep);
  }

  /** The last {@code n} elements. */
  public List<Object> last(Object list, Object n) {
    List<Object> items = raw(list);
    int from = (int) Math.max(0, items.size() - Math.max(0, num(n)));
    return items.subList(from, items.size());
  }

  /** The elements at the given positions, skipping positions outside the list: {@code at(op.inputs, [1, 2])}. */
  public List<Object> at(Object list, Object positions) {
    List<Object> items = raw(list);
    List<Object> out = new ArrayList<>();
    for (Object o : raw(positions)) {
      if (!(o instanceof Number p)) {
        continue;
      }
      long i = p.longValue();
      if (i >= 0 && i < items.size() && items.get((int) i) != null) {
        out.add(items.get((int) i));
      }
    }
    return out;
  }

  /** Both lists, one after the other. */
  public List<Object> concat(Object a, Object b) {
    List<Object> first = raw(a);
    List<Object> second = raw(b);
    if (second.isEmpty()) {
      return first;
    }
    return first.isEmpty() ? second : new Concatenation(first, second);
  }

  /** The list without nulls. */
  public List<Object> compact(Object list) {
    List<Object> items = raw(list);
    return nonNull(items) == items.size() ? items : items(list);
  }

  // ---- lists of facts (tensors, operators) by property ----

  /** The facts whose property {@code prop} is true (or non-zero): {@code where(op.inputs, 'constant')}. */
  public List<Object> where(Object list, String prop) {
    Property reader = new Property(prop);
    List<Object> items = raw(list);
    List<Object> out = new ArrayList<>(items.size());
    for (Object o : items) {
      if (o != null && truthy(reader.read(o))) {
        out.add(o);
      }
    }
    return out;
  }

  /** The facts whose property {@code prop} is false. */
  public List<Object> where_not(Object list, String prop) {
    Property reader = new Property(prop);
    List<Object> items = raw(list);
    List<Object> out = new ArrayList<>(items.size());
    for (Object o : items) {
      if (o != null && !truthy(reader.read(o))) {
        out.add(o);
      }
    }
    return out;
  }

  /** The facts whose property {@code prop} equals {@code value}: {@code where_equal(model.operators, 'type', 'PAD')}. */
  public List<Object> where_equal(Object list, String prop, Object value) {
    Property reader = new Property(prop);
    List<Object> out = new ArrayList<>();
    for (Object o : raw(list)) {
      if (o != null && same(reader.read(o), value)) {
        out.add(o);
      }
    }
    return out;
  }

  /** The facts whose numeric property {@code prop} is greater than {@code bound}. */
  public List<Object> where_above(Object list, String prop, Object bound) {
    Property reader = new Property(prop);
    long b = num(bound);
    List<Object> out = new ArrayList<>();
    for (Object o : raw(list)) {
      if (o != null && reader.read(o) instanceof Number n && n.longValue() > b) {
        out.add(o);
      }
    }
    return out;
  }

  /** How many facts have property {@code prop} true. */
  public int count(Object list, String prop) {
    Property reader = new Property(prop);
    int c = 0;
    for (Object o : raw(list)) {
      if (o != null && truthy(reader.read(o))) {
        c++;
      }
    }
    return c;
  }

  /** Whether every fact has {@code prop} true (true for an empty list). */
  public boolean all(Object list, String prop) {
    Property reader = new Property(prop);
    for (Object o : raw(list)) {
      if (o != null && !truthy(reader.read(o))) {
        return false;
      }
    }
    return true;
  }

  /** Whether some fact has {@code prop} true. */
  public boolean any(Object list, String prop) {
    return count(list, prop) > 0;
  }

  /** The property {@code prop} of each fact: {@code pluck(op.inputs, 'type')}. */
  public List<Object> pluck(Object list, String prop) {
    Property reader = new Property(prop);
    List<Object> out = new ArrayList<>();
    for (Object o : items(list)) {
      out.add(reader.read(o));
    }
    return out;
  }

  // ---- text, for messages ----

  /** A shape as text: {@code dims([1,8,8,16])} is "1x8x8x16"; a scalar is "scalar". */
  public String dims(Object list) {
    List<Object> items = items(list);
    if (items.isEmpty()) {
      return "scalar";
    }
    StringBuilder sb = new StringBuilder();
    for (Object o : items) {
      if (sb.length() > 0) {
        sb.append('x');
      }
      sb.append(o);
    }
    return sb.toString();
  }

  /** The elements joined by {@code separator}. */
  public String join(Object list, String separator) {
    StringBuilder sb = new StringBuilder();
    for (Object o : items(list)) {
      if (sb.length() > 0) {
        sb.append(separator);
      }
      sb.append(o instanceof Map<?, ?> m && m.containsKey("name") ? "'" + m.get("name") + "'" : String.valueOf(o));
    }
    return sb.toString();
  }

  // ---- helpers ----

  /**
   * Reads one property of each element of a list: the fact's position is looked up once for each
   * kind of facts met (a list mostly holds one kind), not once per element.
   */
  private static final class Property {
    private final String name;
    private Map<String, Integer> positions;
    private int position;

    Property(String name) {
      this.name = name;
    }

    Object read(Object o) {
      if (o instanceof Facts f) {
        if (f.positions() != positions) {
          Integer p = f.positions().get(name);
          if (p == null) {
            return f.get(name); // throws: unknown fact
          }
          positions = f.positions();
          position = p;
        }
        return f.get(position, name);
      }
      return property(o, name);
    }
  }

  private static Object property(Object o, String prop) {
    if (o instanceof Facts f) {
      return f.get(prop);
    }
    if (o instanceof Map<?, ?> m) {
      return m.get(prop);
    }
    return null;
  }

  static boolean truthy(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (v instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    return v != null;
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return a == null ? b == null : a.equals(b);
  }

  private static long num(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }

  private static int clampIndex(long i, int n) {
    long v = i < 0 ? i + n : i;
    return (int) Math.max(0, Math.min(n, v));
  }

  /** Longest list a function accepts (ranges are refused above it when written, see {@link Range}). */
  public static final int MAX_LIST = 1 << 20;

  @SuppressWarnings("unchecked")
  private static List<Object> raw(Object list) {
    // One interface test on the common path: on JDK 17 each test of a class against a different
    // interface overwrites the class's one-entry cache, and a failed test scans all its interfaces.
    if (list instanceof List<?> l) {
      if (l.size() > MAX_LIST) {
        throw tooLong(l);
      }
      return (List<Object>) l;
    }
    if (list == null || list instanceof Number || list instanceof String || list instanceof Boolean || list instanceof Facts) {
      return List.of();
    }
    if (list instanceof Collection<?> c) {
      if (c.size() > MAX_LIST) {
        throw tooLong(c);
      }
      return new ArrayList<>(c);
    }
    return List.of();
  }

  private static Sandbox.ExpressionException tooLong(Collection<?> c) {
    return new Sandbox.ExpressionException("a list of " + c.size() + " elements is longer than rules may use (" + MAX_LIST + ")");
  }

  /** Any collection as a list; null stays null, anything else is the empty list. */
  public static List<Object> asList(Object value) {
    return value == null ? null : raw(value);
  }

  private static List<Object> items(Object list) {
    List<Object> out = new ArrayList<>();
    for (Object o : raw(list)) {
      if (o != null) {
        out.add(o);
      }
    }
    return out;
  }

  private static int nonNull(List<Object> items) {
    int n = 0;
    for (int i = 0, size = items.size(); i < size; i++) {
      if (items.get(i) != null) {
        n++;
      }
    }
    return n;
  }

  /**
   * Two lists one after the other, without copying them: the rules concatenate an operator's
   * inputs and outputs for every operator. Read-only; the lists it joins are never changed once a
   * fact or function has returned them.
   */
  private static final class Concatenation extends AbstractList<Object> implements RandomAccess {
    private final List<Object> first;
    private final List<Object> second;
    private final int split;

    Concatenation(List<Object> first, List<Object> second) {
      this.first = first;
      this.second = second;
      this.split = first.size();
    }

    @Override
    public Object get(int index) {
      return index < split ? first.get(index) : second.get(index - split);
    }

    @Override
    public int size() {
      return split + second.size();
    }
  }
}
