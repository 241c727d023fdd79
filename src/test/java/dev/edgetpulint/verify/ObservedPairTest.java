package dev.edgetpulint.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.compiler.Placement;
import dev.edgetpulint.compiler.PlacementReason;
import dev.edgetpulint.compiler.Target;
import dev.edgetpulint.graph.EdgeTpuPackage;
import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.TensorType;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Location;
import dev.edgetpulint.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservedPairTest {
  /** input -> CONV_2D(a) -> LEAKY_RELU(b) -> CONV_2D(c) */
  static Model source() {
    GraphBuilder g = new GraphBuilder().source("src.tflite");
    int in = g.activation("input", TensorType.INT8, 1, 8, 8, 4);
    int w = g.constant("w", TensorType.INT8, new int[] {4, 1, 1, 4});
    int a = g.activation("a", TensorType.INT8, 1, 8, 8, 4);
    int b = g.activation("b", TensorType.INT8, 1, 8, 8, 4);
    int c = g.activation("c", TensorType.INT8, 1, 8, 8, 4);
    g.op("CONV_2D").inputs(in, w).outputs(a).add();
    g.op("LEAKY_RELU").inputs(a).outputs(b).add();
    g.op("CONV_2D").inputs(b, w).outputs(c).add();
    return g.inputs(in).outputs(c).build();
  }

  /** What the compiler writes for it: the first conv folded, the rest kept. */
  static Model compiled(String keptType, String outputName, int runtime) {
    GraphBuilder g = new GraphBuilder().source("src_edgetpu.tflite");
    int in = g.activation("input", TensorType.INT8, 1, 8, 8, 4);
    int w = g.constant("w", TensorType.INT8, new int[] {4, 1, 1, 4});
    int a = g.activation("a", TensorType.INT8, 1, 8, 8, 4);
    int b = g.activation(outputName, TensorType.INT8, 1, 8, 8, 4);
    int c = g.activation("c", TensorType.INT8, 1, 8, 8, 4);
    g.op("CUSTOM:edgetpu-custom-op").inputs(in).outputs(a).add();
    g.op(keptType).inputs(a).outputs(b).add();
    g.op("CONV_2D").inputs(b, w).outputs(c).add();
    Model m = g.inputs(in).outputs(c).build();
    return new Model(m.source(), 3, "", m.subgraphs(), List.of(), List.of(),
        List.of(new EdgeTpuPackage(0, 0, runtime, "cl/")), m.spans());
  }

  static ModelAnalysis prediction(Model model, Target... targets) {
    List<Placement> placements = new ArrayList<>();
    for (int i = 0; i < targets.length; i++) {
      String op = model.mainSubgraph().operators().get(i).displayName();
      placements.add(new Placement(0, i, op, 1, targets[i],
          targets[i] == Target.EDGETPU ? "Mapped to Edge TPU" : "Operation not supported",
          targets[i] == Target.EDGETPU ? PlacementReason.MAPPED : PlacementReason.UNSUPPORTED, -1, List.of()));
    }
    return new ModelAnalysis(model, new AnalysisOptions(13, false), null, placements, null, List.of());
  }

  @Test
  void derivesPlacementsFromTheOpsTheCompiledModelKept() throws Exception {
    ObservedPair pair = ObservedPair.derive(source(), compiled("LEAKY_RELU", "b", 13), null);
    assertEquals(List.of(Target.EDGETPU, Target.CPU, Target.CPU),
        pair.operators().stream().map(ObservedOperator::placement).toList());
    assertEquals(13, pair.runtime());
    assertEquals("package", pair.runtimeFrom());
    assertEquals(1, pair.edgeTpuCustomOps());
    assertFalse(pair.multipleSubgraphs());
  }

  @Test
  void aCompiledOpWithoutCounterpartIsAMismatch() {
    var e = assertThrows(PairMismatchException.class,
        () -> ObservedPair.derive(source(), compiled("RELU", "b", 13), null));
    assertTrue(e.getMessage().contains("no counterpart"), e.getMessage());
  }

  @Test
  void theLogMustFitTheSource() throws Exception {
    String log = """
        Edge TPU Compiler version 16.0.384591198
        Input: src.tflite
        Output: src_edgetpu.tflite

        Operator                       Count      Status

        CONV_2D                        1          Mapped to Edge TPU
        CONV_2D                        1          More than one subgraph is not supported
        LEAKY_RELU                     1          Operation not supported
        """;
    ObservedPair pair = ObservedPair.derive(source(), compiled("LEAKY_RELU", "b", -1), LogTable.parse(log));
    assertEquals(14, pair.runtime());
    assertEquals("compiler default", pair.runtimeFrom());
    String wrongLog = log.replace("LEAKY_RELU                     1", "LEAKY_RELU                     2");
    assertThrows(PairMismatchException.class,
        () -> ObservedPair.derive(source(), compiled("LEAKY_RELU", "b", -1), LogTable.parse(wrongLog)));
  }

  @Test
  void comparesWithThePredictionOpByOp() throws Exception {
    ObservedPair pair = ObservedPair.derive(source(), compiled("LEAKY_RELU", "b", 13), null);
    Verification same = Verification.compare(pair, prediction(source(), Target.EDGETPU, Target.CPU, Target.CPU));
    assertTrue(same.agrees());
    Verification differs = Verification.compare(pair,
        prediction(source(), Target.EDGETPU, Target.EDGETPU, Target.EDGETPU));
    assertEquals(2, differs.disagreements().size());
    String text = differs.render("src.tflite", "src_edgetpu.tflite");
    assertTrue(text.contains("operators[1] LEAKY_RELU -> 'b': compiler cpu, predicted edgetpu"), text);
    assertTrue(text.contains("missing rule"), text);
    assertTrue(text.contains("disagree: 1/3"), text);
  }

  @Test
  void aDisagreementNamesTheWarningsTheLinterGaveTheOp() throws Exception {
    ObservedPair pair = ObservedPair.derive(source(), compiled("LEAKY_RELU", "b", 13), null);
    ModelAnalysis plain = prediction(source(), Target.EDGETPU, Target.EDGETPU, Target.CPU);
    List<Placement> placements = new ArrayList<>(plain.placements());
    Placement leaky = placements.get(1);
    placements.set(1, new Placement(leaky.subgraph(), leaky.index(), leaky.op(), leaky.version(), leaky.target(),
        leaky.status(), leaky.reason(), -1, List.of(new Finding("W", Severity.WARNING, "may fail", null, null, null,
            Location.operator(0, 1, "LEAKY_RELU")))));
    ModelAnalysis warned = new ModelAnalysis(plain.model(), plain.options(), null, placements, null, List.of());
    String text = Verification.compare(pair, warned).render("src.tflite", "src_edgetpu.tflite");
    assertTrue(text.contains("missing rule: the linter knows no reason for the CPU (it warned: W)"), text);
  }

  @Test
  void parsesTheLogTable() {
    LogTable t = LogTable.parse("""
        Edge TPU Compiler version 2.1.302470888
        Number of operations that will run on Edge TPU: 3
        Number of operations that will run on CPU: 2

        Operator                       Count      Status

        SOFTMAX                        1          Mapped to Edge TPU
        QUANTIZE                       1          Operation is otherwise supported, but not mapped due to some unspecified limitation
        CUSTOM                         1          Operation is working on an unsupported data type
        """);
    assertEquals("2.1.302470888", t.compilerVersion());
    assertEquals(3, t.rows().size());
    assertEquals(3, t.edgeTpuCount());
    assertEquals(2, t.cpuCount());
    assertEquals(1, t.mappedByType().get("SOFTMAX"));
    assertEquals(0, t.mappedByType().get("QUANTIZE"));
  }
}
