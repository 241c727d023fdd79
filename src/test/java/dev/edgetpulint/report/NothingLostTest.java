package dev.edgetpulint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgetpulint.compiler.Placement;
import dev.edgetpulint.service.InputError;
import dev.edgetpulint.service.LintRun;
import dev.edgetpulint.service.ModelReport;
import dev.edgetpulint.service.ReportedFinding;
import dev.edgetpulint.service.LintOptions;
import dev.edgetpulint.service.StandardServices;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What the text report says, JSON and SARIF say too: findings, fixes, suppressions, counts, the table, errors. */
class NothingLostTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void textJsonAndSarifCarryTheSameFacts() throws Exception {
    LintRun run = ReportFixtures.run();
    int findings = assertSameFacts(run);
    assertTrue(findings >= 3, "the fixture has active and suppressed findings");
    assertEquals(1, run.unused().size(), "the fixture has an unused baseline entry");
  }

  /** The same comparison over every real model of the corpus, with the real rules and compiler path. */
  @Test
  void corpusTextJsonAndSarifCarryTheSameFacts() throws Exception {
    Path corpus = Path.of(System.getProperty("edgetpulint.corpus", "../shared/corpus"));
    Assumptions.assumeTrue(Files.isDirectory(corpus.resolve("models")), "no corpus at " + corpus);
    LintRun run = StandardServices.lintService().lint(List.of(corpus.resolve("models")), LintOptions.defaults());
    int findings = assertSameFacts(run);
    System.out.printf("nothing lost: %d models, %d findings, %d unreadable inputs in text, JSON and SARIF alike%n",
        run.models().size(), findings, run.errors().size());
    assertTrue(run.models().size() > 200, "the corpus has hundreds of readable models");
  }

  /** Asserts that text, JSON and SARIF say the same about {@code run}; returns the number of findings. */
  private static int assertSameFacts(LintRun run) throws Exception {
    String text = render(new TextReport(), run);
    JsonNode json = MAPPER.readTree(render(new JsonReport(), run));
    JsonNode sarif = MAPPER.readTree(render(new SarifReport(), run)).get("runs").get(0);

    // SARIF results by artifact|rule|logical location|level|suppression reason -> their message texts.
    Map<String, List<String>> sarifResults = new HashMap<>();
    for (JsonNode r : sarif.get("results")) {
      String key = artifactKey(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()) + "|"
          + r.get("ruleId").asText() + "|" + r.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()
          + "|" + r.get("level").asText()
          + "|" + (r.has("suppressions") ? r.at("/suppressions/0/justification").asText() : "");
      sarifResults.computeIfAbsent(key, k -> new ArrayList<>()).add(r.at("/message/text").asText());
    }
    int findings = 0;
    for (int m = 0; m < run.models().size(); m++) {
      ModelReport model = run.models().get(m);
      JsonNode jsonModel = json.get("models").get(m);
      assertEquals(model.path(), jsonModel.get("path").asText());
      assertTrue(text.contains("Model: " + model.path() + "\n"));
      String section = modelSection(text, model.path());
      long edgetpu = model.analysis().edgeTpuCount();
      long cpu = model.analysis().cpuCount();
      assertTrue(section.contains("Number of operations that will run on Edge TPU: " + edgetpu));
      assertEquals(edgetpu, jsonModel.at("/summary/edgetpu").asLong());
      assertEquals(cpu, jsonModel.at("/summary/cpu").asLong());
      JsonNode artifact = sarif.get("artifacts").get(m);
      assertEquals(edgetpu, artifact.at("/properties/summary/edgetpu").asLong());
      assertEquals(cpu, artifact.at("/properties/summary/cpu").asLong());
      // The Operator / Count / Status table.
      Map<String, Integer> table = TextReport.table(model.analysis().placements());
      assertEquals(table.size(), artifact.at("/properties/operators").size());
      List<Placement> placements = model.analysis().placements();
      assertEquals(placements.size(), jsonModel.get("operators").size());
      for (int i = 0; i < placements.size(); i++) {
        Placement p = placements.get(i);
        JsonNode op = jsonModel.get("operators").get(i);
        assertEquals(p.subgraph(), op.get("subgraph").asInt());
        assertEquals(p.index(), op.get("index").asInt());
        assertEquals(p.op(), op.get("op").asText());
        assertEquals(p.status(), op.get("status").asText());
        assertTrue(section.contains(p.op()) && section.contains(p.status()));
      }
      int active = 0;
      int suppressed = 0;
      for (ReportedFinding reported : model.findings()) {
        findings++;
        var f = reported.finding();
        assertTrue(section.contains(f.message()), f.message());
        assertTrue(section.contains("[" + f.ruleId() + "]"));
        JsonNode jf = reported.suppressed()
            ? jsonModel.get("suppressed").get(suppressed++) : jsonModel.get("findings").get(active++);
        assertEquals(f.ruleId(), jf.get("rule").asText());
        assertEquals(f.message(), jf.get("message").asText());
        assertEquals(f.severity().id(), jf.get("severity").asText());
        String logical = f.location().logical();
        assertEquals(logical, jf.at("/location/logical").asText());
        if (f.fix() != null) {
          assertTrue(section.contains("fix: " + f.fix()) || reported.suppressed());
          assertEquals(f.fix(), jf.get("fix").asText());
        }
        String level = switch (f.severity()) {
          case ERROR -> "error";
          case WARNING -> "warning";
          default -> "note";
        };
        String rest = "|" + f.ruleId() + "|" + logical + "|" + level + "|"
            + (reported.suppressed() ? reported.suppression().reason() : "");
        List<String> messages = new ArrayList<>(sarifResults.getOrDefault(model.path() + rest, List.of()));
        messages.addAll(sarifResults.getOrDefault(artifactKey(Path.of(model.path()).toUri().toString()) + rest, List.of()));
        boolean inSarif = messages.stream()
            .anyMatch(sarifText -> sarifText.contains(f.message()) && (f.fix() == null || sarifText.contains(f.fix())));
        assertTrue(inSarif, "SARIF lacks " + f);
        if (reported.suppressed()) {
          assertTrue(section.contains(reported.suppression().reason()));
          assertEquals(reported.suppression().reason(), jf.at("/suppression/reason").asText());
        }
      }
    }
    assertEquals(findings, sarif.get("results").size());
    for (int u = 0; u < run.unused().size(); u++) {
      String message = run.unused().get(u).describe();
      assertTrue(text.contains(message));
      assertEquals(message, json.get("unusedSuppressions").get(u).get("message").asText());
      assertEquals(message, sarif.at("/invocations/0/toolConfigurationNotifications/" + u + "/message/text").asText());
    }
    for (int e = 0; e < run.errors().size(); e++) {
      InputError error = run.errors().get(e);
      assertTrue(text.contains(error.path() + ": error: " + error.message()));
      assertEquals(error.message(), json.get("errors").get(e).get("message").asText());
      assertTrue(sarif.at("/invocations/0/toolExecutionNotifications/" + e + "/message/text").asText()
          .contains(error.message()));
    }
    return findings;
  }

  /**
   * SARIF names a model repository-relative, or by an absolute file: URI when it lies outside the
   * source root; absolute ones are compared as normalized paths.
   */
  private static String artifactKey(String uri) {
    return uri.startsWith("file:") ? Path.of(java.net.URI.create(uri)).normalize().toString() : uri;
  }

  /** The text report's part about one model: from its "Model:" line to the next model's. */
  private static String modelSection(String text, String path) {
    int start = text.indexOf("Model: " + path + "\n");
    int next = text.indexOf("\nModel: ", start + 1);
    return text.substring(start, next < 0 ? text.length() : next);
  }

  private static String render(Report report, LintRun run) throws Exception {
    StringWriter out = new StringWriter();
    report.write(run, ReportFixtures.context(), out);
    return out.toString();
  }
}
