package dev.edgetpulint.compiler;

import dev.edgetpulint.graph.Model;
import dev.edgetpulint.rules.Finding;
import java.util.List;

/**
 * Everything the compiler path found for one model: the stage verdicts, a placement for every
 * operator of every subgraph, and all findings (model-level and per-op).
 */
public record ModelAnalysis(
    Model model,
    AnalysisOptions options,
    QuantizationStage quantization,
    List<Placement> placements,
    MemoryEstimate memory,
    List<Finding> findings) {

  public ModelAnalysis {
    placements = List.copyOf(placements);
    findings = List.copyOf(findings);
  }

  public long edgeTpuCount() {
    return placements.stream().filter(p -> p.target() == Target.EDGETPU).count();
  }

  public long cpuCount() {
    return placements.size() - edgeTpuCount();
  }
}
