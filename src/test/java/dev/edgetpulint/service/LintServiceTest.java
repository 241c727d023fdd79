package dev.edgetpulint.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.rules.Severity;
import dev.edgetpulint.service.baseline.Baseline;
import dev.edgetpulint.service.baseline.BaselineEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintServiceTest {
  @TempDir Path dir;

  private LintOptions options() {
    return LintOptions.defaults().withWorkingDirectory(dir);
  }

  @Test
  void everyInputPathExactlyOnce() throws Exception {
    TestModels.write(dir.resolve("zoo/b.tflite.yaml"), TestModels.fullyMapped("b"));
    TestModels.write(dir.resolve("zoo/a.tflite.yaml"), TestModels.partlyMapped("a"));
    TestModels.write(dir.resolve("zoo/.hidden/c.tflite.yaml"), TestModels.partlyMapped("c"));
    Files.writeString(dir.resolve("zoo/notes.txt"), "not a model");
    Files.writeString(dir.resolve("zoo/broken.tflite"), "garbage");
    Files.createDirectories(dir.resolve("empty"));
    LintRun run = TestModels.service().lint(List.of(dir.resolve("zoo"), dir.resolve("zoo/a.tflite.yaml"),
        dir.resolve("empty"), dir.resolve("gone.tflite")), options());
    assertEquals(List.of("zoo/a.tflite.yaml", "zoo/b.tflite.yaml"),
        run.models().stream().map(ModelReport::path).toList());
    assertEquals(List.of("zoo/broken.tflite", "empty", "gone.tflite"),
        run.errors().stream().map(InputError::path).toList());
    assertTrue(run.errors().get(1).message().contains("no models found"));
    assertTrue(run.errors().get(2).message().contains("no such file"));
    assertTrue(run.errors().stream().noneMatch(e -> e.message().contains("\n")));
  }

  @Test
  void severityOverridesAndSelectionApplyToFindingsAndPlacements() throws Exception {
    Path model = TestModels.write(dir.resolve("m.tflite.yaml"), TestModels.partlyMapped("m"));
    Files.writeString(dir.resolve(".edgetpu-lint.yaml"), "severity:\n  TEST-UNSUPPORTED-OP: warning\n");
    ModelReport report = TestModels.service().lint(List.of(model), options()).models().get(0);
    assertEquals(Severity.WARNING, report.findings().get(0).finding().severity());
    assertEquals(Severity.WARNING, report.analysis().placements().get(1).findings().get(0).severity());
    assertEquals(false, report.hasActiveAtLeast(Severity.ERROR));

    Files.writeString(dir.resolve(".edgetpu-lint.yaml"), "ignore: [TEST-UNSUPPORTED]\n");
    report = new LintService(new StandardModelLoader(), new TestEngine()).lint(List.of(model), options()).models().get(0);
    assertTrue(report.findings().isEmpty());
    assertTrue(report.analysis().placements().get(1).findings().isEmpty());
    assertEquals(2, report.analysis().cpuCount(), "configuration changes reporting, not the prediction");
  }

  @Test
  void configuredSuppressionCarriesItsReason() throws Exception {
    Path model = TestModels.write(dir.resolve("m.tflite.yaml"), TestModels.partlyMapped("m"));
    Files.writeString(dir.resolve(".edgetpu-lint.yaml"), """
        suppressions:
          - rule: TEST-UNSUPPORTED-OP
            paths: [m.tflite.yaml]
            location: subgraphs[0].operators[1]
            reason: LEAKY_RELU stays on the CPU until the retrain
        """);
    ModelReport report = TestModels.service().lint(List.of(model), options()).models().get(0);
    assertTrue(report.active().isEmpty());
    Suppression s = report.suppressed().get(0).suppression();
    assertEquals("config", s.kind());
    assertEquals("LEAKY_RELU stays on the CPU until the retrain", s.reason());
    assertEquals(".edgetpu-lint.yaml", s.source());
  }

  @Test
  void baselineKeysOnContentRuleAndLocation() throws Exception {
    Path model = TestModels.write(dir.resolve("m.tflite.yaml"), TestModels.partlyMapped("m"));
    String hash = ContentHash.ofFile(model);
    Baseline baseline = new Baseline(dir.resolve("b.json"), List.of(
        new BaselineEntry("m.tflite.yaml", hash, TestEngine.UNSUPPORTED_RULE, "subgraphs[0].operators[1]", "known")));
    ModelReport report = TestModels.service().lint(List.of(model), options().withBaseline(baseline)).models().get(0);
    assertEquals("baseline", report.findings().get(0).suppression().kind());
    assertEquals("known", report.findings().get(0).suppression().reason());

    // Same file moved: still matched (the path is not part of the key).
    Path moved = dir.resolve("elsewhere/m.tflite.yaml");
    Files.createDirectories(moved.getParent());
    Files.copy(model, moved);
    assertTrue(TestModels.service().lint(List.of(moved), options().withBaseline(baseline)).models().get(0)
        .active().isEmpty());

    // Changed bytes: a new model as far as the baseline knows.
    Files.writeString(model, Files.readString(model) + "\n# edited\n");
    ModelReport edited = TestModels.service().lint(List.of(model), options().withBaseline(baseline)).models().get(0);
    assertNull(edited.findings().get(0).suppression());
    assertNotEquals(hash, edited.contentHash());
  }

  @Test
  void unusedSuppressionsAreReportedForLintedModelsOnly() throws Exception {
    Path model = TestModels.write(dir.resolve("m.tflite.yaml"), TestModels.partlyMapped("m"));
    Path clean = TestModels.write(dir.resolve("ok.tflite.yaml"), TestModels.fullyMapped("ok"));
    Files.writeString(dir.resolve(".edgetpu-lint.yaml"), """
        suppressions:
          - rule: TEST-UNSUPPORTED-OP
            paths: [m.tflite.yaml]
            reason: used
          - rule: TEST-RANK
            paths: [ok.tflite.yaml]
            reason: never fires
          - rule: TEST-RANK
            paths: [absent/**]
            reason: no linted model matches
        """);
    String hash = ContentHash.ofFile(model);
    Baseline baseline = new Baseline(dir.resolve("b.json"), List.of(
        new BaselineEntry("m.tflite.yaml", hash, TestEngine.FLOAT_RULE, "subgraphs[0].operators[0]", "stale"),
        new BaselineEntry("other.tflite", "0".repeat(64), TestEngine.FLOAT_RULE, "model", "not in this run")));
    LintRun run = TestModels.service().lint(List.of(model, clean), options().withBaseline(baseline));
    assertEquals(List.of("config:never fires", "baseline:stale"),
        run.unused().stream().map(u -> u.kind() + ":" + u.reason()).toList());
    assertTrue(run.unused().get(1).describe().startsWith("b.json: baseline entry for TEST-FLOAT-TENSOR"),
        run.unused().get(1).describe());
  }

  @Test
  void ignoreCommentsInDescriptionsSuppressWithTheirReason() throws Exception {
    Path model = TestModels.write(dir.resolve("m.tflite.yaml"), TestModels.partlyMapped("m"));
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(model));
    int leaky = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("op: LEAKY_RELU")) {
        leaky = i;
      }
    }
    lines.set(leaky, lines.get(leaky) + "  # edgetpu-lint: ignore[TEST-UNSUPPORTED-OP] runs on the CPU by design");
    lines.add(leaky, "      # edgetpu-lint: ignore[TEST-RANK] nothing to silence here");
    lines.add("# edgetpu-lint: ignore[TEST-FLOAT-TENSOR]");
    Files.write(model, lines);
    LintRun run = TestModels.service().lint(List.of(model), options());
    ModelReport report = run.models().get(0);
    assertTrue(report.active().isEmpty(), report.active().toString());
    Suppression s = report.suppressed().get(0).suppression();
    assertEquals("inSource", s.kind());
    assertEquals("runs on the CPU by design", s.reason());
    assertEquals("m.tflite.yaml:" + (leaky + 2), s.source());
    assertEquals(1, run.unused().size(), "the reason-less comment is no suppression; the TEST-RANK one is unused");
    assertEquals("m.tflite.yaml:" + (leaky + 1), run.unused().get(0).source());
  }

  @Test
  void baselineFileRoundTrips() throws Exception {
    List<BaselineEntry> entries = List.of(
        new BaselineEntry("b.tflite", "b".repeat(64), "R2", "model", "because"),
        new BaselineEntry("a.tflite", "a".repeat(64), "R1", "subgraphs[0].operators[2]", "why"));
    Path file = dir.resolve("baseline.json");
    Files.writeString(file, Baseline.toJson(entries));
    Baseline read = Baseline.read(file);
    assertEquals("a.tflite", read.entries().get(0).path(), "sorted by path for stable diffs");
    assertEquals(2, read.entries().size());
    Baseline.Matcher matcher = read.matcher();
    assertEquals("why", matcher.match("a".repeat(64), "R1", "subgraphs[0].operators[2]").reason());
    assertNull(matcher.match("a".repeat(64), "R1", "subgraphs[0].operators[2]"), "each entry silences one finding");
    assertEquals(1, matcher.unused().size());
  }

  @Test
  void fingerprintIgnoresMessageAndSeverity() {
    String a = ContentHash.fingerprint("R", "models/a.tflite", "subgraphs[0].operators[1]");
    assertEquals(a, ContentHash.fingerprint("R", "models/a.tflite", "subgraphs[0].operators[1]"));
    assertNotEquals(a, ContentHash.fingerprint("R", "models/a.tflite", "subgraphs[0].operators[2]"));
    assertNotEquals(a, ContentHash.fingerprint("R", "models/b.tflite", "subgraphs[0].operators[1]"));
  }

  @Test
  void descriptionErrorIsOneLineWithLineNumber() throws Exception {
    Path bad = dir.resolve("bad.tflite.yaml");
    Files.writeString(bad, "format: edgetpu-lint/description/v1\nsubgraphs: 12\n");
    InputError error = TestModels.service().lint(List.of(bad), options()).errors().get(0);
    assertEquals("bad.tflite.yaml", error.path());
    assertTrue(error.message().matches("^\\d+(:\\d+)?: .*"), error.message());
  }
}
