package dev.edgetpulint.compiler;

import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The predicted placement of one operator.
 *
 * @param op the display name ("CONV_2D", "CUSTOM:TFLite_Detection_PostProcess")
 * @param status the compiler-style status string ("Mapped to Edge TPU", "More than one subgraph is
 *     not supported", ...)
 * @param causeOperator for COLLATERAL, the index of the unsupported op that caused the cut; else -1
 * @param findings the findings located at this op
 */
public record Placement(
    int subgraph,
    int index,
    String op,
    int version,
    Target target,
    String status,
    PlacementReason reason,
    int causeOperator,
    List<Finding> findings) {

  public Placement {
    findings = List.copyOf(findings);
  }

  /** The rules that warned about this op, each once: risks the prediction does not count on. */
  public List<String> warningRuleIds() {
    List<String> ids = new ArrayList<>();
    for (Finding f : findings) {
      if (f.severity() == Severity.WARNING && !ids.contains(f.ruleId())) {
        ids.add(f.ruleId());
      }
    }
    return ids;
  }
}
