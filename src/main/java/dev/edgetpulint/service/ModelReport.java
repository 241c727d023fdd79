package dev.edgetpulint.service;

import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.compiler.Placement;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One judged model.
 *
 * @param path the model's path as reports show it (relative to the working directory, '/' separated)
 * @param file the model file
 * @param contentHash SHA-256 of the file's bytes (baseline key), or null to compute it on first
 *     request (see {@link #contentHash()})
 * @param analysis the analysis after configuration (rule selection and severity overrides applied to
 *     its findings and to its placements' findings)
 * @param findings every finding of {@code analysis.findings()}, in order, with fingerprint and
 *     suppression
 * @param failOn the failure threshold its configuration file sets, or null
 */
public record ModelReport(String path, Path file, String contentHash, ModelAnalysis analysis,
    List<ReportedFinding> findings, Severity failOn) {

  public ModelReport {
    findings = List.copyOf(findings);
  }

  /**
   * SHA-256 of the file's bytes, hashed now when the service did not need it (no baseline): a text
   * report never asks, so a check does not read every weight byte. Null when the file can no longer
   * be read.
   */
  @Override
  public String contentHash() {
    if (contentHash != null || file == null) {
      return contentHash;
    }
    try {
      return ContentHash.ofFile(file);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  // Loops rather than streams here: a check calls each of these once, and the first call of each
  // lambda costs its linkage on every start (docs/performance.md, C19).

  public List<ReportedFinding> active() {
    return withSuppressed(false);
  }

  public List<ReportedFinding> suppressed() {
    return withSuppressed(true);
  }

  private List<ReportedFinding> withSuppressed(boolean suppressed) {
    List<ReportedFinding> out = new ArrayList<>();
    for (ReportedFinding f : findings) {
      if (f.suppressed() == suppressed) {
        out.add(f);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** The active findings located at this placement's operator. */
  public List<ReportedFinding> activeAt(Placement placement) {
    List<ReportedFinding> out = new ArrayList<>();
    for (ReportedFinding f : findings) {
      if (!f.suppressed() && isAt(f.finding(), placement)) {
        out.add(f);
      }
    }
    return Collections.unmodifiableList(out);
  }

  public boolean hasActiveAtLeast(Severity threshold) {
    for (ReportedFinding f : findings) {
      if (!f.suppressed() && f.finding().severity().atLeast(threshold)) {
        return true;
      }
    }
    return false;
  }

  static boolean isAt(Finding finding, Placement placement) {
    return finding.location() != null
        && finding.location().operator() == placement.index()
        && finding.location().subgraph() == placement.subgraph();
  }
}
