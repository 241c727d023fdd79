package dev.edgetpulint.graph;

import java.util.List;

/** A TFLite subgraph: its tensors, operators in execution order, and graph inputs/outputs. */
public record Subgraph(
    int index,
    String name,
    List<Tensor> tensors,
    List<Operator> operators,
    List<Integer> inputs,
    List<Integer> outputs) {

  public Subgraph {
    name = name == null ? "" : name;
    tensors = List.copyOf(tensors);
    operators = List.copyOf(operators);
    inputs = IntList.copyOf(inputs);
    outputs = IntList.copyOf(outputs);
  }

  /** {@link #inputs()} as the int list it is (see {@link Operator#inputIndices()}). */
  public IntList inputIndices() {
    return (IntList) inputs;
  }

  /** {@link #outputs()} as the int list it is. */
  public IntList outputIndices() {
    return (IntList) outputs;
  }

  /** The tensor at {@code index}, or null for -1 (an omitted optional input) or an index out of range. */
  public Tensor tensor(int index) {
    return index >= 0 && index < tensors.size() ? tensors.get(index) : null;
  }
}
