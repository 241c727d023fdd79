package dev.edgetpulint.rules;

import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.rules.expr.ModelFacts;
import dev.edgetpulint.rules.expr.OperatorFacts;
import dev.edgetpulint.rules.expr.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates a {@link RuleSet} against a model. Rules are compiled on first use, so a model only pays
 * for the rules of the operator types it contains. Thread-safe; reuse one engine across models.
 */
public final class RuleEngine {
  private final RuleSet ruleSet;
  private final Map<String, CompiledRule> compiled = new ConcurrentHashMap<>();

  public RuleEngine(RuleSet ruleSet) {
    this.ruleSet = ruleSet;
  }

  public RuleSet ruleSet() {
    return ruleSet;
  }

  /** Findings for {@code model} at an Edge TPU runtime version, assuming the default compiler. */
  public List<Finding> evaluate(Model model, int runtime) {
    return evaluate(model, EvaluationContext.forRuntime(runtime));
  }

  /**
   * Findings for {@code model}: model-level findings first (location {@link Location#model()}), then
   * per operator in subgraph and execution order, in rule-file order within an operator. A finding
   * that {@code suppresses} another rule removes that rule's finding at the same location.
   */
  public List<Finding> evaluate(Model model, EvaluationContext context) {
    ModelFacts facts = new ModelFacts(model);
    double compiler = context.compilerNumber();
    List<Finding> out = new ArrayList<>();
    List<Rule> active = new ArrayList<>();
    for (Rule rule : ruleSet.rules()) {
      if (rule.appliesTo(context)) {
        active.add(rule);
      }
    }
    List<Finding> modelFindings = new ArrayList<>();
    List<Rule> modelRules = new ArrayList<>();
    for (Rule rule : active) {
      if (rule.scope() == Rule.Scope.MODEL) {
        Finding f = run(rule, new Scope(facts, null, context.runtime(), compiler), Location.model());
        if (f != null) {
          modelFindings.add(f);
          modelRules.add(rule);
        }
      }
    }
    out.addAll(suppress(modelFindings, modelRules));
    List<Rule> operatorRules = new ArrayList<>();
    for (Rule rule : active) {
      if (rule.scope() == Rule.Scope.OPERATOR) {
        operatorRules.add(rule);
      }
    }
    // The operator rules that look at each kind of operator, worked out once per model instead of
    // once per operator (a rule's applicability depends only on the operator's type and name).
    Map<String, List<Rule>> rulesByType = new HashMap<>();
    for (Subgraph subgraph : model.subgraphs()) {
      for (Operator op : subgraph.operators()) {
        List<Rule> applicable = rulesByType.computeIfAbsent(op.opName() + '\u0000' + op.displayName(), k -> {
          List<Rule> list = new ArrayList<>();
          for (Rule rule : operatorRules) {
            if (rule.appliesTo(op)) {
              list.add(rule);
            }
          }
          return list;
        });
        if (applicable.isEmpty()) {
          continue;
        }
        OperatorFacts opFacts = facts.operator(subgraph.index(), op);
        Location location = Location.operator(subgraph.index(), op.index(), op.displayName());
        List<Finding> found = new ArrayList<>();
        List<Rule> by = new ArrayList<>();
        for (Rule rule : applicable) {
          Finding f = run(rule, new Scope(facts, opFacts, context.runtime(), compiler), location);
          if (f != null) {
            found.add(f);
            by.add(rule);
          }
        }
        out.addAll(suppress(found, by));
      }
    }
    return out;
  }

  private Finding run(Rule rule, Scope scope, Location location) {
    CompiledRule c = compiled.computeIfAbsent(rule.id(), id -> CompiledRule.compile(rule));
    try {
      String[] result = c.evaluate(scope);
      if (result == null) {
        return null;
      }
      return new Finding(rule.id(), rule.severity(), result[0], result[1], rule.helpUri(), rule.compilerStatus(), location);
    } catch (RuntimeException e) {
      // A rule that cannot judge this element says so instead of failing the run.
      String reason = reason(e);
      return new Finding(rule.id(), Severity.INFO, "rule " + rule.id() + " (" + rule.origin()
          + ") could not be evaluated here: " + reason, null, rule.helpUri(), null, location);
    }
  }

  /** The most useful explanation of an evaluation failure: the expression's own errors first. */
  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof dev.edgetpulint.rules.expr.Facts.UnknownFactException
          || t instanceof dev.edgetpulint.rules.expr.Sandbox.ExpressionException) {
        return t.getMessage();
      }
    }
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    return msg.replaceAll("\\s+", " ");
  }

  private static List<Finding> suppress(List<Finding> findings, List<Rule> rules) {
    if (findings.size() < 2) {
      return findings;
    }
    Set<String> dropped = new HashSet<>();
    for (int i = 0; i < findings.size(); i++) {
      if (findings.get(i).severity() != Severity.INFO || findings.get(i).compilerStatus() != null) {
        dropped.addAll(rules.get(i).suppresses());
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      if (!dropped.contains(f.ruleId())) {
        out.add(f);
      }
    }
    return out;
  }

  /** Compiles every rule now (the {@code rules} command and tests); throws {@link RuleLoadException}. */
  public void compileAll() {
    List<String> problems = new ArrayList<>();
    for (Rule rule : ruleSet.rules()) {
      try {
        compiled.computeIfAbsent(rule.id(), id -> CompiledRule.compile(rule));
      } catch (RuleLoadException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleLoadException(problems);
    }
  }
}
