package dev.edgetpulint.compiler;

import dev.edgetpulint.graph.Model;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * For each Edge TPU runtime version (10 to 14), how many operators map and where the cut falls, so a
 * team can pick the compiler and runtime to ship.
 */
public record RuntimeMatrix(boolean multipleSubgraphs, List<Row> rows) {

  /**
   * One runtime version.
   *
   * @param cut the first operator that cannot be mapped (the cut), or null when nothing is cut
   * @param cutRules the rule ids that put the cut there
   * @param rejected whether the whole model is rejected at this runtime (nothing maps)
   */
  public record Row(int runtime, long edgeTpu, long cpu, Placement cut, List<String> cutRules, boolean rejected) {
    public Row {
      cutRules = List.copyOf(cutRules);
    }

    public String cutText() {
      if (rejected) {
        return "model rejected: nothing maps";
      }
      if (cut == null) {
        return edgeTpu == 0 ? "-" : "no cut";
      }
      return "operators[" + cut.index() + "] " + cut.op()
          + (cutRules.isEmpty() ? "" : " (" + String.join(", ", cutRules) + ")");
    }
  }

  public RuntimeMatrix {
    rows = List.copyOf(rows);
  }

  public static RuntimeMatrix compute(Model model, boolean multipleSubgraphs, ModelAnalyzer analyzer) {
    List<Row> rows = new ArrayList<>();
    for (int runtime = AnalysisOptions.MIN_RUNTIME; runtime <= AnalysisOptions.MAX_RUNTIME; runtime++) {
      rows.add(row(analyzer.analyze(model, new AnalysisOptions(runtime, multipleSubgraphs))));
    }
    return new RuntimeMatrix(multipleSubgraphs, rows);
  }

  /** The matrix row for one analysis. */
  public static Row row(ModelAnalysis analysis) {
    Placement cut = firstCut(analysis);
    boolean rejected = !analysis.placements().isEmpty() && analysis.placements().stream()
        .allMatch(p -> p.reason() == PlacementReason.MODEL_REJECTED);
    List<String> rules = cut == null ? List.of() : cut.findings().stream()
        .filter(f -> f.severity() == Severity.ERROR).map(Finding::ruleId).distinct().toList();
    return new Row(analysis.options().runtime(), analysis.edgeTpuCount(), analysis.cpuCount(), cut, rules, rejected);
  }

  /** The first operator, in execution order, that is itself unmappable. */
  public static Placement firstCut(ModelAnalysis analysis) {
    return analysis.placements().stream().filter(p -> p.reason() == PlacementReason.UNSUPPORTED)
        .findFirst().orElse(null);
  }

  /** The lowest runtime at which the most operators map (the one to target), or -1 for an empty matrix. */
  public int bestRuntime() {
    long best = -1;
    int runtime = -1;
    for (Row row : rows) {
      if (row.edgeTpu() > best) {
        best = row.edgeTpu();
        runtime = row.runtime();
      }
    }
    return runtime;
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-8s %-9s %-9s %-8s %s%n", "runtime", "compiler", "Edge TPU", "CPU", "cut"));
    for (Row row : rows) {
      out.append(String.format(Locale.ROOT, "%-8d %-9s %-9d %-8d %s%n", row.runtime(),
          CompileRecipe.compilerFor(row.runtime()), row.edgeTpu(), row.cpu(), row.cutText()));
    }
    int best = bestRuntime();
    if (best > 0) {
      out.append("most operators map from runtime ").append(best).append(" on (compile with ")
          .append(CompileRecipe.compilerFor(best)).append(" or newer, -m ").append(best).append(")\n");
    }
    return out.toString();
  }
}
