package dev.edgetpulint.report;

import dev.edgetpulint.service.LintRun;
import java.io.IOException;
import java.io.Writer;

/** One output format. */
public interface Report {
  void write(LintRun run, ReportContext context, Writer out) throws IOException;

  /** The format by its --format name: text, json or sarif. */
  static Report forFormat(String format) {
    return switch (format) {
      case "text" -> new TextReport();
      case "json" -> new JsonReport();
      case "sarif" -> new SarifReport();
      default -> throw new IllegalArgumentException("unknown format '" + format + "' (expected text, json or sarif)");
    };
  }
}
