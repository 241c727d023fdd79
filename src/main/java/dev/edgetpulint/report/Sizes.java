package dev.edgetpulint.report;

import java.util.Locale;

/** Byte counts the way the Edge TPU compiler prints them: two decimals and B, KiB or MiB. */
public final class Sizes {
  private Sizes() {}

  public static String format(long bytes) {
    if (bytes < 1024) {
      return String.format(Locale.ROOT, "%.2fB", (double) bytes);
    }
    if (bytes < 1024L * 1024) {
      return String.format(Locale.ROOT, "%.2fKiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.2fMiB", bytes / (1024.0 * 1024.0));
  }
}
