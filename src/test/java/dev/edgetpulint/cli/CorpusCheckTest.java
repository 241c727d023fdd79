package dev.edgetpulint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.edgetpulint.service.StandardServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `check` over every model of ../shared/corpus/models with the real readers, rules and compiler path:
 * no crash, one entry per file (in models or errors), JSON valid against its schema, SARIF valid
 * against the SARIF 2.1.0 schema. Skips when the corpus is absent.
 */
class CorpusCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  @Test
  void everyCorpusModelGetsExactlyOneEntry() throws Exception {
    Path corpus = Path.of(System.getProperty("edgetpulint.corpus", "../shared/corpus"));
    Path models = corpus.resolve("models");
    Assumptions.assumeTrue(Files.isDirectory(models), "corpus not present");
    List<Path> files;
    try (Stream<Path> list = Files.list(models)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".tflite")).sorted().toList();
    }
    Path json = out.resolve("report.json");
    Path sarif = out.resolve("report.sarif");
    CliRunner.Result result = CliRunner.run(StandardServices::lintService, "check", "--format", "json", "-o",
        json.toString(), "--format", "sarif", "-o", sarif.toString(), models.toString());
    JsonNode report = JSON.readTree(json.toFile());
    Set<String> seen = new HashSet<>();
    for (JsonNode model : report.get("models")) {
      assertTrue(seen.add(Path.of(model.get("path").asText()).getFileName().toString()));
      assertEquals(model.get("operators").size(),
          model.at("/summary/edgetpu").asInt() + model.at("/summary/cpu").asInt());
    }
    for (JsonNode error : report.get("errors")) {
      assertTrue(seen.add(Path.of(error.get("path").asText()).getFileName().toString()));
      assertFalse(error.get("message").asText().contains("\n"));
    }
    assertEquals(files.size(), seen.size(), "one entry per corpus file");
    System.out.printf("corpus check: %d files, %d judged, %d unreadable, exit %d%n", files.size(),
        report.get("models").size(), report.get("errors").size(), result.exitCode());
    assertEquals(report.get("errors").isEmpty() ? ExitCodes.FINDINGS : ExitCodes.ERROR, result.exitCode(), result.err());

    Set<ValidationMessage> problems = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(Files.newInputStream(Path.of("docs/schema/report.schema.json"))).validate(report);
    assertTrue(problems.isEmpty(), problems.toString());
    Set<ValidationMessage> sarifProblems = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
        .getSchema(CorpusCheckTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json"))
        .validate(JSON.readTree(sarif.toFile()));
    assertTrue(sarifProblems.isEmpty(), sarifProblems.toString());
  }
}
