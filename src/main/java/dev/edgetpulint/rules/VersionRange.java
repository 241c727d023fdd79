package dev.edgetpulint.rules;

import java.util.Locale;

/**
 * An inclusive range of versions, written in rule files as {@code all}, {@code 13}, {@code >=13},
 * {@code <=12}, {@code 13-14} (runtimes) or {@code <=15.0}, {@code >=14.1} (compilers).
 */
public record VersionRange(double min, double max, String text) {
  public static final VersionRange ALL = new VersionRange(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "all");

  /** Parses a range; throws IllegalArgumentException with a rule author's explanation. */
  public static VersionRange parse(String text) {
    String t = text == null ? "all" : text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    try {
      if (t.equals("all") || t.equals("*")) {
        return ALL;
      }
      if (t.startsWith(">=")) {
        return new VersionRange(Double.parseDouble(t.substring(2)), Double.POSITIVE_INFINITY, text.trim());
      }
      if (t.startsWith("<=")) {
        return new VersionRange(Double.NEGATIVE_INFINITY, Double.parseDouble(t.substring(2)), text.trim());
      }
      int dash = t.indexOf('-', 1);
      if (dash > 0) {
        double lo = Double.parseDouble(t.substring(0, dash));
        double hi = Double.parseDouble(t.substring(dash + 1));
        if (lo > hi) {
          throw new IllegalArgumentException("range '" + text + "' is empty: " + lo + " is above " + hi);
        }
        return new VersionRange(lo, hi, text.trim());
      }
      double v = Double.parseDouble(t);
      return new VersionRange(v, v, text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a version range; write all, 13, >=13, <=12 or 13-14");
    }
  }

  public boolean contains(double version) {
    return version >= min && version <= max;
  }

  public boolean isAll() {
    return min == Double.NEGATIVE_INFINITY && max == Double.POSITIVE_INFINITY;
  }

  /** Human text: "all runtimes", "runtime 13 and later", "runtime 12 and earlier", "runtimes 13 to 14". */
  public String describe(String noun) {
    if (isAll()) {
      return "all " + noun + "s";
    }
    if (max == Double.POSITIVE_INFINITY) {
      return noun + " " + fmt(min) + " and later";
    }
    if (min == Double.NEGATIVE_INFINITY) {
      return noun + " " + fmt(max) + " and earlier";
    }
    if (min == max) {
      return noun + " " + fmt(min) + " only";
    }
    return noun + "s " + fmt(min) + " to " + fmt(max);
  }

  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
  }

  @Override
  public String toString() {
    return text;
  }
}
