package dev.edgetpulint.report;

import dev.edgetpulint.service.LintRun;
import java.io.IOException;
import java.io.Writer;

/** One output format. */
public interface Report {
  void write(LintRun run, ReportContext context, Writer out) throws IOException;

  /** The format by its --format name: text, json, sarif, html or model-explorer. */
  static Report forFormat(String format) {
    return switch (format) {
      case "text" -> new TextReport();
      case "json" -> new JsonReport();
      case "sarif" -> new SarifReport();
      case "html" -> new dev.edgetpulint.report.html.HtmlReport(null);
      case "model-explorer" -> new ModelExplorerNodeData();
      default -> throw new IllegalArgumentException("unknown format '" + format + "' (expected text, json, sarif, html or model-explorer)");
    };
  }
}
