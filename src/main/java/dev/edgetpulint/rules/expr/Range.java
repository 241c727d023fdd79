package dev.edgetpulint.rules.expr;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * {@code from..to}: the integers from one end to the other (descending when {@code to < from}),
 * computed on demand. At most {@link Functions#MAX_LIST} of them, so that no function walks a
 * range for minutes (JEXL's ranges had no bound; found by probing the sandbox).
 */
final class Range extends AbstractList<Number> implements RandomAccess {
  private final long from;
  private final int step;
  private final int size;
  private final boolean ints;

  private Range(long from, long to) {
    this.from = from;
    this.step = to >= from ? 1 : -1;
    this.size = (int) (Math.abs(to - from) + 1);
    this.ints = from == (int) from && to == (int) to;
  }

  static Range of(Object from, Object to, String fromSource, String toSource) {
    long a = end(from, fromSource);
    long b = end(to, toSource);
    double count = Math.abs((double) b - (double) a) + 1; // a double: b - a may overflow a long
    if (count > Functions.MAX_LIST) {
      throw new Sandbox.ExpressionException("a range of " + String.format(java.util.Locale.ROOT, "%.0f", count)
          + " numbers is longer than rules may use (" + Functions.MAX_LIST + ")");
    }
    return new Range(a, b);
  }

  private static long end(Object value, String source) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    throw new Sandbox.ExpressionException("'..' needs two numbers, but " + source + " is " + Describe.kind(value));
  }

  @Override
  public Number get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    long v = from + (long) step * index;
    return ints ? (Number) (int) v : (Number) v;
  }

  @Override
  public int size() {
    return size;
  }
}
