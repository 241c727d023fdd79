package dev.edgetpulint.rules;

import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.rules.expr.Functions;
import dev.edgetpulint.rules.expr.ModelFacts;
import dev.edgetpulint.rules.expr.OperatorFacts;
import dev.edgetpulint.rules.expr.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates a {@link RuleSet} against a model. Rules are compiled on first use (and kept by the rule
 * set), so a model only pays for the rules of the operator types it contains. Thread-safe; reuse one
 * engine across models.
 */
public final class RuleEngine {
  private final RuleSet ruleSet;
  /** A plan per evaluation context met (runtime and compiler); see {@link Plan}. */
  private final Map<EvaluationContext, Plan> plans = new ConcurrentHashMap<>();
  /** Contexts are few (runtimes 10 to 14, a compiler or two); a client that varies them endlessly does not fill memory. */
  private static final int MAX_PLANS = 64;

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
    Plan plan = plan(context);
    ModelFacts facts = new ModelFacts(model);
    List<Finding> out = new ArrayList<>();
    List<Finding> modelFindings = new ArrayList<>();
    List<Rule> modelRules = new ArrayList<>();
    // One scope for the whole model, reset before each rule: what a fresh scope would hold.
    Scope scope = new Scope(facts, null, context.runtime(), plan.compiler);
    for (Rule rule : plan.modelRules) {
      scope.reset(null);
      Finding f = run(rule, compiled(rule), scope, -1, null);
      if (f != null) {
        modelFindings.add(f);
        modelRules.add(rule);
      }
    }
    out.addAll(suppress(modelFindings, modelRules));
    // Rules judged on the model's tensors first (CompiledRule.falseForEveryTensor), by verdict slot:
    // which were judged, and which of them are false at every operator.
    long judgedByTensors = 0;
    long falseEverywhere = 0;
    OpcodeVerdicts opcodeVerdicts = new OpcodeVerdicts();
    for (Subgraph subgraph : model.subgraphs()) {
      for (Operator op : subgraph.operators()) {
        Applicable applicable = plan.applicable(op);
        if (applicable.rules.length == 0) {
          continue;
        }
        OperatorFacts opFacts = facts.operator(subgraph.index(), op);
        List<Finding> found = null;
        List<Rule> by = null;
        long[] falseForKind = null;
        for (int i = 0; i < applicable.rules.length; i++) {
          Rule rule = applicable.rules[i];
          CompiledRule compiled = applicable.compiled[i];
          int opcodeSlot = compiled.opcodeSlot();
          if (opcodeSlot >= 0) {
            if (falseForKind == null) {
              falseForKind = opcodeVerdicts.of(op);
            }
            if ((falseForKind[0] & (1L << opcodeSlot)) != 0) {
              continue;
            }
          }
          if (compiled.judgedByTensors()) {
            long bit = 1L << compiled.verdictSlot();
            if ((judgedByTensors & bit) == 0) {
              judgedByTensors |= bit;
              scope.reset(null);
              // Rule functions refuse lists longer than Functions.MAX_LIST: an operator with more
              // tensors would make for_each fail, which only the operator's own evaluation reports.
              if (facts.mostOperatorTensors() <= Functions.MAX_LIST
                  && compiled.falseForEveryTensor(scope, facts)) {
                falseEverywhere |= bit;
              }
            }
            if ((falseEverywhere & bit) != 0) {
              continue;
            }
          }
          scope.reset(opFacts);
          Finding f = run(rule, compiled, scope, subgraph.index(), op);
          if (f == null && opcodeSlot >= 0) {
            falseForKind[0] |= 1L << opcodeSlot;
          }
          if (f != null) {
            if (found == null) {
              found = new ArrayList<>(2);
              by = new ArrayList<>(2);
            }
            found.add(f);
            by.add(rule);
          }
        }
        if (found != null) {
          out.addAll(suppress(found, by));
        }
      }
    }
    return out;
  }

  /** The plan for {@code context}: kept for the first {@link #MAX_PLANS} contexts met, else made afresh. */
  private Plan plan(EvaluationContext context) {
    Plan plan = plans.get(context);
    if (plan == null) {
      plan = new Plan(context);
      if (plans.size() < MAX_PLANS) {
        plans.putIfAbsent(context, plan);
      }
    }
    return plan;
  }

  /**
   * Which rules an evaluation in one context runs, worked out once per context instead of once per
   * model: the active model rules, and the operator rules for each kind of operator (a rule's
   * applicability depends only on the context and the operator's type and name). Thread-safe.
   */
  private final class Plan {
    final double compiler;
    final List<Rule> modelRules = new ArrayList<>();
    final List<Rule> operatorRules = new ArrayList<>();
    /** By operator type, then display name (a custom operator's code). */
    final Map<String, Map<String, Applicable>> byType = new ConcurrentHashMap<>();

    Plan(EvaluationContext context) {
      compiler = context.compilerNumber();
      for (Rule rule : ruleSet.rules()) {
        if (rule.appliesTo(context.runtime(), compiler)) {
          (rule.scope() == Rule.Scope.MODEL ? modelRules : operatorRules).add(rule);
        }
      }
    }

    // putIfAbsent rather than computeIfAbsent with lambdas, whose linkage costs every start
    // (docs/performance.md, C19). Two threads may work out the same operator's rules; one result is kept.
    Applicable applicable(Operator op) {
      Map<String, Applicable> byName = byType.get(op.opName());
      if (byName == null) {
        Map<String, Applicable> made = new ConcurrentHashMap<>(4);
        byName = byType.putIfAbsent(op.opName(), made);
        byName = byName == null ? made : byName;
      }
      Applicable a = byName.get(op.displayName());
      if (a == null) {
        Applicable made = RuleEngine.this.applicable(operatorRules, op);
        a = byName.putIfAbsent(op.displayName(), made);
        a = a == null ? made : a;
      }
      return a;
    }
  }

  /** The operator rules that apply to one kind of operator, compiled, in rule-file order. */
  private record Applicable(Rule[] rules, CompiledRule[] compiled) {}

  private Applicable applicable(List<Rule> operatorRules, Operator op) {
    List<Rule> list = new ArrayList<>();
    for (Rule rule : operatorRules) {
      if (rule.appliesTo(op)) {
        list.add(rule);
      }
    }
    Rule[] rules = list.toArray(new Rule[0]);
    CompiledRule[] compiled = new CompiledRule[rules.length];
    for (int i = 0; i < rules.length; i++) {
      compiled[i] = compiled(rules[i]);
    }
    return new Applicable(rules, compiled);
  }

  private CompiledRule compiled(Rule rule) {
    return ruleSet.compiled(rule);
  }

  /**
   * The rule's finding in {@code scope}, or null. The location is built only for a finding (most
   * rules do not fire at most operators); {@code op} null means the model.
   */
  private static Finding run(Rule rule, CompiledRule c, Scope scope, int subgraph, Operator op) {
    try {
      String[] result = c.evaluate(scope);
      if (result == null) {
        return null;
      }
      return new Finding(rule.id(), rule.severity(), result[0], result[1], rule.helpUri(), rule.compilerStatus(), location(subgraph, op));
    } catch (RuntimeException e) {
      // A rule that cannot judge this element says so instead of failing the run.
      String reason = reason(e);
      return new Finding(rule.id(), Severity.INFO, "rule " + rule.id() + " (" + rule.origin()
          + ") could not be evaluated here: " + reason, null, rule.helpUri(), null, location(subgraph, op));
    }
  }

  private static Location location(int subgraph, Operator op) {
    return op == null ? Location.model() : Location.operator(subgraph, op.index(), op.displayName());
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
        ruleSet.compiled(rule).withTemplates();
      } catch (RuleLoadException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleLoadException(problems);
    }
  }
}
