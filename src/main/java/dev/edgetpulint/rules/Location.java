package dev.edgetpulint.rules;

import dev.edgetpulint.graph.Model;

/**
 * What a finding is about: a whole model (subgraph -1), an operator, or a tensor. Names are carried
 * so that reports can show them without the graph.
 */
public record Location(int subgraph, int operator, int tensor, String opName, String tensorName) {
  public static Location model() {
    return new Location(-1, -1, -1, null, null);
  }

  public static Location operator(int subgraph, int operator, String opName) {
    return new Location(subgraph, operator, -1, opName, null);
  }

  public static Location tensor(int subgraph, int tensor, String tensorName) {
    return new Location(subgraph, -1, tensor, null, tensorName);
  }

  /** The logical location: "subgraphs[0].operators[12]", "subgraphs[0].tensors[3]", or "model". */
  public String logical() {
    if (operator >= 0) {
      return Model.operatorLocation(subgraph, operator);
    }
    if (tensor >= 0) {
      return Model.tensorLocation(subgraph, tensor);
    }
    return subgraph >= 0 ? "subgraphs[" + subgraph + "]" : "model";
  }
}
