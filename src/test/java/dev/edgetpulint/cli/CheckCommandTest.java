package dev.edgetpulint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgetpulint.service.TestEngine;
import dev.edgetpulint.service.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private CliRunner.Result check(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "check";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRunner.run(TestModels::service, all);
  }

  @Test
  void fullyMappedModelExitsZero() throws Exception {
    Path model = TestModels.write(dir.resolve("ok.tflite.yaml"), TestModels.fullyMapped("ok"));
    CliRunner.Result result = check(model.toString());
    assertEquals(ExitCodes.CLEAN, result.exitCode(), result.err());
    assertTrue(result.out().contains("Number of operations that will run on Edge TPU: 2"), result.out());
    assertTrue(result.out().contains("Number of operations that will run on CPU: 0"), result.out());
  }

  @Test
  void errorFindingExitsOneAndShowsReasonAndFix() throws Exception {
    Path model = TestModels.write(dir.resolve("part.tflite.yaml"), TestModels.partlyMapped("part"));
    CliRunner.Result result = check(model.toString());
    assertEquals(ExitCodes.FINDINGS, result.exitCode(), result.err());
    assertTrue(result.out().contains("LEAKY_RELU                     1          Operation not supported"), result.out());
    assertTrue(result.out().contains("ADD                            1          More than one subgraph is not supported"),
        result.out());
    assertTrue(result.out().contains("fix: replace LEAKY_RELU"), result.out());
  }

  @Test
  void multipleSubgraphsFlagReachesTheEngine() throws Exception {
    Path model = TestModels.write(dir.resolve("part.tflite.yaml"), TestModels.partlyMapped("part"));
    CliRunner.Result result = check("-a", "--format", "json", model.toString());
    JsonNode json = JSON.readTree(result.out());
    assertTrue(json.at("/models/0/multipleSubgraphs").asBoolean());
    assertEquals(2, json.at("/models/0/summary/edgetpu").asInt());
  }

  @Test
  void failOnWarningCountsWarnings() throws Exception {
    // batch 2 output: a warning only.
    String yaml = Files.readString(TestModels.write(dir.resolve("w.tflite.yaml"), TestModels.fullyMapped("w")));
    Files.writeString(dir.resolve("w.tflite.yaml"), yaml.replace("[1, 8, 8, 4]", "[2, 8, 8, 4]"));
    Path model = dir.resolve("w.tflite.yaml");
    assertEquals(ExitCodes.CLEAN, check(model.toString()).exitCode());
    CliRunner.Result strict = check("--fail-on", "warning", model.toString());
    assertEquals(ExitCodes.FINDINGS, strict.exitCode(), strict.out() + strict.err());
  }

  @Test
  void unreadableFileIsReportedAndOthersStillJudged() throws Exception {
    Path good = TestModels.write(dir.resolve("a/good.tflite.yaml"), TestModels.partlyMapped("good"));
    Path bad = dir.resolve("a/bad.tflite");
    Files.writeString(bad, "this is not a flatbuffer");
    Path missing = dir.resolve("missing.tflite");
    CliRunner.Result result = check("--format", "json", dir.resolve("a").toString(), missing.toString());
    assertEquals(ExitCodes.ERROR, result.exitCode());
    JsonNode json = JSON.readTree(result.out());
    assertEquals(1, json.get("models").size());
    assertTrue(json.at("/models/0/path").asText().endsWith("good.tflite.yaml"));
    assertEquals(2, json.get("errors").size());
    assertTrue(json.at("/errors/0/path").asText().endsWith("bad.tflite"));
    assertTrue(json.at("/errors/1/message").asText().contains("no such file"));
    // One line each on stderr, no stack trace without --debug.
    assertTrue(result.err().contains("bad.tflite: error: "), result.err());
    assertFalse(result.err().contains("\tat "), result.err());
    CliRunner.Result debug = check("--debug", "--format", "json", bad.toString());
    assertTrue(debug.err().contains("\tat "), debug.err());
    assertTrue(good.toFile().exists());
  }

  @Test
  void severalFormatsInOneRun() throws Exception {
    Path model = TestModels.write(dir.resolve("part.tflite.yaml"), TestModels.partlyMapped("part"));
    Path sarif = dir.resolve("out/report.sarif");
    Path json = dir.resolve("out/report.json");
    CliRunner.Result result = check("--format", "sarif", "-o", sarif.toString(), "--format", "json", "-o",
        json.toString(), "--format", "text", model.toString());
    assertEquals(ExitCodes.FINDINGS, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("Model: "), result.out());
    assertEquals("2.1.0", JSON.readTree(sarif.toFile()).get("version").asText());
    assertEquals(1, JSON.readTree(json.toFile()).get("models").size());
    try (var files = Files.list(sarif.getParent())) {
      assertEquals(2, files.count(), "no temporary files left behind");
    }
  }

  @Test
  void outputExtensionPicksFormatWhenNoneGiven() throws Exception {
    Path model = TestModels.write(dir.resolve("ok.tflite.yaml"), TestModels.fullyMapped("ok"));
    Path sarif = dir.resolve("x.sarif");
    assertEquals(ExitCodes.CLEAN, check("-o", sarif.toString(), model.toString()).exitCode());
    assertEquals("2.1.0", JSON.readTree(sarif.toFile()).get("version").asText());
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    Path model = TestModels.write(dir.resolve("ok.tflite.yaml"), TestModels.fullyMapped("ok"));
    assertEquals(ExitCodes.ERROR, check("--runtime", "9", model.toString()).exitCode());
    assertEquals(ExitCodes.ERROR, check("--runtime", "x", model.toString()).exitCode());
    assertEquals(ExitCodes.ERROR, check("--format", "xml", model.toString()).exitCode());
    assertEquals(ExitCodes.ERROR, check("--format", "json", "--format", "sarif", model.toString()).exitCode());
    assertEquals(ExitCodes.ERROR, check("--fail-on", "fatal", model.toString()).exitCode());
    assertEquals(ExitCodes.ERROR, check("--rules", dir.resolve("nope").toString(), model.toString()).exitCode());
    assertEquals(ExitCodes.ERROR, check().exitCode());
    CliRunner.Result unknown = check("--frobnicate", model.toString());
    assertEquals(ExitCodes.ERROR, unknown.exitCode());
    assertTrue(unknown.err().contains("--frobnicate"), unknown.err());
    assertEquals(ExitCodes.ERROR, CliRunner.run(TestModels::service).exitCode());
  }

  @Test
  void brokenRuleDirectoryIsAUsageErrorNamingFileAndLine() throws Exception {
    Files.writeString(dir.resolve("bad.yaml"), "rules:\n  - id: X\n    titel: y\n");
    Path model = TestModels.write(dir.resolve("m/ok.tflite.yaml"), TestModels.fullyMapped("ok"));
    CliRunner.Result result = CliRunner.run(dev.edgetpulint.service.StandardServices::lintService,
        "check", "--rules", dir.toString(), model.toString());
    assertEquals(ExitCodes.ERROR, result.exitCode());
    assertTrue(result.err().contains("bad.yaml:2:"), result.err());
    assertTrue(result.err().contains("'titel'"), result.err());
    assertEquals("", result.out());
  }

  @Test
  void helpTeachesAndVersionPrints() {
    CliRunner.Result help = check("--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("Exit codes:"), help.out());
    assertTrue(help.out().contains("edgetpu-lint check --runtime 13 -a models/"), help.out());
    assertTrue(help.out().contains("--enable-multiple-subgraphs"), help.out());
    CliRunner.Result version = CliRunner.run(TestModels::service, "--version");
    assertEquals(0, version.exitCode());
    assertTrue(version.out().startsWith("edgetpu-lint "), version.out());
  }

  @Test
  void runtimeFlagWinsOverConfiguration() throws Exception {
    Files.writeString(dir.resolve(".edgetpu-lint.yaml"), "runtime: 10\n");
    GraphModelWithGather.write(dir.resolve("g.tflite.yaml"));
    CliRunner.Result fromConfig = check("--format", "json", dir.resolve("g.tflite.yaml").toString());
    assertEquals(ExitCodes.FINDINGS, fromConfig.exitCode(), fromConfig.err());
    assertEquals(10, JSON.readTree(fromConfig.out()).at("/models/0/runtime").asInt());
    CliRunner.Result flag = check("--runtime", "14", "--format", "json", dir.resolve("g.tflite.yaml").toString());
    assertEquals(ExitCodes.CLEAN, flag.exitCode(), flag.out());
    assertEquals(14, JSON.readTree(flag.out()).at("/models/0/runtime").asInt());
  }

  @Test
  void badConfigurationNamesFileAndLine() throws Exception {
    Files.writeString(dir.resolve(".edgetpu-lint.yaml"), "runtime: 13\nignored:\n  - X\n");
    Path model = TestModels.write(dir.resolve("ok.tflite.yaml"), TestModels.fullyMapped("ok"));
    CliRunner.Result result = check(model.toString());
    assertEquals(ExitCodes.ERROR, result.exitCode());
    assertTrue(result.out().contains(".edgetpu-lint.yaml:2: unknown key 'ignored' (did you mean 'ignore'?)"),
        result.out());
    CliRunner.Result explicit = check("--config", dir.resolve(".edgetpu-lint.yaml").toString(), model.toString());
    assertEquals(ExitCodes.ERROR, explicit.exitCode());
    assertTrue(explicit.err().contains(":2: unknown key 'ignored'"), explicit.err());
  }

  @Test
  void baselineAcceptsKnownFindingsAndFailsOnNewOnes() throws Exception {
    Path model = TestModels.write(dir.resolve("m/part.tflite.yaml"), TestModels.partlyMapped("part"));
    Path baseline = dir.resolve("baseline.json");
    CliRunner.Result write = check("--write-baseline", baseline.toString(), dir.resolve("m").toString());
    assertEquals(ExitCodes.CLEAN, write.exitCode(), write.err());
    assertTrue(write.err().contains("wrote 1 finding to baseline"), write.err());
    CliRunner.Result accepted = check("--baseline", baseline.toString(), "--format", "json", dir.resolve("m").toString());
    assertEquals(ExitCodes.CLEAN, accepted.exitCode(), accepted.out());
    JsonNode json = JSON.readTree(accepted.out());
    assertEquals(0, json.at("/models/0/findings").size());
    assertEquals("baseline", json.at("/models/0/suppressed/0/suppression/kind").asText());
    // A new model with the same problem is not in the baseline: it fails.
    TestModels.write(dir.resolve("m/other.tflite.yaml"), TestModels.floatModel("other"));
    assertEquals(ExitCodes.FINDINGS, check("--baseline", baseline.toString(), dir.resolve("m").toString()).exitCode());
    // A broken baseline is a usage error.
    Files.writeString(baseline, "{");
    CliRunner.Result broken = check("--baseline", baseline.toString(), model.toString());
    assertEquals(ExitCodes.ERROR, broken.exitCode());
    assertTrue(broken.err().contains("not a baseline file"), broken.err());
  }

  @Test
  void reportOrBaselineThatCannotBeWrittenIsOneLineAndExitTwo() throws Exception {
    Path model = TestModels.write(dir.resolve("part.tflite.yaml"), TestModels.partlyMapped("part"));
    Files.writeString(dir.resolve("file"), "a file, not a directory");
    Path report = dir.resolve("file/report.json");
    CliRunner.Result noReport = check("-o", report.toString(), model.toString());
    assertEquals(ExitCodes.ERROR, noReport.exitCode(), noReport.err());
    assertTrue(noReport.err().startsWith("edgetpu-lint: cannot write " + report + ": "), noReport.err());
    assertEquals(1, noReport.err().lines().count(), noReport.err());

    Path baseline = dir.resolve("file/baseline.json");
    CliRunner.Result noBaseline = check("--write-baseline", baseline.toString(), model.toString());
    assertEquals(ExitCodes.ERROR, noBaseline.exitCode(), noBaseline.err());
    assertTrue(noBaseline.err().startsWith("edgetpu-lint: cannot write baseline " + baseline + ": "), noBaseline.err());
    assertEquals(1, noBaseline.err().lines().count(), noBaseline.err());
    assertTrue(noBaseline.out().contains("part.tflite.yaml"), "the report is written first: " + noBaseline.out());
  }

  /** A model with a GATHER, which the test engine rejects at runtime 10 only. */
  static final class GraphModelWithGather {
    static void write(Path file) throws Exception {
      var g = new dev.edgetpulint.graph.GraphBuilder().source("g");
      int in = g.activation("input", dev.edgetpulint.graph.TensorType.INT8, 1, 4);
      int idx = g.int32Values("indices", 0, 1);
      int out = g.activation("out", dev.edgetpulint.graph.TensorType.INT8, 1, 2);
      g.op("GATHER").inputs(in, idx).outputs(out).add();
      TestModels.write(file, g.inputs(in).outputs(out).build());
    }
  }
}
