package dev.edgetpulint.rules.expr;

import dev.edgetpulint.graph.IntList;
import dev.edgetpulint.graph.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Facts about one operator: type, version, options, and its input and output tensors. */
public final class OperatorFacts extends Facts {
  /** The facts, documented in docs/rules-engine.md. */
  public static final List<String> NAMES = List.of(
      "index", "subgraph", "type", "name", "custom_code", "version", "options", "inputs", "outputs",
      "input_count", "output_count");

  private final GraphIndex graph;
  private final Operator op;

  OperatorFacts(GraphIndex graph, Operator op) {
    super(POSITIONS);
    this.graph = graph;
    this.op = op;
  }

  public Operator operator() {
    return op;
  }

  private static final Map<String, Integer> POSITIONS = positions(NAMES);

  @Override
  public List<String> names() {
    return NAMES;
  }

  @Override
  protected String kind() {
    return "operator";
  }

  @Override
  protected Object compute(String name) {
    return switch (name) {
      case "index" -> op.index();
      case "subgraph" -> graph.subgraph.index();
      case "type" -> op.opName();
      case "name" -> op.displayName();
      case "custom_code" -> op.customCode();
      case "version" -> op.version();
      case "options" -> op.options();
      case "inputs" -> tensors(op.inputIndices());
      case "outputs" -> tensors(op.outputIndices());
      case "input_count" -> op.inputs().size();
      case "output_count" -> op.outputs().size();
      default -> throw new IllegalStateException(name);
    };
  }

  private List<TensorFacts> tensors(IntList indices) {
    List<TensorFacts> out = new ArrayList<>(indices.size());
    for (int k = 0; k < indices.size(); k++) {
      out.add(graph.tensor(indices.getInt(k)));
    }
    return out;
  }

  @Override
  public String toString() {
    return op.displayName() + " #" + op.index();
  }
}
