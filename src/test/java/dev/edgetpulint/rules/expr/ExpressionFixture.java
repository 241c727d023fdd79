package dev.edgetpulint.rules.expr;

import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.TensorType;
import java.util.List;

/** A CONV_2D with an activation input, constant weights and bias values, and helpers to evaluate expressions on it. */
final class ExpressionFixture {
  private static final Model MODEL = model();

  private ExpressionFixture() {}

  private static Model model() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("in", TensorType.INT8, 1, 8, 8, 4);
    int w = g.constant("w", TensorType.INT8, new int[] {4, 3, 3, 4});
    int b = g.int32Values("b", 1, 2, 3, 4);
    int out = g.activation("out", TensorType.INT8, 1, 8, 8, 4);
    g.op("CONV_2D").inputs(in, w, b).outputs(out).option("dilation_w_factor", 2).option("padding", "SAME").add();
    return g.inputs(in).outputs(out).build();
  }

  /**
   * op = the CONV_2D, tensor = its input, runtime 14, compiler 16.0, plus n = null, i = 7,
   * big = 5000000000, d = 2.5, str = 'abc', lst = [1, 2, 3].
   */
  static Scope scope() {
    ModelFacts model = new ModelFacts(MODEL);
    OperatorFacts op = model.operator(0, MODEL.subgraphs().get(0).operators().get(0));
    Scope s = new Scope(model, op, 14, 16.0);
    s.set("tensor", ((List<?>) op.get("inputs")).get(0));
    s.set("n", null);
    s.set("i", 7);
    s.set("big", 5_000_000_000L);
    s.set("d", 2.5);
    s.set("str", "abc");
    s.set("lst", List.of(1, 2, 3));
    return s;
  }

  static Object eval(String expression) {
    return Sandbox.compile(expression).evaluate(scope());
  }

  /** The message of the error evaluating {@code expression} (compiling must succeed). */
  static String evalError(String expression) {
    Expression e = Sandbox.compile(expression);
    try {
      Object v = e.evaluate(scope());
      throw new AssertionError(expression + " evaluated to " + v + " instead of failing");
    } catch (Sandbox.ExpressionException | Facts.UnknownFactException ex) {
      return ex.getMessage();
    }
  }

  /** The message of the error compiling {@code expression}. */
  static String compileError(String expression) {
    try {
      Sandbox.compile(expression);
      throw new AssertionError(expression + " compiled");
    } catch (Sandbox.ExpressionException ex) {
      return ex.getMessage();
    }
  }
}
