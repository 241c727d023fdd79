package dev.edgetpulint.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.TensorType;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Location;
import dev.edgetpulint.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementReportTest {
  @TempDir Path dir;

  private static Model model() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("in", TensorType.INT8, 1, 8);
    int a = g.activation("a", TensorType.INT8, 1, 8);
    int b = g.activation("b", TensorType.INT8, 1, 8);
    g.op("RELU").inputs(in).outputs(a).add();
    g.op("LEAKY_RELU").inputs(a).outputs(b).add();
    return g.inputs(in).outputs(b).build();
  }

  private static final MappingRules LEAKY_UNSUPPORTED = (m, runtime) -> List.of(new Finding("T", Severity.ERROR,
      "no", null, null, CompilerStatus.NOT_SUPPORTED, Location.operator(0, 1, "LEAKY_RELU")));

  private ExpectedPair pair(String placements, String logTable) throws Exception {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus.resolve("expected"));
    Path json = corpus.resolve("expected/p.json");
    Files.writeString(json, """
        {"id": "p", "model": "models/p.tflite", "runtime": 13, "multiple_subgraphs": false,
         "edgetpu_custom_ops": 1, "log_table": %s,
         "operators": [
           {"subgraph": 0, "index": 0, "op": "RELU", "placement": "%s"},
           {"subgraph": 0, "index": 1, "op": "LEAKY_RELU", "placement": "%s"}]}
        """.formatted(logTable, placements.charAt(0) == '.' ? "edgetpu" : "cpu",
        placements.charAt(1) == '.' ? "edgetpu" : "cpu"));
    return ExpectedPair.read(json, corpus);
  }

  @Test
  void readsAPairAndJudgesItAtItsRuntime() throws Exception {
    ExpectedPair p = pair(".C", "[]");
    assertEquals("p", p.id());
    assertEquals(new AnalysisOptions(13, false), p.options());
    assertEquals(dir.resolve("corpus/models/p.tflite"), p.model());
    assertEquals(1, p.customOps());
    assertEquals(-1, p.logOnChipBytes());
  }

  @Test
  void exactPairAndMatchingLogTable() throws Exception {
    ExpectedPair p = pair(".C", """
        [{"op": "RELU", "count": 1, "status": "Mapped to Edge TPU"},
         {"op": "LEAKY_RELU", "count": 1, "status": "Operation not supported"}]""");
    AgreementReport report = AgreementReport.measure(List.of(p), new CompilerPath(LEAKY_UNSUPPORTED), path -> model());
    assertEquals(1, report.exactPairs());
    assertEquals(2, report.agreeingOps());
    assertEquals(2, report.statusAgreeingOps());
    assertEquals(1, report.statusExactPairs());
    assertTrue(report.summary().startsWith("placement agreement: 1/1 pairs exact, 2/2 ops"), report.summary());
  }

  @Test
  void disagreementsAndStatusMismatchesAreListed() throws Exception {
    ExpectedPair p = pair("..", """
        [{"op": "RELU", "count": 1, "status": "Mapped to Edge TPU"},
         {"op": "LEAKY_RELU", "count": 1, "status": "Mapped to Edge TPU"}]""");
    AgreementReport report = AgreementReport.measure(List.of(p), new CompilerPath(LEAKY_UNSUPPORTED), path -> model());
    assertEquals(0, report.exactPairs());
    assertEquals(1, report.agreeingOps());
    assertEquals(1, report.statusAgreeingOps());
    String text = report.render();
    assertTrue(text.contains("op 1 LEAKY_RELU: predicted cpu, real edgetpu (status: Operation not supported; rule T)"), text);
    assertTrue(text.contains("LEAKY_RELU \"Mapped to Edge TPU\": predicted 0, log 1"), text);
    var json = report.toJson();
    assertEquals(0, json.get("exactPairs").asInt());
    assertEquals("cpu", json.get("results").get(0).get("disagreements").get(0).get("predicted").asText());
    assertEquals("T", json.get("results").get(0).get("disagreements").get(0).get("rule").asText());
  }

  @Test
  void aWarningOnAnOpTheCompilerLeftOnTheCpuIsNamed() throws Exception {
    MappingRules leakyWarned = (m, runtime) -> List.of(new Finding("W", Severity.WARNING,
        "may fail", null, null, null, Location.operator(0, 1, "LEAKY_RELU")));
    ExpectedPair p = pair(".C", "[]");
    AgreementReport report = AgreementReport.measure(List.of(p), new CompilerPath(leakyWarned), path -> model());
    String text = report.render();
    assertTrue(text.contains("op 1 LEAKY_RELU: predicted edgetpu, real cpu (status: Mapped to Edge TPU; warned: W)"), text);
    assertEquals("W", report.toJson().get("results").get(0).get("disagreements").get(0).get("warnings").get(0).asText());
  }

  @Test
  void unreadableModelIsAFailureNotACrash() throws Exception {
    ExpectedPair p = pair(".C", "[]");
    AgreementReport report = AgreementReport.measure(List.of(p), new CompilerPath(MappingRules.none()), path -> {
      throw new IllegalArgumentException("truncated");
    });
    assertFalse(report.pairs().get(0).exact());
    assertTrue(report.render().contains("not analysed: IllegalArgumentException: truncated"), report.render());
  }

  @Test
  void onChipLineIsParsed() {
    assertEquals(Math.round(3.86 * 1024 * 1024),
        ExpectedPair.onChipBytes("Output size: 3.31MiB\nOn-chip memory used for caching model parameters: 3.86MiB\n"));
    assertEquals(66 * 1024, ExpectedPair.onChipBytes("On-chip memory used for caching model parameters: 66.00KiB"));
    assertEquals(-1, ExpectedPair.onChipBytes("no summary here"));
  }
}
