package dev.edgetpulint.verify;

import dev.edgetpulint.compiler.Target;
import java.util.List;

/**
 * What the real compiler did with one operator of the source model.
 *
 * @param op the display name ("CONV_2D", "CUSTOM:TFLite_Detection_PostProcess")
 * @param outputs the names of the tensors it writes
 */
public record ObservedOperator(int subgraph, int index, String op, int version, List<String> outputs, Target placement) {
  public ObservedOperator {
    outputs = List.copyOf(outputs);
  }
}
