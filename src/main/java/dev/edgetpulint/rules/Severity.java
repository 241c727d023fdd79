package dev.edgetpulint.rules;

import java.util.Locale;

/** How much a finding matters. ERROR means: this part will not run on the Edge TPU. */
public enum Severity {
  ERROR, WARNING, INFO, OFF;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Severity parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }

  /** Whether this severity is at least as severe as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return this != OFF && ordinal() <= threshold.ordinal();
  }
}
