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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --select/--ignore/--severity}: rule selection and severity on the command line. */
class RuleSelectionCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path model;

  /** LEAKY_RELU is unsupported (an error); batch 2 outputs give a rank warning per operator. */
  @BeforeEach
  void writeModel() throws Exception {
    Path file = TestModels.write(dir.resolve("m/part.tflite.yaml"), TestModels.partlyMapped("part"));
    Files.writeString(file, Files.readString(file).replace("[1, 8, 8, 4]", "[2, 8, 8, 4]"));
    model = file;
  }

  private CliRunner.Result check(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "check";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRunner.run(TestModels::service, all);
  }

  private static List<String> field(JsonNode findings, String name) {
    List<String> values = new ArrayList<>();
    findings.forEach(f -> values.add(f.get(name).asText()));
    return values;
  }

  private JsonNode findings(CliRunner.Result result) throws Exception {
    return JSON.readTree(result.out()).at("/models/0/findings");
  }

  @Test
  void withoutFlagsBothRulesAreReported() throws Exception {
    CliRunner.Result result = check("--format", "json", model.toString());
    assertEquals(ExitCodes.FINDINGS, result.exitCode(), result.err());
    List<String> rules = field(findings(result), "rule");
    assertTrue(rules.contains(TestEngine.UNSUPPORTED_RULE), rules.toString());
    assertTrue(rules.contains(TestEngine.RANK_RULE), rules.toString());
  }

  @Test
  void selectNarrowsFindings() throws Exception {
    CliRunner.Result result = check("--select", TestEngine.RANK_RULE, "--format", "json", model.toString());
    assertEquals(ExitCodes.CLEAN, result.exitCode(), result.out() + result.err());
    List<String> rules = field(findings(result), "rule");
    assertFalse(rules.isEmpty());
    assertTrue(rules.stream().allMatch(TestEngine.RANK_RULE::equals), rules.toString());
    // A prefix selects like the configuration's select; commas and repetition both add.
    CliRunner.Result prefix = check("--select", "TEST-UNSUP", "--format", "json", model.toString());
    assertEquals(List.of(TestEngine.UNSUPPORTED_RULE), field(findings(prefix), "rule"));
    CliRunner.Result both = check("--select", TestEngine.RANK_RULE + "," + TestEngine.FLOAT_RULE,
        "--select", TestEngine.UNSUPPORTED_RULE, "--format", "json", model.toString());
    assertEquals(field(findings(check("--format", "json", model.toString())), "rule"), field(findings(both), "rule"));
  }

  @Test
  void ignoreRemovesOneRule() throws Exception {
    CliRunner.Result result = check("--ignore", TestEngine.UNSUPPORTED_RULE, "--format", "json", model.toString());
    assertEquals(ExitCodes.CLEAN, result.exitCode(), result.out() + result.err());
    List<String> rules = field(findings(result), "rule");
    assertFalse(rules.contains(TestEngine.UNSUPPORTED_RULE), rules.toString());
    assertTrue(rules.contains(TestEngine.RANK_RULE), rules.toString());
  }

  @Test
  void severityChangesTheLevelAndTheExitCode() throws Exception {
    CliRunner.Result demoted = check("--severity", TestEngine.UNSUPPORTED_RULE + "=info", "--format", "json",
        model.toString());
    assertEquals(ExitCodes.CLEAN, demoted.exitCode(), demoted.out() + demoted.err());
    JsonNode f = findings(demoted);
    for (JsonNode finding : f) {
      if (finding.get("rule").asText().equals(TestEngine.UNSUPPORTED_RULE)) {
        assertEquals("info", finding.get("severity").asText());
      }
    }
    assertTrue(field(f, "rule").contains(TestEngine.UNSUPPORTED_RULE));
    CliRunner.Result promoted = check("--ignore", TestEngine.UNSUPPORTED_RULE,
        "--severity", TestEngine.RANK_RULE + "=error", "--format", "json", model.toString());
    assertEquals(ExitCodes.FINDINGS, promoted.exitCode(), promoted.out() + promoted.err());
    assertTrue(field(findings(promoted), "severity").stream().allMatch("error"::equals));
    CliRunner.Result off = check("--severity", TestEngine.UNSUPPORTED_RULE + "=off", "--format", "json",
        model.toString());
    assertEquals(ExitCodes.CLEAN, off.exitCode());
    assertFalse(field(findings(off), "rule").contains(TestEngine.UNSUPPORTED_RULE));
  }

  @Test
  void unknownRuleIsAUsageErrorWithAHint() {
    CliRunner.Result select = check("--select", "TEST-RANKK", model.toString());
    assertEquals(ExitCodes.ERROR, select.exitCode());
    assertTrue(select.err().contains("--select: unknown rule 'TEST-RANKK' (did you mean 'TEST-RANK'?)"), select.err());
    CliRunner.Result ignore = check("--ignore", "TEST-UNSUPORTED-OP", model.toString());
    assertEquals(ExitCodes.ERROR, ignore.exitCode());
    assertTrue(ignore.err().contains("(did you mean 'TEST-UNSUPPORTED-OP'?)"), ignore.err());
    CliRunner.Result severity = check("--severity", "TEST-FLOAT-TENSR=info", model.toString());
    assertEquals(ExitCodes.ERROR, severity.exitCode());
    assertTrue(severity.err().contains("--severity: unknown rule 'TEST-FLOAT-TENSR' (did you mean 'TEST-FLOAT-TENSOR'?)"),
        severity.err());
    // --severity takes exact ids only, as the configuration's severity does.
    assertEquals(ExitCodes.ERROR, check("--severity", "TEST-RANK-=info", model.toString()).exitCode());
    assertEquals(ExitCodes.ERROR, check("--severity", "TEST-RANK=loud", model.toString()).exitCode());
    assertEquals(ExitCodes.ERROR, check("--severity", "TEST-RANK", model.toString()).exitCode());
    CliRunner.Result far = check("--select", "NOTHING-LIKE-IT", model.toString());
    assertEquals(ExitCodes.ERROR, far.exitCode());
    assertFalse(far.err().contains("did you mean"), far.err());
  }

  @Test
  void commandLineWinsOverConfiguration() throws Exception {
    Files.writeString(dir.resolve(".edgetpu-lint.yaml"), "select: [" + TestEngine.RANK_RULE + "]\n"
        + "severity:\n  " + TestEngine.RANK_RULE + ": error\n");
    CliRunner.Result fromFile = check("--format", "json", model.toString());
    assertEquals(ExitCodes.FINDINGS, fromFile.exitCode(), fromFile.out() + fromFile.err());
    assertTrue(field(findings(fromFile), "rule").stream().allMatch(TestEngine.RANK_RULE::equals));
    // --select replaces the file's select.
    CliRunner.Result selected = check("--select", TestEngine.UNSUPPORTED_RULE, "--format", "json", model.toString());
    assertEquals(List.of(TestEngine.UNSUPPORTED_RULE), field(findings(selected), "rule"));
    // --severity overrides the file's severity for that rule: the warning no longer fails the run.
    CliRunner.Result severity = check("--severity", TestEngine.RANK_RULE + "=warning", "--format", "json",
        model.toString());
    assertEquals(ExitCodes.CLEAN, severity.exitCode(), severity.out() + severity.err());
    assertTrue(field(findings(severity), "severity").stream().allMatch("warning"::equals));
    // --ignore adds to the file: nothing is left.
    CliRunner.Result ignored = check("--ignore", TestEngine.RANK_RULE, "--format", "json", model.toString());
    assertEquals(0, findings(ignored).size());
    assertEquals(ExitCodes.CLEAN, ignored.exitCode());
  }
}
