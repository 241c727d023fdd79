package dev.edgetpulint.lsp;

import dev.edgetpulint.description.DescriptionProblem;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.service.ModelReport;
import java.util.List;

/**
 * What the service knows about one version of one document.
 *
 * @param model the graph, or null when the document does not parse
 * @param problems the description's syntax and schema problems (empty for a valid one)
 * @param report the lint report, or null when there is no model or the analysis failed
 * @param findings the findings to show: the report's active findings after the editor's rule selection
 * @param error why the model could not be judged (unreadable binary, analysis failure), or null
 */
public record DocumentAnalysis(
    ModelDocument document,
    Model model,
    List<DescriptionProblem> problems,
    ModelReport report,
    List<Finding> findings,
    String error) {

  public DocumentAnalysis {
    problems = List.copyOf(problems);
    findings = List.copyOf(findings);
  }

  static DocumentAnalysis ignored(ModelDocument document) {
    return new DocumentAnalysis(document, null, List.of(), null, List.of(), null);
  }
}
