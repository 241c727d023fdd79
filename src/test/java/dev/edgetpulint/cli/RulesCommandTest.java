package dev.edgetpulint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgetpulint.rules.RuleDocs;
import dev.edgetpulint.rules.RuleSet;
import dev.edgetpulint.service.StandardServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
  private static CliRunner.Result run(String... args) {
    return CliRunner.run(StandardServices::lintService, args);
  }

  @Test
  void textListsEveryRuleOnALine() {
    CliRunner.Result r = run("rules");
    assertEquals(0, r.exitCode(), r.err());
    int size = RuleSet.builtIn().size();
    assertEquals(size + 1, r.out().lines().count());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("EDGETPU-CONV2D-DILATION ") && l.contains("error")
        && l.endsWith("Conv2d must use the same dilation in x and y")), r.out());
    assertTrue(r.out().endsWith(size + " rules. Details: edgetpu-lint rules --format markdown, or docs/rules.md\n"));
  }

  @Test
  void jsonCarriesEveryRule() throws IOException {
    CliRunner.Result r = run("rules", "--format", "json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals(RuleSet.builtIn().size(), root.get("count").asInt());
    JsonNode first = root.get("rules").get(0);
    assertTrue(first.has("id") && first.has("when") && first.has("examples") && first.has("help"), first.toString());
  }

  /** docs/rules.md is generated from the YAML; this fails when someone edits one without regenerating. */
  @Test
  void committedRuleReferenceIsFresh() throws IOException {
    Path committed = Path.of("docs/rules.md");
    String fresh = new RuleDocs(RuleSet.builtIn()).markdown();
    assertTrue(Files.exists(committed), "docs/rules.md is missing; run: edgetpu-lint rules --format markdown -o docs/rules.md");
    assertEquals(fresh, Files.readString(committed, StandardCharsets.UTF_8),
        "docs/rules.md is stale; regenerate it: edgetpu-lint rules --format markdown -o docs/rules.md");
    CliRunner.Result r = run("rules", "--format", "markdown");
    assertEquals(fresh, r.out());
  }

  @Test
  void extraDirectoryIsListed(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("acme.yaml"), dev.edgetpulint.rules.RuleLoaderTestSupport.EXTRA_RULE);
    CliRunner.Result r = run("rules", "--rules", dir.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("ACME-NO-WIDE-ADD"), r.out());
  }

  @Test
  void brokenRuleFileExitsWithTwoAndNamesTheSpot(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("bad.yaml"),
        dev.edgetpulint.rules.RuleLoaderTestSupport.EXTRA_RULE.replace("severity: warning", "severity: fatal"));
    CliRunner.Result r = run("rules", "--rules", dir.toString());
    assertEquals(2, r.exitCode());
    assertEquals("edgetpu-lint: " + dir.resolve("bad.yaml") + ":9:15: rules[0].severity is 'fatal' but must be one of "
        + "[error, warning, info]\n", r.err());
    assertEquals("", r.out());
  }
}
