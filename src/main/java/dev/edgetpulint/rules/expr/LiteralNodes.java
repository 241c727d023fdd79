package dev.edgetpulint.rules.expr;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Values written in the expression: constants, and list and map literals with computed items. */
final class LiteralNodes {
  private LiteralNodes() {}

  /** A value known when the rule is compiled (literals, and list and map literals of literals). */
  static final class Constant extends Node {
    private final Object value;

    Constant(Object value) {
      this.value = value;
    }

    Object value() {
      return value;
    }

    @Override
    Object eval(Scope scope) {
      return value;
    }
  }

  /** {@code [a, b]} with an item that is not a literal. */
  static final class ListOf extends Node {
    private final Node[] items;

    ListOf(Node[] items) {
      this.items = items;
    }

    @Override
    Object eval(Scope scope) {
      Object[] values = new Object[items.length];
      for (int i = 0; i < items.length; i++) {
        values[i] = items[i].eval(scope);
      }
      return list(values);
    }
  }

  /** {@code {k: v}} with a key or value that is not a literal. */
  static final class MapOf extends Node {
    private final Node[] keys;
    private final Node[] values;

    MapOf(Node[] keys, Node[] values) {
      this.keys = keys;
      this.values = values;
    }

    @Override
    Object eval(Scope scope) {
      Map<Object, Object> map = new HashMap<>();
      for (int i = 0; i < keys.length; i++) {
        map.put(keys[i].eval(scope), values[i].eval(scope));
      }
      return Collections.unmodifiableMap(map);
    }
  }

  /** A read-only list that may hold nulls (an omitted optional input). */
  static List<Object> list(Object[] values) {
    return Collections.unmodifiableList(Arrays.asList(values));
  }
}
