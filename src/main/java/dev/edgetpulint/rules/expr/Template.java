package dev.edgetpulint.rules.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A message with {@code {{expression}}} placeholders, compiled once and rendered per finding. */
public final class Template {
  private final List<Object> parts;

  private Template(List<Object> parts) {
    this.parts = parts;
  }

  /** Compiles the placeholders of {@code text}; throws {@link Sandbox.ExpressionException}. */
  public static Template compile(String text) {
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
      parts.add(Sandbox.compile(text.substring(open + 2, close).strip()));
      i = close + 2;
    }
    return new Template(parts);
  }

  public String render(Scope scope) {
    StringBuilder sb = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof Expression e) {
        sb.append(format(e.evaluate(scope)));
      } else {
        sb.append(part);
      }
    }
    return sb.toString();
  }

  /** Values as a person reads them: lists as [1, 8, 8, 16], floats without noise, facts by name. */
  static final int MAX_FORMATTED = 64;

  public static String format(Object value) {
    if (value == null) {
      return "none";
    }
    if (value instanceof Float || value instanceof Double) {
      return formatReal(((Number) value).doubleValue());
    }
    if (value instanceof Collection<?> c) {
      // At most MAX_FORMATTED items: a message stays readable, and a long range cannot make
      // formatting run out of memory (found by probing the sandbox).
      List<String> items = new ArrayList<>();
      for (Object o : c) {
        if (items.size() == MAX_FORMATTED) {
          items.add("... (" + c.size() + " items)");
          break;
        }
        items.add(format(o));
      }
      return "[" + String.join(", ", items) + "]";
    }
    return String.valueOf(value);
  }

  private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_UP);

  /**
   * Six significant digits without trailing zeros: 0.0531877, 123457, 1.5e-07, 1e+20. Plain
   * notation from 1e-4 up to a million, as printf's %g, and no java.util.Formatter, whose first use
   * loads locale data on the cold path.
   */
  static String formatReal(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.toString(d);
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    BigDecimal rounded = new BigDecimal(d).round(SIX_DIGITS).stripTrailingZeros();
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent >= -4 && exponent < 6) {
      return rounded.toPlainString();
    }
    String digits = rounded.unscaledValue().abs().toString();
    StringBuilder sb = new StringBuilder(16);
    if (rounded.signum() < 0) {
      sb.append('-');
    }
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    sb.append(exponent < 0 ? "e-" : "e+");
    int magnitude = Math.abs(exponent);
    if (magnitude < 10) {
      sb.append('0');
    }
    return sb.append(magnitude).toString();
  }
}
