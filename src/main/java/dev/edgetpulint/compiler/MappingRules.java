package dev.edgetpulint.compiler;

import dev.edgetpulint.graph.Model;
import dev.edgetpulint.rules.EvaluationContext;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.RuleEngine;
import java.util.List;
import java.util.Objects;

/**
 * Per-op mapping verdicts at one runtime version. A finding with severity ERROR, a non-null
 * {@code compilerStatus} and an operator location means: that operator cannot be mapped to the
 * Edge TPU, and the real compiler reports it with that status. The rules engine implements this.
 */
@FunctionalInterface
public interface MappingRules {
  /** Verdicts at {@code runtime}, assuming the default compiler. */
  List<Finding> evaluate(Model model, int runtime);

  /**
   * Verdicts at {@code runtime} for one compiler release ("2.0"; null = the default). Implementations
   * that know nothing of compiler versions (lambdas) ignore it.
   */
  default List<Finding> evaluate(Model model, int runtime, String compilerVersion) {
    return evaluate(model, runtime);
  }

  /** Rules that find nothing: every operator maps (useful for tests and for partitioning alone). */
  static MappingRules none() {
    return (model, runtime) -> List.of();
  }

  /** The rules engine, judging rules with a {@code compilers} range by the compiler asked for. */
  static MappingRules of(RuleEngine engine) {
    Objects.requireNonNull(engine, "engine");
    return new MappingRules() {
      @Override
      public List<Finding> evaluate(Model model, int runtime) {
        return engine.evaluate(model, runtime);
      }

      @Override
      public List<Finding> evaluate(Model model, int runtime, String compilerVersion) {
        return engine.evaluate(model, new EvaluationContext(runtime, compilerVersion));
      }
    };
  }
}
