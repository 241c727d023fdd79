package dev.edgetpulint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.description.DescriptionReader;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.tflite.TfliteReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DescribeCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new DescribeCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private static Path smallestCorpusModel() throws Exception {
    Path models = Path.of(System.getProperty("edgetpulint.corpus", "../shared/corpus"), "models");
    Assumptions.assumeTrue(Files.isDirectory(models), "corpus absent");
    try (Stream<Path> files = Files.list(models)) {
      List<Path> candidates = files.filter(p -> p.toString().endsWith(".tflite")).sorted().toList();
      for (Path p : candidates) {
        try {
          if (TfliteReader.read(p).mainSubgraph().operators().size() >= 3) {
            return p;
          }
        } catch (RuntimeException e) {
          // Unreadable corpus files are the reader's tests' business.
        }
      }
    }
    Assumptions.abort("no readable corpus model with operators");
    return null;
  }

  @Test
  void writesADescriptionThatReadsBackAsTheSameGraph(@TempDir Path dir) throws Exception {
    Path model = smallestCorpusModel();
    Path output = dir.resolve("model.tflite.yaml");
    assertEquals(0, run(model.toString(), "-o", output.toString()), err.toString());
    assertEquals("", out.toString());
    Model original = TfliteReader.read(model);
    Model back = DescriptionReader.read(output);
    assertEquals(original.mainSubgraph().operators().size(), back.mainSubgraph().operators().size());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(output), files.toList(), "no temporary file left behind");
    }
  }

  @Test
  void writesToStandardOutputWithoutDashO() throws Exception {
    Path model = smallestCorpusModel();
    assertEquals(0, run(model.toString()));
    assertTrue(out.toString().contains("format: edgetpu-lint/description/v1"), out.toString());
  }

  @Test
  void unreadableInputIsOneLineAndExitCode2(@TempDir Path dir) throws Exception {
    Path junk = dir.resolve("junk.tflite");
    Files.writeString(junk, "not a model at all");
    assertEquals(2, run(junk.toString()));
    assertTrue(err.toString().startsWith("edgetpu-lint: " + junk + ": "), err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());

    Path badYaml = dir.resolve("bad.tflite.yaml");
    Files.writeString(badYaml, "format: edgetpu-lint/description/v1\nsubgraphs:\n  - tensors: []\n    operators: [{op: NOPE}]\n");
    StringWriter before = new StringWriter();
    err.getBuffer().setLength(0);
    assertEquals(2, run(badYaml.toString()));
    assertTrue(err.toString().startsWith("edgetpu-lint: " + badYaml + ":4:"), err.toString() + before);
  }

  @Test
  void missingOutputDirectoryIsAnError(@TempDir Path dir) throws Exception {
    Path model = smallestCorpusModel();
    assertEquals(2, run(model.toString(), "-o", dir.resolve("no/such/dir/x.yaml").toString()));
    assertTrue(err.toString().contains("cannot write"), err.toString());
  }
}
