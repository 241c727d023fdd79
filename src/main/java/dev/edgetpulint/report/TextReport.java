package dev.edgetpulint.report;

import dev.edgetpulint.compiler.MemoryEstimate;
import dev.edgetpulint.compiler.MemoryEstimator;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.compiler.Placement;
import dev.edgetpulint.compiler.QuantizationStage;
import dev.edgetpulint.compiler.Target;
import dev.edgetpulint.graph.EdgeTpuPackage;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Severity;
import dev.edgetpulint.service.InputError;
import dev.edgetpulint.service.LintRun;
import dev.edgetpulint.service.ModelReport;
import dev.edgetpulint.service.ReportedFinding;
import dev.edgetpulint.service.UnusedSuppression;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report for people: per model, the compiler's summary lines and its Operator / Count / Status
 * table (as edgetpu_compiler prints them), then every finding with its fix, then a run summary.
 */
public final class TextReport implements Report {
  @Override
  public void write(LintRun run, ReportContext context, Writer out) throws IOException {
    StringBuilder text = new StringBuilder();
    for (ModelReport model : run.models()) {
      model(model, text);
      text.append('\n');
    }
    for (InputError error : run.errors()) {
      text.append(error.path()).append(": error: ").append(error.message()).append('\n');
    }
    if (!run.errors().isEmpty()) {
      text.append('\n');
    }
    for (UnusedSuppression unused : run.unused()) {
      text.append("warning: ").append(unused.describe()).append('\n');
    }
    if (!run.unused().isEmpty()) {
      text.append('\n');
    }
    summary(run, text);
    out.write(text.toString());
  }

  private static void model(ModelReport model, StringBuilder text) {
    ModelAnalysis analysis = model.analysis();
    text.append("Model: ").append(model.path()).append('\n');
    text.append("Edge TPU runtime version: ").append(analysis.options().runtime())
        .append(analysis.options().defaultCompiler() ? "" : ", edgetpu_compiler " + analysis.options().compilerVersion())
        .append(analysis.options().multipleSubgraphs() ? " (multiple subgraphs allowed)" : "").append('\n');
    if (analysis.model() != null && analysis.model().isCompiled()) {
      text.append("Already compiled for the Edge TPU");
      List<EdgeTpuPackage> packages = analysis.model().edgeTpuPackages();
      if (!packages.isEmpty()) {
        text.append(": ").append(packages.size()).append(" edgetpu-custom-op");
        int minRuntime = packages.stream().mapToInt(EdgeTpuPackage::minRuntimeVersion).max().orElse(-1);
        if (minRuntime > 0) {
          text.append(", needs runtime ").append(minRuntime);
        }
      }
      text.append('\n');
    }
    QuantizationStage q = analysis.quantization();
    if (q != null) {
      text.append("Quantization: ").append(q.summary() == null ? q.kind().name() : q.summary())
          .append('\n');
    }
    MemoryEstimate memory = analysis.memory();
    boolean compiled = analysis.model() != null && analysis.model().isCompiled();
    if (memory != null && !compiled) {
      text.append("On-chip memory used for caching model parameters: ").append(MemoryEstimator.format(memory.cachedBytes())).append('\n');
      text.append("On-chip memory remaining for caching model parameters: ")
          .append(MemoryEstimator.format(Math.max(0, memory.cacheCapacityBytes() - memory.cachedBytes()))).append('\n');
      text.append("Off-chip memory used for streaming uncached model parameters: ")
          .append(MemoryEstimator.format(memory.streamedBytes())).append('\n');
    }
    text.append("Number of Edge TPU subgraphs: ").append(analysis.edgeTpuSubgraphs()).append('\n');
    text.append("Total number of operations: ").append(analysis.placements().size()).append('\n');
    text.append("Number of operations that will run on Edge TPU: ").append(analysis.edgeTpuCount()).append('\n');
    text.append("Number of operations that will run on CPU: ").append(analysis.cpuCount()).append('\n');
    if (!analysis.placements().isEmpty()) {
      text.append('\n').append(row("Operator", "Count", "Status")).append('\n').append('\n');
      for (Map.Entry<String, Integer> entry : table(analysis.placements()).entrySet()) {
        String[] key = entry.getKey().split("\u0000", 2);
        text.append(row(key[0], String.valueOf(entry.getValue()), key[1])).append('\n');
      }
    }
    List<ReportedFinding> active = model.active();
    if (!active.isEmpty()) {
      text.append('\n');
      // A rule's fix is printed once per model; later findings with the same fix point back to it (a
      // float model has one EDGETPU-DATA-TYPE error per operator, each with the same long fix).
      Map<String, String> fixShownAt = new HashMap<>();
      for (ReportedFinding reported : active) {
        finding(model, reported.finding(), fixShownAt, text);
      }
    }
    List<ReportedFinding> suppressed = model.suppressed();
    if (!suppressed.isEmpty()) {
      text.append('\n').append("Suppressed:").append('\n');
      for (ReportedFinding reported : suppressed) {
        Finding f = reported.finding();
        text.append("  ").append(Where.text(model, f)).append(": ").append(f.severity().id()).append(": ")
            .append(Where.messageWithSubject(f)).append(" [").append(f.ruleId()).append("] (")
            .append(reported.suppression().kind()).append(": ").append(reported.suppression().reason()).append(")\n");
      }
    }
  }

  /** One row per (operator, status), in order of first appearance, as the compiler prints it. */
  static Map<String, Integer> table(List<Placement> placements) {
    Map<String, Integer> rows = new LinkedHashMap<>();
    for (Placement p : placements) {
      String status = p.status() == null || p.status().isBlank()
          ? (p.target() == Target.EDGETPU ? "Mapped to Edge TPU" : "Will run on the CPU") : p.status();
      String key = p.op() + "\u0000" + status;
      Integer count = rows.get(key); // not merge(..., Integer::sum): a method reference's linkage at every start
      rows.put(key, count == null ? 1 : count + 1);
    }
    return rows;
  }

  /** {@code "%-30s %-10s %s"}, without {@link java.util.Formatter} (see {@link MemoryEstimator#format}). */
  private static String row(String op, String count, String status) {
    StringBuilder row = new StringBuilder(64);
    padded(row, op, 30).append(' ');
    padded(row, count, 10).append(' ');
    return row.append(status).toString();
  }

  private static StringBuilder padded(StringBuilder out, String text, int width) {
    out.append(text);
    for (int i = text.length(); i < width; i++) {
      out.append(' ');
    }
    return out;
  }

  private static void finding(ModelReport model, Finding f, Map<String, String> fixShownAt, StringBuilder text) {
    text.append(Where.text(model, f)).append(": ").append(f.severity().id()).append(": ")
        .append(Where.messageWithSubject(f)).append(" [").append(f.ruleId()).append("]\n");
    if (f.fix() != null && !f.fix().isBlank()) {
      String shownAt = fixShownAt.putIfAbsent(f.ruleId() + '\u0000' + f.fix(), Where.shortText(model, f));
      if (shownAt != null) {
        text.append("    fix: as for ").append(shownAt).append(" above\n");
        return; // and the same rule's link
      }
      text.append("    fix: ").append(f.fix()).append('\n');
    }
    if (f.helpUri() != null && !f.helpUri().isBlank()) {
      text.append("    see: ").append(f.helpUri()).append('\n');
    }
  }

  private static void summary(LintRun run, StringBuilder text) {
    Map<Severity, Integer> counts = new LinkedHashMap<>();
    for (Severity s : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
      counts.put(s, 0);
    }
    int suppressed = 0;
    for (ModelReport model : run.models()) {
      for (ReportedFinding f : model.findings()) {
        if (f.suppressed()) {
          suppressed++;
        } else {
          counts.put(f.finding().severity(), counts.getOrDefault(f.finding().severity(), 0) + 1);
        }
      }
    }
    text.append("Checked ").append(plural(run.models().size(), "model")).append(": ")
        .append(plural(counts.get(Severity.ERROR), "error")).append(", ")
        .append(plural(counts.get(Severity.WARNING), "warning")).append(", ")
        .append(counts.get(Severity.INFO)).append(" info");
    if (suppressed > 0) {
      text.append(" (").append(suppressed).append(" suppressed)");
    }
    if (!run.errors().isEmpty()) {
      text.append("; ").append(plural(run.errors().size(), "input")).append(" could not be read");
    }
    text.append(".\n");
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
