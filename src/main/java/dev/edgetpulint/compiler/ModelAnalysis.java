package dev.edgetpulint.compiler;

import dev.edgetpulint.graph.Model;
import dev.edgetpulint.rules.Finding;
import java.util.List;

/**
 * Everything the compiler path found for one model: the stage verdicts, a placement for every
 * operator of every subgraph, and all findings (model-level and per-op).
 *
 * @param edgeTpuSubgraphs how many edgetpu-custom-op the compiler would write ("Number of Edge TPU
 *     subgraphs"); more than one only with multiple subgraphs (-a)
 */
public record ModelAnalysis(
    Model model,
    AnalysisOptions options,
    QuantizationStage quantization,
    List<Placement> placements,
    MemoryEstimate memory,
    List<Finding> findings,
    int edgeTpuSubgraphs) {

  public ModelAnalysis {
    placements = List.copyOf(placements);
    findings = List.copyOf(findings);
  }

  /** Without the subgraph count: one Edge TPU subgraph when any op maps, else none. */
  public ModelAnalysis(
      Model model,
      AnalysisOptions options,
      QuantizationStage quantization,
      List<Placement> placements,
      MemoryEstimate memory,
      List<Finding> findings) {
    this(model, options, quantization, placements, memory, findings,
        placements.stream().anyMatch(p -> p.target() == Target.EDGETPU) ? 1 : 0);
  }

  public long edgeTpuCount() {
    long count = 0;
    for (Placement p : placements) {
      if (p.target() == Target.EDGETPU) {
        count++;
      }
    }
    return count;
  }

  public long cpuCount() {
    return placements.size() - edgeTpuCount();
  }
}
