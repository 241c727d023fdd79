package dev.edgetpulint.service;

import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.MemoryEstimate;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.compiler.Placement;
import dev.edgetpulint.compiler.PlacementReason;
import dev.edgetpulint.compiler.QuantizationKind;
import dev.edgetpulint.compiler.QuantizationStage;
import dev.edgetpulint.compiler.Target;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Location;
import dev.edgetpulint.rules.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small, fully specified stand-in for rules + compiler path, so that service, report and CLI tests
 * do not depend on the real rule set: an op whose type is in {@link #UNSUPPORTED} (or any op reading
 * a float tensor) stays on the CPU with an error, everything after it in the subgraph is collateral
 * (unless multiple subgraphs are allowed), and an op with more than 3 dimensions in its output gets a
 * warning. Runtime 10 treats GATHER as unsupported too, so runtime selection is visible.
 */
public final class TestEngine implements LintEngine {
  public static final String UNSUPPORTED_RULE = "TEST-UNSUPPORTED-OP";
  public static final String FLOAT_RULE = "TEST-FLOAT-TENSOR";
  public static final String RANK_RULE = "TEST-RANK";
  public static final String HELP = "https://example.invalid/rules/";
  static final Set<String> UNSUPPORTED = Set.of("CUSTOM:TFLite_Detection_PostProcess", "LEAKY_RELU");

  public final List<List<Path>> ruleDirsSeen = new ArrayList<>();

  @Override
  public ModelAnalysis analyze(Model model, AnalysisOptions options, List<Path> ruleDirs) {
    ruleDirsSeen.add(ruleDirs);
    List<Placement> placements = new ArrayList<>();
    List<Finding> all = new ArrayList<>();
    boolean anyFloat = false;
    for (Subgraph subgraph : model.subgraphs()) {
      int cut = -1;
      for (Operator op : subgraph.operators()) {
        List<Finding> findings = new ArrayList<>();
        Location at = Location.operator(subgraph.index(), op.index(), op.displayName());
        boolean floatInput = op.inputs().stream().map(subgraph::tensor)
            .anyMatch(t -> t != null && t.type().isFloat());
        anyFloat |= floatInput;
        boolean unsupported = UNSUPPORTED.contains(op.displayName())
            || (options.runtime() <= 10 && op.displayName().equals("GATHER"));
        Target target = Target.EDGETPU;
        String status = "Mapped to Edge TPU";
        PlacementReason reason = PlacementReason.MAPPED;
        int cause = -1;
        if (floatInput) {
          findings.add(new Finding(FLOAT_RULE, Severity.ERROR,
              op.displayName() + " reads a float tensor; the Edge TPU runs 8-bit integers only",
              "quantize the model to int8", HELP + FLOAT_RULE, "Operation is working on an unsupported data type", at));
          target = Target.CPU;
          status = "Operation is working on an unsupported data type";
          reason = PlacementReason.UNSUPPORTED;
        } else if (unsupported) {
          findings.add(new Finding(UNSUPPORTED_RULE, Severity.ERROR,
              op.displayName() + " is not supported at runtime " + options.runtime(),
              "replace " + op.displayName() + " or run it after the Edge TPU part", HELP + UNSUPPORTED_RULE,
              "Operation not supported", at));
          target = Target.CPU;
          status = "Operation not supported";
          reason = PlacementReason.UNSUPPORTED;
        } else if (cut >= 0 && !options.multipleSubgraphs()) {
          target = Target.CPU;
          status = "More than one subgraph is not supported";
          reason = PlacementReason.COLLATERAL;
          cause = cut;
        }
        if (target == Target.CPU && cut < 0 && reason == PlacementReason.UNSUPPORTED) {
          cut = op.index();
        }
        for (int output : op.outputs()) {
          Tensor t = subgraph.tensor(output);
          if (t != null && t.rank() > 3 && t.shape().get(0) > 1) {
            findings.add(new Finding(RANK_RULE, Severity.WARNING,
                "output '" + t.name() + "' has batch " + t.shape().get(0) + "; only the 3 innermost dimensions map",
                "use batch 1", null, null,
                new Location(subgraph.index(), op.index(), t.index(), op.displayName(), t.name())));
          }
        }
        all.addAll(findings);
        placements.add(new Placement(subgraph.index(), op.index(), op.displayName(), op.version(), target, status,
            reason, cause, findings));
      }
    }
    QuantizationStage quantization = anyFloat
        ? new QuantizationStage(QuantizationKind.FLOAT32, false, "float32 model (not quantized)",
            "convert with full integer quantization")
        : new QuantizationStage(QuantizationKind.INTEGER_ONLY_INT8, true, "full integer (int8)", null);
    return new ModelAnalysis(model, options, quantization, placements,
        new MemoryEstimate(2048, 2048, 0, 8L * 1024 * 1024), all);
  }

  @Override
  public List<RuleInfo> rules(List<Path> ruleDirs) {
    return List.of(
        new RuleInfo(UNSUPPORTED_RULE, "unsupported-op", "Operator not supported by the Edge TPU.",
            "The operator type is not in Table 1 for this runtime; it runs on the CPU.",
            "Replace the operator or move it after the Edge TPU part.",
            "Replace the operator or move it **after** the Edge TPU part.", HELP + UNSUPPORTED_RULE, Severity.ERROR),
        new RuleInfo(FLOAT_RULE, "float-tensor", "Float tensor.", "The Edge TPU runs 8-bit integer arithmetic only.",
            "Quantize to int8.", "Quantize to `int8`.", HELP + FLOAT_RULE, Severity.ERROR),
        new RuleInfo(RANK_RULE, "rank", "Tensor rank beyond 3 mapped dimensions.",
            "Only the 3 innermost dimensions are mapped.", "Use batch 1.", "Use batch `1`.", null, Severity.WARNING));
  }
}
