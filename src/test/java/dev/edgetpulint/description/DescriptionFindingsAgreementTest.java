package dev.edgetpulint.description;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.compiler.Placement;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.ModelReadException;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.service.LintOptions;
import dev.edgetpulint.service.LintService;
import dev.edgetpulint.service.ModelReport;
import dev.edgetpulint.service.StandardServices;
import dev.edgetpulint.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 6: `check` reads a description exactly like the binary. For every readable corpus model, the
 * findings and placements of the binary equal those of its description (describe, then read).
 */
class DescriptionFindingsAgreementTest {

  private static List<String> verdicts(ModelAnalysis analysis) {
    List<String> out = new ArrayList<>();
    for (Placement p : analysis.placements()) {
      out.add("placement " + p.subgraph() + "/" + p.index() + " " + p.op() + " v" + p.version() + " " + p.target()
          + " " + p.reason() + " " + p.causeOperator() + " " + p.status());
    }
    for (Finding f : analysis.findings()) {
      out.add("finding " + f.ruleId() + " " + f.severity() + " "
          + (f.location() == null ? "model" : f.location().logical()) + " " + f.message());
    }
    out.add("quantization " + analysis.quantization());
    out.add("memory " + analysis.memory());
    return out;
  }

  @Test
  void descriptionsOfCorpusModelsGetTheSameFindingsAndPlacements() throws Exception {
    Path corpus = Path.of(System.getProperty("edgetpulint.corpus", "../shared/corpus"), "models");
    Assumptions.assumeTrue(Files.isDirectory(corpus), "corpus absent: " + corpus);
    List<Path> models;
    try (Stream<Path> files = Files.list(corpus)) {
      models = files.filter(p -> p.toString().endsWith(".tflite")).sorted().toList();
    }
    LintService lint = StandardServices.lintService();
    LintOptions options = LintOptions.defaults();
    int same = 0;
    int judged = 0;
    List<String> different = new ArrayList<>();
    for (Path path : models) {
      Model binary;
      try {
        binary = TfliteReader.read(path);
      } catch (ModelReadException e) {
        continue;
      }
      Model description = DescriptionReader.parse(DescriptionWriter.write(binary), path + ".yaml");
      ModelReport a = lint.analyze(binary, path, "hash", options);
      ModelReport b = lint.analyze(description, path, "hash", options);
      judged++;
      List<String> expected = verdicts(a.analysis());
      List<String> actual = verdicts(b.analysis());
      // The one documented difference: an empty or duplicate tensor name is written as name#index.
      for (var subgraph : binary.subgraphs()) {
        List<String> written = DescriptionWriter.uniqueNames(subgraph);
        for (var tensor : subgraph.tensors()) {
          String from = "'" + written.get(tensor.index()) + "'";
          if (!written.get(tensor.index()).equals(tensor.name())) {
            actual.replaceAll(line -> line.replace(from, "'" + tensor.name() + "'"));
          }
        }
      }
      if (expected.equals(actual)) {
        same++;
      } else {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
          String x = i < expected.size() ? expected.get(i) : "(none)";
          String y = i < actual.size() ? actual.get(i) : "(none)";
          if (!x.equals(y)) {
            different.add(path.getFileName() + ": binary " + x + " | description " + y);
            break;
          }
        }
      }
    }
    System.out.println("description agreement: " + same + " of " + judged
        + " corpus models get the same findings and placements from their description");
    assertEquals(List.of(), different);
    Assumptions.assumeTrue(judged > 0, "no readable corpus model");
  }
}
