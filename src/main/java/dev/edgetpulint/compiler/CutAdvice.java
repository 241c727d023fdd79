package dev.edgetpulint.compiler;

import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the Edge TPU part of a cut model ends, and what to tell the compiler about it.
 *
 * <p>The {@code -i} tensors are the tensors an Edge TPU operator writes and a CPU operator reads: passing
 * them to {@code edgetpu_compiler -i} ends the Edge TPU part exactly there, so everything before the cut
 * stays on the Edge TPU and the compile does not depend on how the compiler treats the tail. With
 * {@code -a}, supported operators after a CPU island run on the Edge TPU again; {@link #recoveredWithA}
 * says how many that would win.
 *
 * @param cut the first unmappable operator, or null when nothing is cut
 * @param intermediateTensors the tensors for {@code -i}, in operator order
 * @param collateral supported operators that run on the CPU only because they come after the cut
 * @param recoveredWithA how many more operators map with {@code -a}, or -1 when not computed
 */
public record CutAdvice(Placement cut, List<String> intermediateTensors, long collateral, long recoveredWithA) {

  public CutAdvice {
    intermediateTensors = List.copyOf(intermediateTensors);
  }

  public static CutAdvice of(ModelAnalysis analysis, ModelAnalyzer analyzer) {
    Placement cut = RuntimeMatrix.firstCut(analysis);
    List<String> tensors = frontier(analysis);
    long collateral = analysis.placements().stream().filter(p -> p.reason() == PlacementReason.COLLATERAL).count();
    long recovered = -1;
    if (collateral > 0 && !analysis.options().multipleSubgraphs() && analyzer != null) {
      ModelAnalysis withA = analyzer.analyze(analysis.model(),
          analysis.options().withMultipleSubgraphs(true));
      recovered = withA.edgeTpuCount() - analysis.edgeTpuCount();
    }
    return new CutAdvice(cut, tensors, collateral, recovered);
  }

  /** Tensors written by an Edge TPU operator and read by a CPU operator that is not a float I/O boundary. */
  static List<String> frontier(ModelAnalysis analysis) {
    Map<Long, Placement> bySite = new HashMap<>();
    for (Placement p : analysis.placements()) {
      bySite.put(((long) p.subgraph() << 32) | p.index(), p);
    }
    Set<String> out = new LinkedHashSet<>();
    Model model = analysis.model();
    for (Subgraph graph : model.subgraphs()) {
      Map<Integer, Placement> producer = new HashMap<>();
      for (Operator op : graph.operators()) {
        Placement p = bySite.get(((long) graph.index() << 32) | op.index());
        for (int t : op.outputs()) {
          producer.put(t, p);
        }
      }
      for (Operator op : graph.operators()) {
        Placement p = bySite.get(((long) graph.index() << 32) | op.index());
        if (p == null || p.target() != Target.CPU || p.reason() == PlacementReason.IO_BOUNDARY
            || p.reason() == PlacementReason.MODEL_REJECTED) {
          continue;
        }
        for (int t : op.inputs()) {
          Placement from = producer.get(t);
          Tensor tensor = graph.tensor(t);
          if (from != null && from.target() == Target.EDGETPU && tensor != null) {
            out.add(tensor.name());
          }
        }
      }
    }
    return new ArrayList<>(out);
  }

  public boolean hasCut() {
    return !intermediateTensors.isEmpty();
  }

  /** Advice in words, or an empty list when the model is not cut. */
  public List<String> advice(int runtime) {
    List<String> out = new ArrayList<>();
    if (!hasCut()) {
      return out;
    }
    out.add("The Edge TPU part ends at " + quoted(intermediateTensors) + (cut == null ? ""
        : " (the cut is at operators[" + cut.index() + "] " + cut.op() + ")")
        + ": compile with -i " + CompileRecipe.shellQuote(String.join(",", intermediateTensors))
        + " to end it there explicitly and keep everything before it on the Edge TPU.");
    if (collateral > 0) {
      String more = recoveredWithA > 0 ? " -a would map " + recoveredWithA + " of them again"
          + " (each CPU<->Edge TPU hand-off costs latency; measure it)."
          : recoveredWithA == 0 ? " -a would not map any of them back." : "";
      out.add(collateral + " supported operator(s) run on the CPU only because they come after the cut." + more);
    }
    return out;
  }

  private static String quoted(List<String> names) {
    return names.stream().map(n -> "'" + n + "'").reduce((a, b) -> a + ", " + b).orElse("");
  }
}
