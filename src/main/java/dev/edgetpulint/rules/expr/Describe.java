package dev.edgetpulint.rules.expr;

import java.util.Collection;
import java.util.Map;

/** How error messages name the kind of a value ("a number", "a list", "an operator"). */
final class Describe {
  private Describe() {}

  static String kind(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof String) {
      return "a text";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Collection<?>) {
      return "a list";
    }
    if (value instanceof Facts f) {
      return (f.kind().startsWith("o") ? "an " : "a ") + f.kind();
    }
    if (value instanceof Map<?, ?>) {
      return "a map";
    }
    return "a " + value.getClass().getSimpleName();
  }
}
