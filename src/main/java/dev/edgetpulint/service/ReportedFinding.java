package dev.edgetpulint.service;

import dev.edgetpulint.rules.Finding;

/**
 * A finding after configuration: its effective severity, its stable fingerprint (rule + model path +
 * logical location), and the suppression that silences it, if any.
 */
public record ReportedFinding(Finding finding, String fingerprint, Suppression suppression) {
  public boolean suppressed() {
    return suppression != null;
  }
}
