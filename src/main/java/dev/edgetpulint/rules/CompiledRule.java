package dev.edgetpulint.rules;

import dev.edgetpulint.rules.expr.Sandbox;
import dev.edgetpulint.rules.expr.Scope;
import dev.edgetpulint.rules.expr.Template;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.jexl3.JexlExpression;

/** A rule with its expressions compiled. */
final class CompiledRule {
  final Rule rule;
  private final JexlExpression forEach;
  /** Helpers that do not read {@code tensor}: evaluated once, before {@code for_each}. */
  private final Map<String, JexlExpression> before = new LinkedHashMap<>();
  /** Helpers that read {@code tensor}: evaluated for each element. */
  private final Map<String, JexlExpression> perTensor = new LinkedHashMap<>();
  private final JexlExpression when;
  private final Template message;
  private final Template fix;

  private CompiledRule(Rule rule) {
    this.rule = rule;
    String where = rule.origin();
    this.forEach = rule.forEach() == null ? null : compile(rule.forEach(), "for_each", where);
    java.util.Set<String> tensorDependent = new java.util.HashSet<>();
    tensorDependent.add("tensor");
    for (Map.Entry<String, String> e : rule.let().entrySet()) {
      JexlExpression x = compile(e.getValue(), "let." + e.getKey(), where);
      if (mentionsAny(e.getValue(), tensorDependent)) {
        perTensor.put(e.getKey(), x);
        tensorDependent.add(e.getKey());
      } else {
        before.put(e.getKey(), x);
      }
    }
    this.when = compile(rule.when(), "when", where);
    this.message = template(rule.message(), "message", where);
    this.fix = rule.fix() == null ? null : template(rule.fix(), "fix", where);
  }

  /**
   * Compiles every expression of {@code rule}.
   *
   * @throws RuleLoadException naming the rule's file, line and field
   */
  static CompiledRule compile(Rule rule) {
    return new CompiledRule(rule);
  }

  private JexlExpression compile(String text, String field, String where) {
    try {
      return Sandbox.compile(text, where);
    } catch (Sandbox.ExpressionException e) {
      throw new RuleLoadException(List.of(rule.origin(field) + ": rule " + rule.id() + ", " + field + ": " + e.getMessage()));
    }
  }

  private Template template(String text, String field, String where) {
    try {
      return Template.compile(text, where);
    } catch (Sandbox.ExpressionException e) {
      throw new RuleLoadException(List.of(rule.origin(field) + ": rule " + rule.id() + ", " + field + ": " + e.getMessage()));
    }
  }

  private static boolean mentionsAny(String text, java.util.Set<String> names) {
    for (String name : names) {
      if (java.util.regex.Pattern.compile("(?<![A-Za-z0-9_.'])" + name + "(?![A-Za-z0-9_'])").matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  /** The finding's message and fix when the rule triggers in {@code scope}, else null. */
  String[] evaluate(Scope scope) {
    for (Map.Entry<String, JexlExpression> e : before.entrySet()) {
      scope.set(e.getKey(), e.getValue().evaluate(scope));
    }
    if (forEach == null) {
      return test(scope);
    }
    Object items = forEach.evaluate(scope);
    List<Object> list = items == null ? List.of() : dev.edgetpulint.rules.expr.Functions.asList(items);
    if (list.isEmpty() && items != null && !(items instanceof Collection<?>) && !items.getClass().isArray()) {
      list = List.of(items);
    }
    for (Object item : new ArrayList<>(list)) {
      if (item == null) {
        continue;
      }
      scope.set("tensor", item);
      String[] result = test(scope);
      if (result != null) {
        return result;
      }
    }
    return null;
  }

  private String[] test(Scope scope) {
    for (Map.Entry<String, JexlExpression> e : perTensor.entrySet()) {
      scope.set(e.getKey(), e.getValue().evaluate(scope));
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
