package dev.edgetpulint.rules.expr;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/** The variables one evaluation sees: op, model, tensor, runtime, compiler and the rule's helpers. */
public final class Scope {
  private final Map<String, Object> vars = new HashMap<>();

  public Scope(ModelFacts model, OperatorFacts op, int runtime, double compiler) {
    vars.put("model", model);
    vars.put("op", op);
    vars.put("runtime", runtime);
    vars.put("compiler", compiler);
  }

  public Object get(String name) {
    return vars.get(name);
  }

  public void set(String name, Object value) {
    vars.put(name, value);
  }

  public boolean has(String name) {
    return vars.containsKey(name);
  }

  /** The variable names, sorted, for messages. */
  Iterable<String> names() {
    return new TreeSet<>(vars.keySet());
  }
}
