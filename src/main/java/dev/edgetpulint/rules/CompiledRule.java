package dev.edgetpulint.rules;

import dev.edgetpulint.rules.expr.Expression;
import dev.edgetpulint.rules.expr.Functions;
import dev.edgetpulint.rules.expr.Sandbox;
import dev.edgetpulint.rules.expr.Scope;
import dev.edgetpulint.rules.expr.Template;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A rule with its expressions compiled. */
final class CompiledRule {
  final Rule rule;
  private final Expression forEach;
  /** Helpers that do not read {@code tensor}: evaluated once, before {@code for_each}. */
  private final Map<String, Expression> before = new LinkedHashMap<>();
  /** Helpers that read {@code tensor}: evaluated for each element. */
  private final Map<String, Expression> perTensor = new LinkedHashMap<>();
  /** {@link #before} and {@link #perTensor} as arrays, in order: what each evaluation walks. */
  private final String[] beforeNames;
  private final Expression[] beforeExpressions;
  private final String[] perTensorNames;
  private final Expression[] perTensorExpressions;
  private final Expression when;
  private final Template message;
  private final Template fix;

  private CompiledRule(Rule rule) {
    this.rule = rule;
    this.forEach = rule.forEach() == null ? null : compile(rule.forEach(), "for_each");
    Set<String> tensorDependent = new HashSet<>();
    tensorDependent.add("tensor");
    for (Map.Entry<String, String> e : rule.let().entrySet()) {
      Expression x = compile(e.getValue(), "let." + e.getKey());
      String name = e.getKey().intern(); // the scope finds interned names by identity
      if (x.variables().stream().anyMatch(tensorDependent::contains)) {
        perTensor.put(name, x);
        tensorDependent.add(name);
      } else {
        before.put(name, x);
      }
    }
    this.beforeNames = before.keySet().toArray(new String[0]);
    this.beforeExpressions = before.values().toArray(new Expression[0]);
    this.perTensorNames = perTensor.keySet().toArray(new String[0]);
    this.perTensorExpressions = perTensor.values().toArray(new Expression[0]);
    this.when = compile(rule.when(), "when");
    this.message = template(rule.message(), "message");
    this.fix = rule.fix() == null ? null : template(rule.fix(), "fix");
  }

  /**
   * Compiles every expression of {@code rule}.
   *
   * @throws RuleLoadException naming the rule's file, line and field
   */
  static CompiledRule compile(Rule rule) {
    return new CompiledRule(rule);
  }

  private Expression compile(String text, String field) {
    try {
      return Sandbox.compile(text);
    } catch (Sandbox.ExpressionException e) {
      throw new RuleLoadException(List.of(rule.origin(field) + ": rule " + rule.id() + ", " + field + ": " + e.getMessage()));
    }
  }

  private Template template(String text, String field) {
    try {
      return Template.compile(text);
    } catch (Sandbox.ExpressionException e) {
      throw new RuleLoadException(List.of(rule.origin(field) + ": rule " + rule.id() + ", " + field + ": " + e.getMessage()));
    }
  }

  /** The finding's message and fix when the rule triggers in {@code scope}, else null. */
  String[] evaluate(Scope scope) {
    for (int i = 0; i < beforeNames.length; i++) {
      scope.define(beforeNames[i], beforeExpressions[i].evaluate(scope));
    }
    if (forEach == null) {
      return test(scope);
    }
    Object items = forEach.evaluate(scope);
    List<Object> list = items == null ? List.of() : Functions.asList(items);
    if (list.isEmpty() && items != null && !(items instanceof Collection<?>)) {
      list = List.of(items);
    }
    // No copy of the list: the lists facts and functions return are never changed afterwards.
    for (int i = 0, size = list.size(); i < size; i++) {
      Object item = list.get(i);
      if (item == null) {
        continue;
      }
      scope.define("tensor", item);
      String[] result = test(scope);
      if (result != null) {
        return result;
      }
    }
    return null;
  }

  private String[] test(Scope scope) {
    for (int i = 0; i < perTensorNames.length; i++) {
      scope.define(perTensorNames[i], perTensorExpressions[i].evaluate(scope));
    }
    Object verdict = when.evaluate(scope);
    if (!(verdict instanceof Boolean)) {
      throw new Sandbox.ExpressionException("the condition gave " + Template.format(verdict) + ", not true or false");
    }
    if (!(Boolean) verdict) {
      return null;
    }
    return new String[] {message.render(scope), fix == null ? null : fix.render(scope)};
  }
}
