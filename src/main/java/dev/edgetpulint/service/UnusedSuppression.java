package dev.edgetpulint.service;

/**
 * A suppression that silenced nothing in this run (like ruff's RUF100): a stale baseline entry of a
 * linted model, or a configured suppression whose paths matched a linted model without a finding.
 *
 * @param kind "baseline", "config" or "inSource" (an ignore comment in a description file)
 * @param source the baseline or configuration file, as reports show paths
 * @param path the model path the entry names (baseline) or the suppression's path globs (config)
 */
public record UnusedSuppression(String kind, String source, String path, String rule, String location, String reason) {
  /** One line for people: "baseline.json: baseline entry for EDGETPU-X at ... (m.tflite) matches no finding; remove it". */
  public String describe() {
    String what = switch (kind) {
      case "baseline" -> "baseline entry";
      case "config" -> "configured suppression";
      default -> "ignore comment";
    };
    return source + ": " + what + " for " + rule + (location == null ? "" : " at " + location)
        + (path == null || path.isEmpty() ? "" : " (" + path + ")") + " matches no finding; remove it";
  }
}
