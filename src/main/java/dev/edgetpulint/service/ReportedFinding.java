package dev.edgetpulint.service;

import dev.edgetpulint.rules.Finding;

/**
 * A finding after configuration: its effective severity, where it is (model path as reported and
 * logical location, which make its stable fingerprint), and the suppression that silences it, if any.
 */
public record ReportedFinding(Finding finding, String modelPath, String logicalLocation, Suppression suppression) {
  public boolean suppressed() {
    return suppression != null;
  }

  /**
   * The stable identity of the finding (rule + model path + logical location). Computed when a report
   * asks for it (JSON, SARIF), not for every finding: a text check then never starts the JDK's
   * security providers for SHA-256.
   */
  public String fingerprint() {
    return ContentHash.fingerprint(finding.ruleId(), modelPath, logicalLocation);
  }
}
