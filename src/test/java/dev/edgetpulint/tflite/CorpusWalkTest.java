package dev.edgetpulint.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.ModelReadException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Reads every .tflite of the shared corpus: each is read or refused with a one-line reason. */
class CorpusWalkTest {
  @Test
  void everyCorpusModelIsReadOrRefusedWithAReason() throws Exception {
    List<Path> models = CorpusSupport.models();
    assertFalse(models.isEmpty());
    int read = 0;
    int operators = 0;
    int tensors = 0;
    Map<String, String> refused = new TreeMap<>();
    List<String> unexpected = new ArrayList<>();
    long start = System.nanoTime();
    for (Path path : models) {
      try {
        Model model = TfliteReader.read(path);
        read++;
        operators += model.subgraphs().stream().mapToInt(s -> s.operators().size()).sum();
        tensors += model.subgraphs().stream().mapToInt(s -> s.tensors().size()).sum();
      } catch (ModelReadException e) {
        assertFalse(e.getMessage().contains("\n"), "one-line reason");
        assertEquals(path.toString(), e.source());
        refused.put(path.getFileName().toString(), e.getMessage());
      } catch (RuntimeException | Error e) {
        unexpected.add(path.getFileName() + ": " + e);
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("corpus walk: %d files, %d read (%d subgraph operators, %d tensors), %d refused, in %d ms%n",
        models.size(), read, operators, tensors, refused.size(), millis);
    refused.forEach((file, reason) -> System.out.println("  refused " + file + ": " + reason));
    unexpected.forEach(u -> System.out.println("  UNEXPECTED " + u));
    assertTrue(unexpected.isEmpty(), "unexpected exception types: " + unexpected);
    assertEquals(models.size(), read + refused.size());
  }
}
