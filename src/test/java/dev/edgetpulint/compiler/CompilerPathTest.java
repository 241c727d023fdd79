package dev.edgetpulint.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.TensorType;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Location;
import dev.edgetpulint.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CompilerPathTest {

  /** Rules that reject the given op indices of subgraph 0 with the given status. */
  private static MappingRules rejecting(Map<Integer, String> statusByOp) {
    return (model, runtime) -> {
      List<Finding> out = new ArrayList<>();
      statusByOp.forEach((index, status) -> out.add(new Finding("TEST-RULE", Severity.ERROR, "rejected",
          null, null, status, Location.operator(0, index, "op"))));
      return out;
    };
  }

  private static String targets(ModelAnalysis analysis) {
    return analysis.placements().stream().map(p -> p.target() == Target.EDGETPU ? "." : "C")
        .collect(Collectors.joining());
  }

  /** in -> op0 -> op1 -> ... -> op(n-1), all int8. */
  private static Model chain(String... ops) {
    GraphBuilder g = new GraphBuilder();
    int previous = g.activation("in", TensorType.INT8, 1, 8, 8, 4);
    g.inputs(previous);
    for (int i = 0; i < ops.length; i++) {
      int next = g.activation("t" + i, TensorType.INT8, 1, 8, 8, 4);
      g.op(ops[i]).inputs(previous).outputs(next).add();
      previous = next;
    }
    return g.outputs(previous).build();
  }

  @Test
  void everythingMapsWhenNoRuleObjects() {
    ModelAnalysis analysis = new CompilerPath(MappingRules.none())
        .analyze(chain("CONV_2D", "RELU", "MAX_POOL_2D"), AnalysisOptions.defaults());
    assertEquals("...", targets(analysis));
    assertEquals(1, analysis.edgeTpuSubgraphs());
    assertTrue(analysis.placements().stream().allMatch(p -> p.status().equals(CompilerStatus.MAPPED)));
  }

  @Test
  void unsupportedOpCutsItsDependantsWhichBecomeCollateral() {
    ModelAnalysis analysis = new CompilerPath(rejecting(Map.of(1, CompilerStatus.NOT_SUPPORTED)))
        .analyze(chain("CONV_2D", "LEAKY_RELU", "CONV_2D", "RELU"), AnalysisOptions.defaults());
    assertEquals(".CCC", targets(analysis));
    Placement leaky = analysis.placements().get(1);
    assertEquals(PlacementReason.UNSUPPORTED, leaky.reason());
    assertEquals(CompilerStatus.NOT_SUPPORTED, leaky.status());
    Placement after = analysis.placements().get(3);
    assertEquals(PlacementReason.COLLATERAL, after.reason());
    assertEquals(CompilerStatus.MORE_THAN_ONE_SUBGRAPH, after.status());
    assertEquals(1, after.causeOperator());
    assertTrue(analysis.findings().stream().anyMatch(f -> f.ruleId().equals(CompilerPath.RULE_COLLATERAL)
        && f.location().operator() == 2 && f.message().contains("LEAKY_RELU (operator 1)")));
  }

  @Test
  void multipleSubgraphsResumeAfterTheCpuIsland() {
    ModelAnalysis analysis = new CompilerPath(rejecting(Map.of(1, CompilerStatus.NOT_SUPPORTED)))
        .analyze(chain("CONV_2D", "LEAKY_RELU", "CONV_2D", "RELU"), new AnalysisOptions(14, true));
    assertEquals(".C..", targets(analysis));
    assertEquals(2, analysis.edgeTpuSubgraphs());
  }

  @Test
  void firstEdgeTpuPartWinsWithoutMultipleSubgraphs() {
    // A short head before the unsupported op, a longer tail after it: the compiler keeps the head.
    ModelAnalysis analysis = new CompilerPath(rejecting(Map.of(1, CompilerStatus.NOT_SUPPORTED)))
        .analyze(chain("CONV_2D", "ARG_MAX", "CONV_2D", "RELU", "CONV_2D"), AnalysisOptions.defaults());
    assertEquals(".CCCC", targets(analysis));
    assertEquals(PlacementReason.COLLATERAL, analysis.placements().get(4).reason());
  }

  @Test
  void independentBranchLaterInTheListStaysOnTheEdgeTpu() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("in", TensorType.INT8, 1, 8, 8, 4);
    int a = g.activation("a", TensorType.INT8, 1, 8, 8, 4);
    int b = g.activation("b", TensorType.INT8, 1, 8, 8, 4);
    int c = g.activation("c", TensorType.INT8, 1, 8, 8, 4);
    int d = g.activation("d", TensorType.INT8, 1, 8, 8, 4);
    g.op("CONV_2D").inputs(in).outputs(a).add();          // 0
    g.op("ARG_MAX").inputs(a).outputs(b).add();           // 1 unsupported
    g.op("CONV_2D").inputs(a).outputs(c).add();           // 2 independent of 1
    g.op("LOGISTIC").inputs(c).outputs(d).add();          // 3
    Model model = g.inputs(in).outputs(b, d).build();
    ModelAnalysis analysis = new CompilerPath(rejecting(Map.of(1, CompilerStatus.NOT_SUPPORTED)))
        .analyze(model, AnalysisOptions.defaults());
    assertEquals(".C..", targets(analysis));
  }

  @Test
  void floatInputQuantizeAndOutputDequantizeStayOnTheCpuWithoutCuttingTheBody() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("in", TensorType.FLOAT32, 1, 8, 8, 4);
    int q = g.activation("q", TensorType.INT8, 1, 8, 8, 4);
    int c = g.activation("c", TensorType.INT8, 1, 8, 8, 4);
    int out = g.activation("out", TensorType.FLOAT32, 1, 8, 8, 4);
    g.op("QUANTIZE").inputs(in).outputs(q).add();
    g.op("CONV_2D").inputs(q).outputs(c).add();
    g.op("DEQUANTIZE").inputs(c).outputs(out).add();
    Model model = g.inputs(in).outputs(out).build();
    ModelAnalysis analysis = new CompilerPath(rejecting(Map.of(
        0, CompilerStatus.UNSPECIFIED_LIMITATION, 2, CompilerStatus.UNSUPPORTED_DATA_TYPE)))
        .analyze(model, AnalysisOptions.defaults());
    assertEquals("C.C", targets(analysis));
    assertEquals(PlacementReason.IO_BOUNDARY, analysis.placements().get(0).reason());
    assertEquals(PlacementReason.IO_BOUNDARY, analysis.placements().get(2).reason());
    assertEquals(1, analysis.edgeTpuSubgraphs());
    assertEquals(QuantizationKind.FULL_INTEGER_FLOAT_IO, analysis.quantization().kind());
  }

  @Test
  void statusFollowsTheCompilersPrecedenceWhenSeveralRulesReject() {
    MappingRules two = (model, runtime) -> List.of(
        new Finding("A", Severity.ERROR, "m", null, null, CompilerStatus.NOT_SUPPORTED, Location.operator(0, 0, "GATHER")),
        new Finding("B", Severity.ERROR, "m", null, null, CompilerStatus.UNSUPPORTED_DATA_TYPE, Location.operator(0, 0, "GATHER")),
        new Finding("C", Severity.WARNING, "m", null, null, CompilerStatus.UNSPECIFIED_LIMITATION, Location.operator(0, 1, "RELU")));
    ModelAnalysis analysis = new CompilerPath(two).analyze(chain("GATHER", "RELU"), new AnalysisOptions(14, true));
    assertEquals(CompilerStatus.UNSUPPORTED_DATA_TYPE, analysis.placements().get(0).status());
    // A warning never moves an op.
    assertEquals(Target.EDGETPU, analysis.placements().get(1).target());
  }

  @Test
  void floatModelMapsNothingAndIsRejected() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("in", TensorType.FLOAT32, 1, 8);
    int w = g.constant("w", TensorType.FLOAT32, new int[] {4, 8});
    int out = g.activation("out", TensorType.FLOAT32, 1, 4);
    g.op("FULLY_CONNECTED").inputs(in, w).outputs(out).add();
    Model model = g.inputs(in).outputs(out).build();
    ModelAnalysis analysis = new CompilerPath(rejecting(Map.of(0, CompilerStatus.UNSUPPORTED_DATA_TYPE)))
        .analyze(model, AnalysisOptions.defaults());
    assertEquals("C", targets(analysis));
    assertEquals(PlacementReason.MODEL_REJECTED, analysis.placements().get(0).reason());
    assertEquals(QuantizationKind.FLOAT32, analysis.quantization().kind());
    assertEquals(0, analysis.edgeTpuSubgraphs());
    assertTrue(analysis.findings().stream().anyMatch(f -> f.ruleId().equals(CompilerPath.RULE_QUANTIZATION)
        && f.severity() == Severity.ERROR && f.fix().contains("representative_dataset")));
  }

  @Test
  void compiledModelSaysSoAndListsTheCpuOps() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("in", TensorType.UINT8, 1, 8);
    int mid = g.activation("mid", TensorType.FLOAT32, 1, 8);
    int out = g.activation("out", TensorType.FLOAT32, 1, 8);
    g.op("CUSTOM:edgetpu-custom-op").inputs(in).outputs(mid).add();
    g.op("CUSTOM:TFLite_Detection_PostProcess").inputs(mid).outputs(out).add();
    Model model = g.inputs(in).outputs(out).build();
    ModelAnalysis analysis = new CompilerPath(MappingRules.none()).analyze(model, AnalysisOptions.defaults());
    assertEquals(".C", targets(analysis));
    Finding compiled = analysis.findings().stream()
        .filter(f -> f.ruleId().equals(CompilerPath.RULE_COMPILED)).findFirst().orElseThrow();
    assertTrue(compiled.message().contains("CUSTOM:TFLite_Detection_PostProcess"), compiled.message());
  }

  @Test
  void memoryStreamsWhenParametersExceedTheCache() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("in", TensorType.INT8, 1, 4096);
    int previous = in;
    for (int i = 0; i < 3; i++) {
      int w = g.constantFilled("w" + i, TensorType.INT8, new int[] {4096, 4096}, (byte) 1);
      int out = g.activation("o" + i, TensorType.INT8, 1, 4096);
      g.op("FULLY_CONNECTED").inputs(previous, w).outputs(out).add();
      previous = out;
    }
    Model model = g.inputs(in).outputs(previous).build();
    ModelAnalysis analysis = new CompilerPath(MappingRules.none()).analyze(model, AnalysisOptions.defaults());
    assertTrue(analysis.memory().streams());
    assertTrue(analysis.memory().cachedBytes() <= analysis.memory().cacheCapacityBytes());
    assertTrue(analysis.findings().stream().anyMatch(f -> f.ruleId().equals(CompilerPath.RULE_MEMORY)));
    ModelAnalysis small = new CompilerPath(MappingRules.none()).analyze(chain("CONV_2D"), AnalysisOptions.defaults());
    assertTrue(!small.memory().streams());
    assertTrue(small.findings().stream().noneMatch(f -> f.ruleId().equals(CompilerPath.RULE_MEMORY)));
  }

  @Test
  void nonMainSubgraphsStayOnTheCpu() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("in", TensorType.INT8, 1, 8);
    int out = g.activation("out", TensorType.INT8, 1, 8);
    g.op("RELU").inputs(in).outputs(out).add();
    g.inputs(in).outputs(out).nextSubgraph();
    int in2 = g.activation("in2", TensorType.INT8, 1, 8);
    int out2 = g.activation("out2", TensorType.INT8, 1, 8);
    g.op("RELU").inputs(in2).outputs(out2).add();
    Model model = g.inputs(in2).outputs(out2).build();
    ModelAnalysis analysis = new CompilerPath(MappingRules.none()).analyze(model, AnalysisOptions.defaults());
    assertEquals(".C", targets(analysis));
    assertEquals(Set.of(0, 1), analysis.placements().stream().map(Placement::subgraph).collect(Collectors.toSet()));
  }

  @Test
  void compilerStyleTableHasOneRowPerTypeAndStatus() {
    ModelAnalysis analysis = new CompilerPath(rejecting(Map.of(1, CompilerStatus.NOT_SUPPORTED)))
        .analyze(chain("CONV_2D", "LEAKY_RELU", "CONV_2D", "CONV_2D"), AnalysisOptions.defaults());
    assertEquals(List.of(
        new CompilerLog.Row("CONV_2D", 1, CompilerStatus.MAPPED),
        new CompilerLog.Row("LEAKY_RELU", 1, CompilerStatus.NOT_SUPPORTED),
        new CompilerLog.Row("CONV_2D", 2, CompilerStatus.MORE_THAN_ONE_SUBGRAPH)), CompilerLog.table(analysis));
    String text = CompilerLog.render(analysis);
    assertTrue(text.contains("CONV_2D                        2          More than one subgraph is not supported"), text);
    assertTrue(text.contains("Number of Edge TPU subgraphs: 1"), text);
  }

  @Test
  void quantizationStageRecognisesTheConverterOutcomes() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("in", TensorType.INT16, 1, 8);
    g.quantization(in, new dev.edgetpulint.graph.Quantization(List.of(0.001f), List.of(0L), 0));
    int w = g.constant("w", TensorType.INT8, new int[] {8, 8});
    int out = g.activation("out", TensorType.INT16, 1, 8);
    g.quantization(out, new dev.edgetpulint.graph.Quantization(List.of(0.001f), List.of(0L), 0));
    g.op("FULLY_CONNECTED").inputs(in, w).outputs(out).add();
    QuantizationStage int16 = QuantizationClassifier.classify(g.inputs(in).outputs(out).build());
    assertEquals(QuantizationKind.INT16_ACTIVATIONS, int16.kind());
    assertTrue(!int16.compatible() && int16.fix().contains("TFLITE_BUILTINS_INT8"));

    GraphBuilder h = new GraphBuilder();
    int x = h.activation("x", TensorType.FLOAT32, 1, 8);
    int wq = h.constant("wq", TensorType.INT8, new int[] {8, 8});
    int y = h.activation("y", TensorType.FLOAT32, 1, 8);
    h.op("FULLY_CONNECTED").inputs(x, wq).outputs(y).add();
    assertEquals(QuantizationKind.DYNAMIC_RANGE, QuantizationClassifier.classify(h.inputs(x).outputs(y).build()).kind());

    GraphBuilder f = new GraphBuilder();
    int a = f.activation("a", TensorType.FLOAT32, 1, 8);
    int w16 = f.constant("w16", TensorType.FLOAT16, new int[] {8, 8});
    int w32 = f.activation("w32", TensorType.FLOAT32, 8, 8);
    int b = f.activation("b", TensorType.FLOAT32, 1, 8);
    f.op("DEQUANTIZE").inputs(w16).outputs(w32).add();
    f.op("FULLY_CONNECTED").inputs(a, w32).outputs(b).add();
    assertEquals(QuantizationKind.FLOAT16_WEIGHTS, QuantizationClassifier.classify(f.inputs(a).outputs(b).build()).kind());

    assertEquals(QuantizationKind.INTEGER_ONLY_INT8, QuantizationClassifier.classify(chain("CONV_2D")).kind());
  }

  @Test
  void anOpUnmappableOnItsOwnKeepsItsStatusBehindTheCut() {
    // yolov8n 640: a large RESHAPE after a large TRANSPOSE is "unspecified limitation", a small one
    // after it is collateral.
    ModelAnalysis analysis = new CompilerPath(rejecting(Map.of(
        1, CompilerStatus.UNSPECIFIED_LIMITATION, 2, CompilerStatus.UNSPECIFIED_LIMITATION)))
        .analyze(chain("CONV_2D", "TRANSPOSE", "RESHAPE", "RESHAPE"), AnalysisOptions.defaults());
    assertEquals(List.of(CompilerStatus.MAPPED, CompilerStatus.UNSPECIFIED_LIMITATION,
        CompilerStatus.UNSPECIFIED_LIMITATION, CompilerStatus.MORE_THAN_ONE_SUBGRAPH),
        analysis.placements().stream().map(Placement::status).toList());
    assertEquals(2, analysis.placements().get(3).causeOperator());
  }
}
