package dev.edgetpulint.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgetpulint.cli.Main;
import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.CompilerPath;
import dev.edgetpulint.compiler.ExpectedPair;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.rules.RuleEngine;
import dev.edgetpulint.rules.RuleSet;
import dev.edgetpulint.service.LintEngine;
import dev.edgetpulint.service.LintService;
import dev.edgetpulint.service.RuleInfo;
import dev.edgetpulint.tflite.TfliteReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The verify command on the corpus's own pairs, mismatches, and the --write-expected round trip. */
class VerifyCommandTest {
  /** The real rules and compiler path behind the service. */
  static LintService service() {
    CompilerPath path = new CompilerPath(new RuleEngine(RuleSet.builtIn())::evaluate);
    LintEngine engine = new LintEngine() {
      @Override
      public ModelAnalysis analyze(Model model, AnalysisOptions options, List<Path> ruleDirs) {
        return path.analyze(model, options);
      }

      @Override
      public List<RuleInfo> rules(List<Path> ruleDirs) {
        return List.of();
      }
    };
    return new LintService(TfliteReader::read, engine);
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.commandLine(VerifyCommandTest::service);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  record CorpusPair(String id, Path model, Path compiled, Path log) {}

  static List<CorpusPair> compiledPairs() throws Exception {
    Path corpus = CorpusPairsTest.corpus();
    List<CorpusPair> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(corpus.resolve("expected"))) {
      for (Path file : files.sorted().toList()) {
        JsonNode e = new ObjectMapper().readTree(file.toFile());
        if (e.hasNonNull("compiled") && Files.exists(corpus.resolve(e.get("compiled").asText()))) {
          out.add(new CorpusPair(e.get("id").asText(), corpus.resolve(e.get("model").asText()),
              corpus.resolve(e.get("compiled").asText()),
              e.hasNonNull("log") ? corpus.resolve(e.get("log").asText()) : null));
        }
      }
    }
    return out;
  }

  static String[] verifyArgs(CorpusPair p, String... more) {
    List<String> args = new ArrayList<>(List.of("verify", p.model().toString(), p.compiled().toString()));
    if (p.log() != null) {
      args.add("--log");
      args.add(p.log().toString());
    }
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void everyCorpusPairWithACompiledModelIsVerified() throws Exception {
    int agree = 0;
    int judgedAtTheLogsRelease = 0;
    List<CorpusPair> pairs = compiledPairs();
    for (CorpusPair p : pairs) {
      Run r = run(verifyArgs(p));
      assertTrue(r.exit() == 0 || r.exit() == 1, p.id() + " -> " + r.exit() + ": " + r.err());
      assertTrue(r.out().contains((r.exit() == 0 ? "agree: " : "disagree: ")), r.out());
      if (p.log() != null && !r.out().contains("compiler unknown")) {
        assertTrue(r.out().contains(" operators with the status the log gives them"), r.out());
        // Judged with the rules of the release that wrote the log (1.0 to 16.0 in the corpus).
        String release = LogTable.parse(Files.readString(p.log())).compilerVersion().replaceFirst("^(\\d+\\.\\d+).*", "$1");
        assertTrue(r.out().contains("rules of compiler " + release + "\n"), r.out());
        judgedAtTheLogsRelease++;
      }
      agree += r.exit() == 0 ? 1 : 0;
    }
    System.out.println("verify: the prediction agrees with the compiler on " + agree + "/" + pairs.size()
        + " corpus pairs with a compiled model (" + judgedAtTheLogsRelease + " judged at their log's compiler)");
  }

  @Test
  void aPairThatDoesNotCorrespondExitsTwoWithOneLine() throws Exception {
    List<CorpusPair> pairs = compiledPairs();
    CorpusPair a = pairs.get(0);
    CorpusPair b = pairs.get(pairs.size() - 1);
    Run r = run("verify", a.model().toString(), b.compiled().toString());
    assertEquals(2, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("is not the compilation of"), r.err());
    Run notAModel = run("verify", a.log() == null ? "pom.xml" : a.log().toString(), a.compiled().toString());
    assertEquals(2, notAModel.exit());
    assertEquals(1, notAModel.err().strip().lines().count(), notAModel.err());
  }

  @Test
  void everyUnreadableInputIsNamedInOneRun(@TempDir Path dir) throws Exception {
    Path source = Files.write(dir.resolve("model.tflite"), new byte[] {1, 2, 3, 4});
    Path compiled = Files.write(dir.resolve("model_edgetpu.tflite"), new byte[0]);
    Path log = dir.resolve("missing.log");
    Run r = run("verify", source.toString(), compiled.toString(), "--log", log.toString());
    assertEquals(2, r.exit());
    assertEquals("edgetpu-lint: " + source + ": truncated: 4 bytes is too short for a TensorFlow Lite model\n"
        + "edgetpu-lint: " + compiled + ": empty file (0 bytes), not a TensorFlow Lite model\n"
        + "edgetpu-lint: " + log + ": no such file\n", r.err().replace(System.lineSeparator(), "\n"));
    assertEquals("", r.out());
  }

  @Test
  void aLogWithoutVersionOrTableIsRefused(@TempDir Path dir) throws Exception {
    Path log = Files.writeString(dir.resolve("notes.txt"), "compiled it yesterday\n");
    Run r = run("verify", dir.resolve("a.tflite").toString(), dir.resolve("b.tflite").toString(), "--log", log.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().endsWith("edgetpu-lint: " + log + ": not an edgetpu_compiler log (no version line, no operator table)"
        + System.lineSeparator()), r.err());
  }

  @Test
  void anUnknownCompilerIsAUsageErrorInOneLine() throws Exception {
    CorpusPair p = compiledPairs().get(0);
    Run r = run(verifyArgs(p, "--compiler", "9.9"));
    assertEquals(2, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("unknown edgetpu_compiler version '9.9'"), r.err());
  }

  @Test
  void writeExpectedRoundTripsThroughCheckExpected(@TempDir Path dir) throws Exception {
    List<CorpusPair> pairs = compiledPairs();
    for (CorpusPair p : pairs) {
      Run r = run(verifyArgs(p, "--write-expected", dir.toString()));
      assertTrue(r.exit() < 2, r.err());
    }
    // The written files carry the same placements as the corpus's own.
    Path corpus = CorpusPairsTest.corpus();
    for (ExpectedPair mine : ExpectedPair.readAll(dir.resolve("expected"), dir)) {
      ExpectedPair theirs = ExpectedPair.read(corpus.resolve("expected").resolve(mine.id() + ".json"), corpus);
      assertEquals(theirs.operators(), mine.operators(), mine.id());
      assertEquals(theirs.runtime(), mine.runtime(), mine.id());
      assertEquals(theirs.multipleSubgraphs(), mine.multipleSubgraphs(), mine.id());
      assertEquals(theirs.logTable(), mine.logTable(), mine.id());
      assertTrue(Files.exists(mine.model()), mine.model().toString());
    }
    Run check = run("check", "--expected", dir.toString());
    assertTrue(check.exit() == 0 || check.exit() == 1, check.err());
    assertTrue(check.out().startsWith("placement agreement: "), check.out());
    assertTrue(check.out().contains("/" + pairs.size() + " pairs exact"), check.out());
    System.out.println("check --expected over the written pairs: " + check.out().lines().findFirst().orElse(""));
  }
}
