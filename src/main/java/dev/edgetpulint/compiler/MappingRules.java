package dev.edgetpulint.compiler;

import dev.edgetpulint.graph.Model;
import dev.edgetpulint.rules.Finding;
import java.util.List;

/**
 * Per-op mapping verdicts at one runtime version. A finding with severity ERROR, a non-null
 * {@code compilerStatus} and an operator location means: that operator cannot be mapped to the
 * Edge TPU, and the real compiler reports it with that status. The rules engine implements this.
 */
@FunctionalInterface
public interface MappingRules {
  List<Finding> evaluate(Model model, int runtime);

  /** Rules that find nothing: every operator maps (useful for tests and for partitioning alone). */
  static MappingRules none() {
    return (model, runtime) -> List.of();
  }
}
