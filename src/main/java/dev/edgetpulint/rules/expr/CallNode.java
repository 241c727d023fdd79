package dev.edgetpulint.rules.expr;

/** A call of a rule function, linked at compile time. */
record CallNode(FunctionTable.Function function, Node[] arguments) implements Node {
  @Override
  public Object eval(Scope scope) {
    Object[] values = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      values[i] = arguments[i].eval(scope);
    }
    return function.apply(values);
  }
}
