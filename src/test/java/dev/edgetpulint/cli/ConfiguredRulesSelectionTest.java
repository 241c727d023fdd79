package dev.edgetpulint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgetpulint.rules.RuleLoaderTestSupport;
import dev.edgetpulint.service.StandardServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --select}, {@code --ignore} and {@code --severity} know the rules that the configuration
 * found above the inputs adds (its {@code rules:} directories), not only built-in and --rules ones.
 */
class ConfiguredRulesSelectionTest {
  private static final ObjectMapper JSON = new ObjectMapper();


  private static final String WIDE_ADD = """
      format: edgetpu-lint/description/v1
      subgraphs:
        - inputs: [a, b]
          outputs: [s]
          tensors:
            - {name: a, type: INT8, shape: [1, 2, 2, 128]}
            - {name: b, type: INT8, shape: [1, 2, 2, 128]}
            - {name: s, type: INT8, shape: [1, 2, 2, 128]}
          operators:
            - {op: ADD, inputs: [a, b], outputs: [s]}
      """;

  @TempDir Path dir;
  private Path models;

  @BeforeEach
  void project() throws Exception {
    Files.createDirectories(dir.resolve("house-rules"));
    // A house rule (ACME-NO-WIDE-ADD: ADD wider than 64 channels, a warning from runtime 13).
    Files.writeString(dir.resolve("house-rules/acme.yaml"), RuleLoaderTestSupport.EXTRA_RULE);
    Files.writeString(dir.resolve(".edgetpu-lint.yaml"), "rules: [house-rules]\n");
    models = Files.createDirectories(dir.resolve("models"));
    Files.writeString(models.resolve("wide.tflite.yaml"), WIDE_ADD);
  }

  private static CliRunner.Result check(String... args) {
    List<String> all = new ArrayList<>(List.of("check", "--format", "json"));
    all.addAll(List.of(args));
    return CliRunner.run(StandardServices::lintService, all.toArray(String[]::new));
  }

  private static List<String> rules(CliRunner.Result result) throws Exception {
    List<String> ids = new ArrayList<>();
    JsonNode findings = JSON.readTree(result.out()).at("/models/0/findings");
    findings.forEach(f -> ids.add(f.get("rule").asText()));
    return ids;
  }

  @Test
  void selectKnowsTheConfiguredRuleForAFileInput() throws Exception {
    CliRunner.Result r = check("--select", "ACME-NO-WIDE-ADD", models.resolve("wide.tflite.yaml").toString());
    assertEquals(ExitCodes.CLEAN, r.exitCode(), r.err());
    assertEquals(List.of("ACME-NO-WIDE-ADD"), rules(r));
  }

  @Test
  void severityAndIgnoreKnowItForADirectoryInput() throws Exception {
    CliRunner.Result raised = check("--severity", "ACME-NO-WIDE-ADD=error", models.toString());
    assertEquals(ExitCodes.FINDINGS, raised.exitCode(), raised.err());
    assertTrue(rules(raised).contains("ACME-NO-WIDE-ADD"), raised.out());
    CliRunner.Result ignored = check("--ignore", "ACME", models.toString());
    assertEquals(ExitCodes.CLEAN, ignored.exitCode(), ignored.err());
    assertTrue(!rules(ignored).contains("ACME-NO-WIDE-ADD"), ignored.out());
  }

  @Test
  void aRuleNoConfigurationAddsIsStillAUsageError() {
    CliRunner.Result r = check("--select", "ACME-NO-WIDE-ADDD", models.toString());
    assertEquals(ExitCodes.ERROR, r.exitCode(), r.out());
    assertTrue(r.err().contains("did you mean 'ACME-NO-WIDE-ADD'"), r.err());
  }
}
