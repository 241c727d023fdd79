package dev.edgetpulint.rules.expr;

import dev.edgetpulint.graph.IntList;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who produces and who consumes each tensor of one subgraph; built once per subgraph. The producers
 * are found when the index is made (most models' rules ask for them); the consumers and the graph's
 * inputs and outputs only when a rule first asks, since building them costs a list per tensor.
 */
final class GraphIndex {
  final Subgraph subgraph;
  final int[] producer;
  private List<List<Integer>> consumers;
  private Set<Integer> graphInputs;
  private Set<Integer> graphOutputs;
  private final TensorFacts[] tensorFacts;

  GraphIndex(Subgraph subgraph) {
    this.subgraph = subgraph;
    int n = subgraph.tensors().size();
    producer = new int[n];
    Arrays.fill(producer, -1);
    for (Operator op : subgraph.operators()) {
      IntList outputs = op.outputIndices();
      for (int k = 0; k < outputs.size(); k++) {
        int out = outputs.getInt(k);
        if (out >= 0 && out < n && producer[out] < 0) {
          producer[out] = op.index();
        }
      }
    }
    tensorFacts = new TensorFacts[n];
  }

  /** The operators that read tensor {@code index}, in execution order (once per input they read it at). */
  List<Integer> consumers(int index) {
    if (consumers == null) {
      int n = tensorFacts.length;
      List<List<Integer>> all = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        all.add(new ArrayList<>(2));
      }
      for (Operator op : subgraph.operators()) {
        IntList inputs = op.inputIndices();
        for (int k = 0; k < inputs.size(); k++) {
          int in = inputs.getInt(k);
          if (in >= 0 && in < n) {
            all.get(in).add(op.index());
          }
        }
      }
      consumers = all;
    }
    return consumers.get(index);
  }

  boolean isGraphInput(int index) {
    if (graphInputs == null) {
      graphInputs = new HashSet<>(subgraph.inputs());
    }
    return graphInputs.contains(index);
  }

  boolean isGraphOutput(int index) {
    if (graphOutputs == null) {
      graphOutputs = new HashSet<>(subgraph.outputs());
    }
    return graphOutputs.contains(index);
  }

  TensorFacts tensor(int index) {
    if (index < 0 || index >= tensorFacts.length) {
      return null;
    }
    if (tensorFacts[index] == null) {
      tensorFacts[index] = new TensorFacts(this, subgraph.tensors().get(index));
    }
    return tensorFacts[index];
  }

  Operator operator(int index) {
    return index >= 0 && index < subgraph.operators().size() ? subgraph.operators().get(index) : null;
  }
}
