package dev.edgetpulint.rules;

/**
 * One diagnostic.
 *
 * @param ruleId the stable rule id ("EDGETPU-CONV2D-DILATION")
 * @param message what is wrong, with the actual values
 * @param fix how to fix it, or null
 * @param helpUri the rule's documentation, or null
 * @param compilerStatus the per-op status the real compiler prints for this cause ("Operation not
 *     supported"), or null when the finding does not decide placement
 */
public record Finding(
    String ruleId,
    Severity severity,
    String message,
    String fix,
    String helpUri,
    String compilerStatus,
    Location location) {

  public Finding withSeverity(Severity newSeverity) {
    return new Finding(ruleId, newSeverity, message, fix, helpUri, compilerStatus, location);
  }
}
