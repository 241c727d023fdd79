package dev.edgetpulint.verify;

import dev.edgetpulint.compiler.AnalysisOptions;

/**
 * The runtime version each compiler release targets by default (its default {@code -m}), from the
 * facts' Section 4 table; used only when a compiled model's package does not say.
 */
public final class CompilerVersions {
  private CompilerVersions() {}

  /** The default runtime of a compiler version such as "16.0.384591198", or -1 when unknown. */
  public static int defaultRuntime(String compilerVersion) {
    String release = AnalysisOptions.compilerOrNull(compilerVersion);
    return release == null ? -1 : AnalysisOptions.defaultRuntimeOf(release);
  }
}
