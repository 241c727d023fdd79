package dev.edgetpulint.rules.expr;

import java.util.Collection;
import java.util.List;
import org.apache.commons.jexl3.JexlArithmetic;

/**
 * JEXL arithmetic in which lists compare by content: a fact's shape (a Java list) equals the array
 * literal {@code [1, 4]} a rule writes, element by element and numbers by value.
 */
final class FactArithmetic extends JexlArithmetic {
  FactArithmetic() {
    super(true);
  }

  @Override
  public boolean equals(Object left, Object right) {
    if (isListLike(left) && isListLike(right)) {
      List<Object> a = Functions.asList(left);
      List<Object> b = Functions.asList(right);
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (left == null || right == null) {
      return left == right;
    }
    return super.equals(left, right);
  }

  /**
   * {@code x =~ container}: membership only. JEXL would treat a string container as a regular
   * expression; rules get plain equality instead, so no pattern can backtrack for ever.
   */
  @Override
  public Boolean contains(Object container, Object value) {
    if (container instanceof CharSequence text) {
      return value != null && text.toString().equals(String.valueOf(value));
    }
    if (container instanceof Collection<?> || (container != null && container.getClass().isArray())) {
      for (Object item : Functions.asList(container)) {
        if (equals(item, value)) {
          return true;
        }
      }
      return false;
    }
    return super.contains(container, value);
  }

  private static boolean isListLike(Object o) {
    return o instanceof Collection<?> || (o != null && o.getClass().isArray());
  }
}
