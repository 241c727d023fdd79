package dev.edgetpulint.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** verify's derivation reproduces every corpus pair that has its compiled model. */
class CorpusPairsTest {
  static Path corpus() {
    Path corpus = Path.of(System.getProperty("edgetpulint.corpus", "../shared/corpus"));
    Assumptions.assumeTrue(Files.isDirectory(corpus.resolve("expected")), "corpus not present");
    return corpus;
  }

  @Test
  void derivationReproducesEveryPairWithACompiledModel() throws Exception {
    Path corpus = corpus();
    ObjectMapper json = new ObjectMapper();
    int pairs = 0;
    List<String> failures = new ArrayList<>();
    try (Stream<Path> files = Files.list(corpus.resolve("expected"))) {
      for (Path file : files.sorted().toList()) {
        JsonNode expected = json.readTree(file.toFile());
        if (!expected.hasNonNull("compiled") || !Files.exists(corpus.resolve(expected.get("compiled").asText()))) {
          continue;
        }
        pairs++;
        Model source = TfliteReader.read(corpus.resolve(expected.get("model").asText()));
        Model compiled = TfliteReader.read(corpus.resolve(expected.get("compiled").asText()));
        LogTable log = expected.hasNonNull("log")
            ? LogTable.parse(Files.readString(corpus.resolve(expected.get("log").asText()))) : null;
        try {
          ObservedPair pair = ObservedPair.derive(source, compiled, log);
          List<String> got = pair.operators().stream().map(o -> o.placement().id()).toList();
          List<String> want = new ArrayList<>();
          expected.get("operators").forEach(o -> want.add(o.get("placement").asText()));
          if (!got.equals(want)) {
            failures.add(file.getFileName() + ": placements differ");
          }
          if (pair.edgeTpuCustomOps() != expected.path("edgetpu_custom_ops").asInt(-1)) {
            failures.add(file.getFileName() + ": " + pair.edgeTpuCustomOps() + " custom ops, expected "
                + expected.path("edgetpu_custom_ops"));
          }
          if (pair.multipleSubgraphs() != expected.path("multiple_subgraphs").asBoolean()) {
            failures.add(file.getFileName() + ": multiple subgraphs differ");
          }
        } catch (PairMismatchException e) {
          failures.add(file.getFileName() + ": " + e.getMessage());
        }
      }
    }
    System.out.println("verify derivation: " + (pairs - failures.size()) + "/" + pairs
        + " corpus pairs with a compiled model reproduced");
    assertTrue(pairs >= 20, "the corpus has its compiled models");
    assertEquals(List.of(), failures);
  }
}
