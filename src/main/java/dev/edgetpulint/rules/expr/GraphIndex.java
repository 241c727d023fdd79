package dev.edgetpulint.rules.expr;

import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Who produces and who consumes each tensor of one subgraph; built once per subgraph. */
final class GraphIndex {
  final Subgraph subgraph;
  final int[] producer;
  final List<List<Integer>> consumers;
  final Set<Integer> graphInputs;
  final Set<Integer> graphOutputs;
  private final TensorFacts[] tensorFacts;

  GraphIndex(Subgraph subgraph) {
    this.subgraph = subgraph;
    int n = subgraph.tensors().size();
    producer = new int[n];
    Arrays.fill(producer, -1);
    consumers = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      consumers.add(new ArrayList<>(2));
    }
    for (Operator op : subgraph.operators()) {
      for (int out : op.outputs()) {
        if (out >= 0 && out < n && producer[out] < 0) {
          producer[out] = op.index();
        }
      }
      for (int in : op.inputs()) {
        if (in >= 0 && in < n) {
          consumers.get(in).add(op.index());
        }
      }
    }
    graphInputs = new HashSet<>(subgraph.inputs());
    graphOutputs = new HashSet<>(subgraph.outputs());
    tensorFacts = new TensorFacts[n];
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
