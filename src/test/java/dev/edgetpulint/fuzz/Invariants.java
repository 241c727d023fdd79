package dev.edgetpulint.fuzz;

import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;

/** What every accepted model and every refusal must satisfy, whatever the input. */
final class Invariants {
  private Invariants() {}

  /** A refusal is one line that says something (what the CLI prints after the file name). */
  static void checkOneLineMessage(String message) {
    if (message == null || message.isBlank()) {
      throw new AssertionError("refusal without a message");
    }
    if (message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) {
      throw new AssertionError("refusal message spans lines: " + message);
    }
  }

  /** An accepted model can be walked the way rules walk it without an exception. */
  static void checkModel(Model model) {
    for (Subgraph subgraph : model.subgraphs()) {
      for (Operator op : subgraph.operators()) {
        op.displayName();
        for (int index : op.inputs()) {
          touch(subgraph.tensor(index));
        }
        for (int index : op.outputs()) {
          touch(subgraph.tensor(index));
        }
      }
      for (Tensor tensor : subgraph.tensors()) {
        touch(tensor);
      }
    }
    model.isCompiled();
  }

  private static void touch(Tensor tensor) {
    if (tensor == null) {
      return;
    }
    tensor.elementCount();
    tensor.isDynamic();
    if (tensor.data() != null) {
      tensor.data().byteLength();
      tensor.data().longValues();
    }
  }
}
