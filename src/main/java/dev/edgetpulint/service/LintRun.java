package dev.edgetpulint.service;

import dev.edgetpulint.rules.Severity;
import java.util.List;

/**
 * The outcome of linting a set of inputs: every input path exactly once, in {@code models} or in
 * {@code errors}, in the order the inputs were given (directories walked in sorted order).
 *
 * @param rules the metadata of every rule that could have reported, for SARIF
 * @param unused suppressions that silenced nothing among the models of this run
 */
public record LintRun(List<ModelReport> models, List<InputError> errors, List<RuleInfo> rules,
    List<UnusedSuppression> unused) {
  public LintRun {
    models = List.copyOf(models);
    errors = List.copyOf(errors);
    rules = List.copyOf(rules);
    unused = unused == null ? List.of() : List.copyOf(unused);
  }

  public LintRun(List<ModelReport> models, List<InputError> errors, List<RuleInfo> rules) {
    this(models, errors, rules, List.of());
  }

  /**
   * Whether some model has an active finding at or above the threshold: {@code threshold} when given
   * (a command-line flag wins), else the model's configuration's fail-on, else error.
   */
  public boolean fails(Severity threshold) {
    for (ModelReport m : models) {
      if (m.hasActiveAtLeast(threshold != null ? threshold : m.failOn() != null ? m.failOn() : Severity.ERROR)) {
        return true;
      }
    }
    return false;
  }
}
