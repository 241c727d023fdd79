package dev.edgetpulint.compiler;

import dev.edgetpulint.graph.Model;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders an analysis the way edgetpu_compiler prints its result: the summary lines, then the
 * {@code Operator Count Status} table (facts Section 8: {@code %-30s %-10s %s}, one row per op type
 * and status, in order of first appearance). Sizes are estimates and say so.
 */
public final class CompilerLog {
  private CompilerLog() {}

  /** One row of the table. */
  public record Row(String op, int count, String status) {}

  /** The table rows for the main subgraph, one per (op type, status), in order of first appearance. */
  public static List<Row> table(ModelAnalysis analysis) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, String[]> keys = new LinkedHashMap<>();
    for (Placement p : analysis.placements()) {
      if (p.subgraph() != 0) {
        continue;
      }
      String op = AgreementReport.logName(p.op());
      String key = op + "\u0000" + p.status();
      counts.computeIfAbsent(key, k -> new int[1])[0]++;
      keys.putIfAbsent(key, new String[] {op, p.status()});
    }
    return counts.entrySet().stream()
        .map(e -> new Row(keys.get(e.getKey())[0], e.getValue()[0], keys.get(e.getKey())[1]))
        .toList();
  }

  public static String render(ModelAnalysis analysis) {
    Model model = analysis.model();
    StringBuilder out = new StringBuilder();
    MemoryEstimate memory = analysis.memory();
    out.append(String.format(Locale.ROOT, "Input model: %s%n", model.source()));
    out.append(String.format(Locale.ROOT, "Target runtime: %d%s%n", analysis.options().runtime(),
        analysis.options().multipleSubgraphs() ? " (multiple subgraphs, -a)" : ""));
    out.append(String.format(Locale.ROOT, "Quantization: %s%n", analysis.quantization().summary()));
    out.append(String.format(Locale.ROOT, "On-chip memory used for caching model parameters: %s (estimate)%n",
        MemoryEstimator.format(memory.cachedBytes())));
    out.append(String.format(Locale.ROOT, "On-chip memory remaining for caching model parameters: %s (estimate)%n",
        MemoryEstimator.format(Math.max(0, memory.cacheCapacityBytes() - memory.cachedBytes()))));
    out.append(String.format(Locale.ROOT, "Off-chip memory used for streaming uncached model parameters: %s (estimate)%n",
        MemoryEstimator.format(memory.streamedBytes())));
    out.append(String.format(Locale.ROOT, "Number of Edge TPU subgraphs: %d%n", analysis.edgeTpuSubgraphs()));
    long total = analysis.placements().stream().filter(p -> p.subgraph() == 0).count();
    long tpu = analysis.placements().stream().filter(p -> p.subgraph() == 0 && p.target() == Target.EDGETPU).count();
    out.append(String.format(Locale.ROOT, "Total number of operations: %d%n", total));
    out.append(String.format(Locale.ROOT, "Number of operations that will run on Edge TPU: %d%n", tpu));
    out.append(String.format(Locale.ROOT, "Number of operations that will run on CPU: %d%n%n", total - tpu));
    out.append(String.format(Locale.ROOT, "%-30s %-10s %s%n%n", "Operator", "Count", "Status"));
    for (Row row : table(analysis)) {
      out.append(String.format(Locale.ROOT, "%-30s %-10d %s%n", row.op(), row.count(), row.status()));
    }
    return out.toString();
  }
}
