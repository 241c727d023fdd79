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
  private final Map<String, JexlExpression> let = new LinkedHashMap<>();
  private final JexlExpression when;
  private final Template message;
  private final Template fix;

  private CompiledRule(Rule rule) {
    this.rule = rule;
    String where = rule.origin();
    this.forEach = rule.forEach() == null ? null : compile(rule.forEach(), "for_each", where);
    for (Map.Entry<String, String> e : rule.let().entrySet()) {
      let.put(e.getKey(), compile(e.getValue(), "let." + e.getKey(), where));
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
      throw new RuleLoadException(List.of(rule.origin() + ": rule " + rule.id() + ", " + field + ": " + e.getMessage()));
    }
  }

  private Template template(String text, String field, String where) {
    try {
      return Template.compile(text, where);
    } catch (Sandbox.ExpressionException e) {
      throw new RuleLoadException(List.of(rule.origin() + ": rule " + rule.id() + ", " + field + ": " + e.getMessage()));
    }
  }

  /** The finding's message and fix when the rule triggers in {@code scope}, else null. */
  String[] evaluate(Scope scope) {
    if (forEach == null) {
      return test(scope);
    }
    Object items = forEach.evaluate(scope);
    Collection<?> list = items instanceof Collection<?> c ? c : items == null ? List.of() : List.of(items);
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
    for (Map.Entry<String, JexlExpression> e : let.entrySet()) {
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
