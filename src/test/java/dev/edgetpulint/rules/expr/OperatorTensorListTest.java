package dev.edgetpulint.rules.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.TensorType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which {@code for_each} expressions list only the operator's tensors and cannot fail, and which
 * tensors their filters let through (the rule engine judges such rules on the model's tensors first).
 */
class OperatorTensorListTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "op.inputs",
      "(op.outputs)",
      "concat(op.inputs, op.outputs)",
      "compact(concat(where_not(op.inputs, 'constant'), op.outputs))",
      "where_not(concat(op.inputs, op.outputs), 'constant')",
      "where(op.inputs, 'eight_bit')",
  })
  void listsOfTheOperatorsTensors(String forEach) {
    assertNotNull(Sandbox.operatorTensorList(forEach), forEach);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "at(op.inputs, [1, 2])", // an index may be outside the list
      "op.inputs[0]",
      "model.tensors", // not the operator's
      "tensor.consumers",
      "op.options",
      "where(op.inputs, 'no_such_fact')", // fails: an unknown fact
      "where(op.inputs, name)", // a fact named by a helper
      "concat(op.inputs, [1])",
      "slice(op.inputs, 1)",
      "where_equal(op.inputs, 'type', 'INT8')",
  })
  void anythingElseIsNot(String forEach) {
    assertNull(Sandbox.operatorTensorList(forEach), forEach);
  }

  /** An int8 activation a, an int8 constant k and a float activation f. */
  private static List<TensorFacts> tensors() {
    GraphBuilder g = new GraphBuilder();
    int a = g.activation("a", TensorType.INT8, 1, 4);
    int k = g.constant("k", TensorType.INT8, new int[] {1, 4});
    int f = g.activation("f", TensorType.FLOAT32, 1, 4);
    g.op("ADD").inputs(a, k).outputs(f).add();
    Model model = g.inputs(a).outputs(f).build();
    return new ModelFacts(model).allTensors();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "concat(op.inputs, op.outputs)                                   | a k f",
      "where_not(concat(op.inputs, op.outputs), 'constant')            | a f",
      "where(concat(op.inputs, op.outputs), 'constant')                | k",
      // Whether a tensor is an input or an output is not tested: op.outputs lets k through.
      "compact(concat(where_not(op.inputs, 'constant'), op.outputs))   | a k f",
      "concat(where(op.inputs, 'float'), where(op.outputs, 'eight_bit')) | a k f",
      "concat(where(op.inputs, 'float'), where(op.outputs, 'float'))   | f",
      "where(where_not(op.inputs, 'constant'), 'eight_bit')            | a",
  })
  void theFiltersLetThroughWhatTheListCouldHoldAtSomeOperator(String forEach, String expected) {
    OperatorTensorList list = Sandbox.operatorTensorList(forEach);
    StringBuilder through = new StringBuilder();
    for (TensorFacts t : tensors()) {
      if (list.mayList(t)) {
        through.append(through.length() == 0 ? "" : " ").append(t.get("name"));
      }
    }
    assertEquals(expected, through.toString(), forEach);
  }
}
