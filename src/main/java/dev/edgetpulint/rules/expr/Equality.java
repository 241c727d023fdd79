package dev.edgetpulint.rules.expr;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code ==} and {@code =~} as rules have always read them under JEXL: lists compare by content
 * (a fact's shape equals the literal {@code [1, 4]}), numbers by value across Integer, Long and
 * Double, a number equals a text that spells it, a boolean equals any value of the same truth,
 * and null equals only null.
 */
final class Equality {
  private Equality() {}

  static boolean equal(Object left, Object right) {
    if (left == right) {
      return true;
    }
    boolean leftList = isList(left);
    boolean rightList = isList(right);
    if (leftList && rightList) {
      return sameItems(Functions.asList(left), Functions.asList(right));
    }
    if (left == null || right == null) {
      return false;
    }
    if (leftList != rightList && !(left instanceof Boolean || right instanceof Boolean)) {
      return false; // a list never equals a text or number, even one that prints the same
    }
    if (left instanceof Boolean || right instanceof Boolean) {
      return Truth.orFalse(left) == Truth.orFalse(right);
    }
    if (left instanceof Number a && right instanceof Number b) {
      return Arithmetic.isIntegral(a) && Arithmetic.isIntegral(b)
          ? a.longValue() == b.longValue()
          : a.doubleValue() == b.doubleValue();
    }
    if (left instanceof Number n && right instanceof String s) {
      return numberEqualsText(n, s);
    }
    if (right instanceof Number n && left instanceof String s) {
      return numberEqualsText(n, s);
    }
    if (left instanceof String || right instanceof String) {
      return left.toString().equals(right.toString());
    }
    return left.equals(right);
  }

  /**
   * Whether {@code o} is a list. The scalar classes are ruled out first: a failed test against an
   * interface scans all of a class's interfaces on JDK 17, and most comparisons are of numbers and texts.
   */
  private static boolean isList(Object o) {
    return o != null && !(o instanceof Number) && !(o instanceof String) && !(o instanceof Boolean)
        && o instanceof Collection<?>;
  }

  private static boolean sameItems(List<Object> a, List<Object> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!equal(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean numberEqualsText(Number n, String s) {
    try {
      return Double.parseDouble(s.strip()) == n.doubleValue();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * {@code value =~ container}: membership. A list holds the value; a map has it as a key; a text
   * equals it (JEXL would read a text as a regular expression, which can backtrack for ever).
   */
  static boolean contains(Object container, Object value) {
    if (container == null) {
      return value == null;
    }
    if (container instanceof CharSequence text) {
      return value != null && text.toString().equals(String.valueOf(value));
    }
    if (container instanceof Collection<?>) {
      for (Object item : Functions.asList(container)) {
        if (equal(item, value)) {
          return true;
        }
      }
      return false;
    }
    if (container instanceof Map<?, ?> map) {
      if (value instanceof Map<?, ?> keys) {
        return map.keySet().containsAll(keys.keySet());
      }
      return value != null && map.containsKey(value);
    }
    return equal(container, value);
  }
}
