package dev.edgetpulint.rules.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlExpression;

/** A message with {@code {{expression}}} placeholders, compiled once and rendered per finding. */
public final class Template {
  private final List<Object> parts;

  private Template(List<Object> parts) {
    this.parts = parts;
  }

  /** Compiles the placeholders of {@code text}; throws {@link Sandbox.ExpressionException}. */
  public static Template compile(String text, String where) {
    List<Object> parts = new ArrayList<>();
    if (text == null) {
      return new Template(parts);
    }
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("{{", i);
      if (open < 0) {
        parts.add(text.substring(i));
        break;
      }
      int close = text.indexOf("}}", open + 2);
      if (close < 0) {
        throw new Sandbox.ExpressionException("'{{' at character " + (open + 1) + " is never closed with '}}'");
      }
      if (open > i) {
        parts.add(text.substring(i, open));
      }
      parts.add(Sandbox.compile(text.substring(open + 2, close).strip(), where));
      i = close + 2;
    }
    return new Template(parts);
  }

  public String render(JexlContext context) {
    StringBuilder sb = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof JexlExpression e) {
        sb.append(format(e.evaluate(context)));
      } else {
        sb.append(part);
      }
    }
    return sb.toString();
  }

  /** Values as a person reads them: lists as [1, 8, 8, 16], floats without noise, facts by name. */
  public static String format(Object value) {
    if (value == null) {
      return "none";
    }
    if (value instanceof Float || value instanceof Double) {
      double d = ((Number) value).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
      return String.format(java.util.Locale.ROOT, "%.6g", d).replaceAll("0+($|e)", "$1");
    }
    if (value.getClass().isArray()) {
      return format(Functions.asList(value));
    }
    if (value instanceof Collection<?> c) {
      List<String> items = new ArrayList<>();
      for (Object o : c) {
        items.add(format(o));
      }
      return "[" + String.join(", ", items) + "]";
    }
    return String.valueOf(value);
  }
}
