package dev.edgetpulint.rules.expr;

/**
 * A call of a rule function, linked at compile time. Every rule function takes one to three
 * arguments, so the arguments are evaluated into locals: no array per call.
 */
final class CallNode extends Node {
  private final FunctionTable.Function function;
  private final Node first;
  private final Node second;
  private final Node third;
  private final int arity;

  CallNode(FunctionTable.Function function, Node[] arguments) {
    if (arguments.length < 1 || arguments.length > 3) {
      throw new IllegalArgumentException("rule functions take 1 to 3 arguments, not " + arguments.length);
    }
    this.function = function;
    this.arity = arguments.length;
    this.first = arguments[0];
    this.second = arity > 1 ? arguments[1] : null;
    this.third = arity > 2 ? arguments[2] : null;
  }

  @Override
  Object eval(Scope scope) {
    Object a = first.eval(scope);
    Object b = second == null ? null : second.eval(scope);
    Object c = third == null ? null : third.eval(scope);
    return FunctionTable.apply(function.id(), arity, a, b, c);
  }
}
