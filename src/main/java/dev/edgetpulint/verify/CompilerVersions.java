package dev.edgetpulint.verify;

import java.util.Map;

/**
 * The runtime version each compiler release targets by default (its default {@code -m}), from the
 * facts' Section 4 table; used only when a compiled model's package does not say.
 */
public final class CompilerVersions {
  private static final Map<String, Integer> DEFAULT_RUNTIME = Map.of(
      "16.0", 14, "15.0", 13, "14.1", 13, "2.1", 13, "2.0", 12, "1.0", 10);

  private CompilerVersions() {}

  /** The default runtime of a compiler version such as "16.0.384591198", or -1 when unknown. */
  public static int defaultRuntime(String compilerVersion) {
    if (compilerVersion == null) {
      return -1;
    }
    String[] parts = compilerVersion.split("\\.");
    if (parts.length < 2) {
      return -1;
    }
    return DEFAULT_RUNTIME.getOrDefault(parts[0] + "." + parts[1], -1);
  }
}
