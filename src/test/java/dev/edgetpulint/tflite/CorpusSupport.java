package dev.edgetpulint.tflite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Locates the shared corpus (system property edgetpulint.corpus) and skips when it is absent. */
final class CorpusSupport {
  private CorpusSupport() {}

  static Path corpus() {
    String property = System.getProperty("edgetpulint.corpus", "../shared/corpus");
    Path corpus = Path.of(property);
    Assumptions.assumeTrue(Files.isDirectory(corpus.resolve("models")), "corpus absent: " + corpus);
    return corpus;
  }

  static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.walk(corpus())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tflite")).sorted().toList();
    }
  }

  static Path model(String fileName) {
    Path p = corpus().resolve("models").resolve(fileName);
    Assumptions.assumeTrue(Files.isRegularFile(p), "corpus model absent: " + p);
    return p;
  }
}
