package dev.edgetpulint.report;

import dev.edgetpulint.graph.Span;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Location;
import dev.edgetpulint.service.ModelReport;

/** Where a finding stands, in the words each report uses. */
final class Where {
  private Where() {}

  static String logical(Finding finding) {
    return finding.location() == null ? "model" : finding.location().logical();
  }

  /** The finding's span in its file, or null. */
  static Span span(ModelReport model, Finding finding) {
    if (model.analysis() == null || model.analysis().model() == null) {
      return null;
    }
    return model.analysis().model().spans().get(logical(finding));
  }

  /**
   * Compiler style: "path:line:column" for description files, "path:subgraphs[0].operators[3]" for
   * binary models, "path" for the model as a whole.
   */
  static String text(ModelReport model, Finding finding) {
    Span span = span(model, finding);
    if (span != null && span.hasLines()) {
      return model.path() + ":" + span.startLine() + ":" + Math.max(1, span.startColumn());
    }
    String logical = logical(finding);
    return logical.equals("model") ? model.path() : model.path() + ":" + logical;
  }

  /** {@link #text} without the path, for a pointer within one model's report: "line 12", "subgraphs[0].operators[3]". */
  static String shortText(ModelReport model, Finding finding) {
    Span span = span(model, finding);
    if (span != null && span.hasLines()) {
      return "line " + span.startLine();
    }
    String logical = logical(finding);
    return logical.equals("model") ? "the model" : logical;
  }

  /**
   * The message, led by the op or tensor it is about unless the message names it already:
   * "LEAKY_RELU: not supported at runtime 13".
   */
  static String messageWithSubject(Finding finding) {
    String subject = subject(finding);
    Location l = finding.location();
    String message = finding.message() == null ? "" : finding.message();
    boolean named = l != null && ((l.opName() == null || message.contains(l.opName()))
        && (l.tensorName() == null || message.contains(l.tensorName())));
    return subject == null || named ? message : subject + ": " + message;
  }

  /** The op or tensor name, for display: "CONV_2D", "tensor 'input'", or null. */
  static String subject(Finding finding) {
    Location l = finding.location();
    if (l == null) {
      return null;
    }
    if (l.opName() != null && l.tensorName() != null) {
      return l.opName() + ", tensor '" + l.tensorName() + "'";
    }
    if (l.opName() != null) {
      return l.opName();
    }
    return l.tensorName() == null ? null : "tensor '" + l.tensorName() + "'";
  }
}
