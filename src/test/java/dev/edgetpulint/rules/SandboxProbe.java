package dev.edgetpulint.rules;

import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.TensorType;
import java.util.List;
import java.util.Map;

/** A one-expression rule and the smallest model to run it on, for the sandbox tests. */
final class SandboxProbe {
  private SandboxProbe() {}

  /** A rule with id {@code id} that fires on every operator when {@code when} holds. */
  static Rule rule(String id, String when) {
    return new Rule(id, "sandbox probe", Rule.Scope.OPERATOR, List.of("*"), List.of(), VersionRange.ALL,
        VersionRange.ALL, null, Map.of(), when, Severity.ERROR, "probe fired", null, "", "", null, null, List.of(),
        List.of(), "probe.yaml", 1);
  }

  static Model oneRelu() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("in", TensorType.INT8, 1, 4);
    int out = g.activation("out", TensorType.INT8, 1, 4);
    g.op("RELU").inputs(in).outputs(out).add();
    return g.inputs(in).outputs(out).build();
  }
}
