package dev.edgetpulint.rules.expr;

import dev.edgetpulint.graph.IntList;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Who produces and who consumes each tensor of one subgraph; built once per subgraph. The producers
 * are found when the index is made (most models' rules ask for them); the consumers and the graph's
 * inputs and outputs only when a rule first asks, since building them costs a list per tensor.
 */
final class GraphIndex {
  final Subgraph subgraph;
  final int[] producer;
  private List<List<Integer>> consumers;
  /** Per tensor: {@link #GRAPH_INPUT} and {@link #GRAPH_OUTPUT} bits; made on first use. */
  private byte[] graphRole;
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
    return (graphRole()[index] & GRAPH_INPUT) != 0;
  }

  boolean isGraphOutput(int index) {
    return (graphRole()[index] & GRAPH_OUTPUT) != 0;
  }

  private static final byte GRAPH_INPUT = 1;
  private static final byte GRAPH_OUTPUT = 2;

  private byte[] graphRole() {
    if (graphRole == null) {
      byte[] role = new byte[tensorFacts.length];
      mark(role, subgraph.inputs(), GRAPH_INPUT);
      mark(role, subgraph.outputs(), GRAPH_OUTPUT);
      graphRole = role;
    }
    return graphRole;
  }

  private static void mark(byte[] role, List<Integer> tensors, byte bit) {
    for (int t : tensors) {
      if (t >= 0 && t < role.length) {
        role[t] |= bit;
      }
    }
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
