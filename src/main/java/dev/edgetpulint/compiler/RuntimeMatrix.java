package dev.edgetpulint.compiler;

import dev.edgetpulint.graph.Model;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * For each Edge TPU runtime version the chosen compiler release can target (10 up to its default -m),
 * how many operators map and where the cut falls, so a team can pick the compiler and runtime to ship.
 *
 * @param compilerVersion the release whose rules judged every row
 */
public record RuntimeMatrix(boolean multipleSubgraphs, String compilerVersion, List<Row> rows) {

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

  /** The matrix with the default compiler (16.0, which targets every runtime). */
  public static RuntimeMatrix compute(Model model, boolean multipleSubgraphs, ModelAnalyzer analyzer) {
    return compute(model, new AnalysisOptions(AnalysisOptions.DEFAULT_RUNTIME, multipleSubgraphs), analyzer);
  }

  /** The matrix for {@code options}' compiler and -a setting; its runtime is ignored (every row has one). */
  public static RuntimeMatrix compute(Model model, AnalysisOptions options, ModelAnalyzer analyzer) {
    String compiler = options.compilerVersion();
    int newest = Math.min(AnalysisOptions.MAX_RUNTIME, AnalysisOptions.defaultRuntimeOf(compiler));
    List<Row> rows = new ArrayList<>();
    for (int runtime = AnalysisOptions.MIN_RUNTIME; runtime <= newest; runtime++) {
      rows.add(row(analyzer.analyze(model, options.withRuntime(runtime))));
    }
    return new RuntimeMatrix(options.multipleSubgraphs(), compiler, rows);
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

  /** The lowest runtime at which the most operators map (the one to target), or -1 when none maps any. */
  public int bestRuntime() {
    long best = 0;
    int runtime = -1;
    for (Row row : rows) {
      if (row.edgeTpu() > best) {
        best = row.edgeTpu();
        runtime = row.runtime();
      }
    }
    return runtime;
  }

  /**
   * The runtimes above the newest the release can target, as a sentence ("runtime 13 to 14: compiler
   * 2.0 cannot target them; 14.1 or newer can"), or null when it targets every runtime.
   */
  public String untargetable() {
    int newest = rows.isEmpty() ? AnalysisOptions.MIN_RUNTIME - 1 : rows.get(rows.size() - 1).runtime();
    if (newest >= AnalysisOptions.MAX_RUNTIME) {
      return null;
    }
    int first = newest + 1;
    return "runtime " + first + (first == AnalysisOptions.MAX_RUNTIME ? "" : " to " + AnalysisOptions.MAX_RUNTIME)
        + ": compiler " + compilerVersion + " cannot target " + (first == AnalysisOptions.MAX_RUNTIME ? "it" : "them")
        + "; " + CompileRecipe.compilerFor(first) + " or newer can";
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    if (!AnalysisOptions.DEFAULT_COMPILER.equals(compilerVersion)) {
      out.append("judged with the rules of compiler ").append(compilerVersion).append(", which targets runtime ")
          .append(AnalysisOptions.MIN_RUNTIME).append(" to ").append(rows.isEmpty() ? "-" : rows.get(rows.size() - 1).runtime())
          .append('\n');
    }
    out.append(String.format(Locale.ROOT, "%-8s %-9s %-9s %-8s %s%n", "runtime", "compiler", "Edge TPU", "CPU", "cut"));
    for (Row row : rows) {
      out.append(String.format(Locale.ROOT, "%-8d %-9s %-9d %-8d %s%n", row.runtime(),
          CompileRecipe.compilerFor(row.runtime()), row.edgeTpu(), row.cpu(), row.cutText()));
    }
    String untargetable = untargetable();
    if (untargetable != null) {
      out.append(untargetable).append('\n');
    }
    int best = bestRuntime();
    if (best > 0) {
      out.append("most operators map from runtime ").append(best).append(" on (compile with ")
          .append(CompileRecipe.compilerFor(best)).append(" or newer, -m ").append(best).append(")\n");
    } else if (!rows.isEmpty()) {
      out.append("no operator maps at any of these runtimes\n");
    }
    return out.toString();
  }
}
