package dev.edgetpulint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonParser;
import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.CompilerPath;
import dev.edgetpulint.compiler.ExpectedPair;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.TensorType;
import dev.edgetpulint.lsp.LspSettings;
import dev.edgetpulint.service.LintOptions;
import dev.edgetpulint.service.StandardServices;
import dev.edgetpulint.service.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --compiler}: parsed, rejected, threaded through the service, the configuration, the LSP
 * settings and expected pairs to the rules engine, and shown in the reports. The fixture is a
 * RESIZE_BILINEAR of version 3, which compiler 2.0 cannot load (rules/op-versions.yaml,
 * EDGETPU-OPVERSION-REGISTRATION) and compiler 16.0 can.
 */
class CompilerOptionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RULE = "EDGETPU-OPVERSION-REGISTRATION";

  @TempDir Path dir;

  /** uint8 RESIZE_BILINEAR version 3 (half_pixel_centers), as a newer converter writes it. */
  static Model resizeV3() {
    GraphBuilder g = new GraphBuilder().source("resize");
    int in = g.activation("in", TensorType.UINT8, 1, 8, 8, 4);
    int size = g.int32Values("size", 16, 16);
    int out = g.activation("out", TensorType.UINT8, 1, 16, 16, 4);
    g.op("RESIZE_BILINEAR").version(3).option("half_pixel_centers", true).inputs(in, size).outputs(out).add();
    return g.inputs(in).outputs(out).build();
  }

  private CliRunner.Result check(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "check";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRunner.run(StandardServices::lintService, all);
  }

  private static boolean fires(JsonNode model) {
    for (JsonNode f : model.get("findings")) {
      if (RULE.equals(f.path("ruleId").asText(f.path("rule").asText()))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void compilerVersionsAreNormalizedOrRejected() {
    assertEquals("16.0", AnalysisOptions.compiler("16.0"));
    assertEquals("16.0", AnalysisOptions.compiler("16.0.384591198"));
    assertEquals("2.0", AnalysisOptions.compiler(" 2.0.291256449 "));
    assertEquals("14.1", AnalysisOptions.compiler("14.1"));
    for (String bad : List.of("3.0", "16", "16.0.x", "", "latest", "2.0.1.2")) {
      assertThrows(IllegalArgumentException.class, () -> AnalysisOptions.compiler(bad), bad);
    }
    assertNull(AnalysisOptions.compilerOrNull("9.9.1"));
    assertEquals("16.0", new AnalysisOptions(14, false).compilerVersion());
    assertEquals("2.0", new AnalysisOptions(12, false, "2.0").withRuntime(13).compilerVersion());
  }

  @Test
  void opVersionRuleFiresOnlyWithTheOldCompiler() {
    CompilerPath path = CompilerPath.withBuiltInRules();
    ModelAnalysis old = path.analyze(resizeV3(), new AnalysisOptions(12, false, "2.0"));
    ModelAnalysis current = path.analyze(resizeV3(), new AnalysisOptions(12, false));
    assertTrue(old.findings().stream().anyMatch(f -> f.ruleId().equals(RULE)), old.findings().toString());
    assertFalse(current.findings().stream().anyMatch(f -> f.ruleId().equals(RULE)), current.findings().toString());
  }

  @Test
  void flagReachesTheRulesAndTheJsonReport() throws Exception {
    Path model = TestModels.write(dir.resolve("resize.tflite.yaml"), resizeV3());
    CliRunner.Result old = check("--runtime", "12", "--compiler", "2.0", "--format", "json", model.toString());
    JsonNode oldJson = JSON.readTree(old.out());
    assertEquals("2.0", oldJson.at("/models/0/compiler").asText(), old.out());
    assertEquals(12, oldJson.at("/models/0/runtime").asInt());
    assertTrue(fires(oldJson.at("/models/0")), old.out());
    assertEquals(ExitCodes.FINDINGS, old.exitCode(), old.err());

    CliRunner.Result current = check("--runtime", "12", "--format", "json", model.toString());
    JsonNode currentJson = JSON.readTree(current.out());
    assertEquals("16.0", currentJson.at("/models/0/compiler").asText(), current.out());
    assertFalse(fires(currentJson.at("/models/0")), current.out());

    CliRunner.Result longForm = check("--runtime", "12", "--compiler", "2.0.291256449", "--format", "json",
        model.toString());
    assertEquals("2.0", JSON.readTree(longForm.out()).at("/models/0/compiler").asText(), longForm.err());
  }

  @Test
  void textHeaderNamesANonDefaultCompiler() throws Exception {
    Path model = TestModels.write(dir.resolve("resize.tflite.yaml"), resizeV3());
    CliRunner.Result old = check("--runtime", "12", "--compiler", "2.0", model.toString());
    assertTrue(old.out().contains("Edge TPU runtime version: 12, edgetpu_compiler 2.0"), old.out());
    assertTrue(old.out().contains(RULE), old.out());
    CliRunner.Result current = check("--runtime", "12", model.toString());
    assertTrue(current.out().contains("Edge TPU runtime version: 12\n"), current.out());
  }

  @Test
  void unknownCompilerIsAUsageError() throws Exception {
    Path model = TestModels.write(dir.resolve("resize.tflite.yaml"), resizeV3());
    CliRunner.Result result = check("--compiler", "3.0", model.toString());
    assertEquals(ExitCodes.ERROR, result.exitCode(), result.out());
    assertTrue(result.err().contains("--compiler"), result.err());
    assertTrue(result.err().contains("16.0, 15.0, 14.1, 2.1, 2.0, 1.0"), result.err());
  }

  @Test
  void withoutARuntimeTheCompilersDefaultIsJudged() throws Exception {
    Path model = TestModels.write(dir.resolve("resize.tflite.yaml"), resizeV3());
    for (String[] compilerAndRuntime : new String[][] {{"2.0", "12"}, {"1.0", "10"}, {"14.1", "13"}, {"16.0", "14"}}) {
      CliRunner.Result r = check("--compiler", compilerAndRuntime[0], "--format", "json", model.toString());
      assertEquals(compilerAndRuntime[1], JSON.readTree(r.out()).at("/models/0/runtime").asText(), r.err());
    }
    assertEquals("14", JSON.readTree(check("--format", "json", model.toString()).out()).at("/models/0/runtime").asText());
  }

  @Test
  void aRuntimeNewerThanTheCompilerCanTargetIsAUsageError() throws Exception {
    Path model = TestModels.write(dir.resolve("resize.tflite.yaml"), resizeV3());
    CliRunner.Result result = check("--compiler", "2.0", "--runtime", "14", model.toString());
    assertEquals(ExitCodes.ERROR, result.exitCode(), result.out());
    assertTrue(result.err().contains("--runtime 14 is newer than compiler 2.0 can target (its -m is at most 12)"),
        result.err());
  }

  @Test
  void configurationKeyAndFlagPrecedence() throws Exception {
    Path model = TestModels.write(dir.resolve("m/resize.tflite.yaml"), resizeV3());
    Files.writeString(dir.resolve("m/.edgetpu-lint.yaml"), "runtime: 12\ncompiler: 2.0\n");
    JsonNode fromConfig = JSON.readTree(check("--format", "json", model.toString()).out());
    assertEquals("2.0", fromConfig.at("/models/0/compiler").asText());
    assertTrue(fires(fromConfig.at("/models/0")));
    JsonNode flagWins = JSON.readTree(check("--compiler", "16.0", "--format", "json", model.toString()).out());
    assertEquals("16.0", flagWins.at("/models/0/compiler").asText());
    assertFalse(fires(flagWins.at("/models/0")));

    Files.writeString(dir.resolve("m/.edgetpu-lint.yaml"), "compiler: 3.0\n");
    CliRunner.Result bad = check(model.toString());
    assertEquals(ExitCodes.ERROR, bad.exitCode(), bad.out());
    assertTrue((bad.out() + bad.err()).contains("compiler: unknown edgetpu_compiler version '3.0'"),
        bad.out() + bad.err());
  }

  @Test
  void lspSettingsCarryTheCompiler() {
    LspSettings settings = LspSettings.from(JsonParser.parseString("{\"edgetpuLint\": {\"compiler\": \"2.0\"}}"));
    assertEquals("2.0", settings.lintOptions(dir).compilerVersion());
    assertTrue(settings.problems().isEmpty(), settings.problems().toString());
    LspSettings wrong = LspSettings.from(JsonParser.parseString("{\"compiler\": \"7.7\"}"));
    assertNull(wrong.lintOptions(dir).compilerVersion());
    assertEquals(1, wrong.problems().size());
    assertNull(LintOptions.defaults().compilerVersion());
  }

  @Test
  void expectedPairsAreJudgedWithTheirCompiler() throws Exception {
    Path json = dir.resolve("p.json");
    Files.writeString(json, "{\"id\": \"p\", \"runtime\": 12, \"compiler_version\": \"2.0.291256449\", \"operators\": []}");
    assertEquals("2.0", ExpectedPair.read(json, dir).options().compilerVersion());
    Files.writeString(json, "{\"id\": \"p\", \"runtime\": 12, \"compiler_version\": null, \"operators\": []}");
    assertEquals("16.0", ExpectedPair.read(json, dir).options().compilerVersion());
  }
}
