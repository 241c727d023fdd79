package dev.edgetpulint.show;

import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.compiler.ModelAnalyzer;
import dev.edgetpulint.compiler.Placement;
import dev.edgetpulint.compiler.PlacementReason;
import dev.edgetpulint.compiler.Target;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Location;
import dev.edgetpulint.rules.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hand-made stand-in for the compiler path, for tests of what is drawn from an analysis: ops named in
 * {@code unsupported} (with the runtime from which they map) are cut, their dependants are collateral
 * (unless -a), everything else maps.
 */
public final class FakeCompilerPath implements ModelAnalyzer {
  private final Map<String, Integer> mapsFrom;

  /** @param mapsFrom op name -> first runtime at which it maps (99 = never) */
  public FakeCompilerPath(Map<String, Integer> mapsFrom) {
    this.mapsFrom = mapsFrom;
  }

  @Override
  public ModelAnalysis analyze(Model model, AnalysisOptions options) {
    List<Placement> placements = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (Subgraph g : model.subgraphs()) {
      Set<Integer> cpuTensors = new HashSet<>();
      for (Operator op : g.operators()) {
        int from = mapsFrom.getOrDefault(op.displayName(), 0);
        boolean unsupported = options.runtime() < from;
        Integer cause = null;
        for (int t : op.inputs()) {
          if (cpuTensors.contains(t)) {
            cause = -2;
          }
        }
        Target target;
        PlacementReason reason;
        String status;
        List<Finding> here = new ArrayList<>();
        if (unsupported) {
          target = Target.CPU;
          reason = PlacementReason.UNSUPPORTED;
          status = "Operation not supported";
          Finding f = new Finding("EDGETPU-OP-" + op.displayName().replace(':', '-'), Severity.ERROR,
              op.displayName() + " is not supported at runtime " + options.runtime(),
              "Replace " + op.displayName(), null, status, Location.operator(g.index(), op.index(), op.displayName()));
          here.add(f);
          findings.add(f);
        } else if (cause != null && !options.multipleSubgraphs()) {
          target = Target.CPU;
          reason = PlacementReason.COLLATERAL;
          status = "More than one subgraph is not supported";
        } else {
          target = Target.EDGETPU;
          reason = PlacementReason.MAPPED;
          status = "Mapped to Edge TPU";
        }
        if (target == Target.CPU) {
          cpuTensors.addAll(op.outputs());
        }
        placements.add(new Placement(g.index(), op.index(), op.displayName(), op.version(), target, status, reason,
            reason == PlacementReason.COLLATERAL ? 0 : -1, here));
      }
    }
    return new ModelAnalysis(model, options, null, placements, null, findings);
  }
}
