package dev.edgetpulint.service;

import dev.edgetpulint.rules.Severity;

/**
 * A rule's metadata as reports show it (SARIF reportingDescriptor, text help).
 *
 * @param id the stable rule id
 * @param name a short PascalCase-free name ("conv2d-dilation"), or the id
 * @param shortDescription one sentence
 * @param fullDescription a paragraph, or the short description
 * @param helpText plain-text help (why it matters, how to fix)
 * @param helpMarkdown the same in Markdown
 * @param helpUri the rule's documentation page, or null
 * @param defaultSeverity the severity before configuration
 */
public record RuleInfo(
    String id,
    String name,
    String shortDescription,
    String fullDescription,
    String helpText,
    String helpMarkdown,
    String helpUri,
    Severity defaultSeverity) {

  /** Metadata for a rule id the catalogue does not list, made from one of its findings. */
  public static RuleInfo fromFinding(dev.edgetpulint.rules.Finding finding) {
    String text = finding.fix() == null ? finding.message() : finding.fix();
    return new RuleInfo(finding.ruleId(), finding.ruleId(), finding.message(), finding.message(), text, text,
        finding.helpUri(), finding.severity());
  }
}
