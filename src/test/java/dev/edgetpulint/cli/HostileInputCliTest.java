package dev.edgetpulint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.TensorType;
import dev.edgetpulint.service.StandardServices;
import dev.edgetpulint.tflite.TfliteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs through the real command line (issue 9): each bad input gets a one-line message
 * naming the file, the run exits 2, no stack trace is printed, and every other input of the run is
 * still judged.
 */
class HostileInputCliTest {
  @TempDir
  Path dir;

  private static byte[] goodModel() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("in", TensorType.INT8, 1, 8, 8, 4);
    int w = g.constantFilled("w", TensorType.INT8, new int[] {4, 3, 3, 4}, (byte) 1);
    int bias = g.int32Values("bias", 1, 2, 3, 4);
    int mid = g.activation("mid", TensorType.INT8, 1, 8, 8, 4);
    g.op("CONV_2D").inputs(in, w, bias).outputs(mid).option("padding", "SAME").option("stride_w", 1)
        .option("stride_h", 1).add();
    int axes = g.int32Values("axes", 1, 2);
    int out = g.activation("out", TensorType.INT8, 1, 4);
    g.op("MEAN").inputs(mid, axes).outputs(out).add();
    Model model = g.inputs(in).outputs(out).build();
    return TfliteWriter.write(model);
  }

  private CliRunner.Result check(String... paths) {
    List<String> args = new ArrayList<>(List.of("check"));
    args.addAll(List.of(paths));
    return CliRunner.run(StandardServices::lintService, args.toArray(String[]::new));
  }

  /** The output names {@code file} on a line of its own that reports an error, on one line. */
  private static void assertOneLineErrorNaming(CliRunner.Result result, Path file) {
    String all = result.out() + result.err();
    String name = file.getFileName().toString();
    boolean found = all.lines().anyMatch(line -> line.contains(name) && line.contains("error"));
    assertTrue(found, "no error line names " + name + " in:\n" + all);
  }

  private static void assertNoStackTrace(CliRunner.Result result) {
    String all = result.out() + result.err();
    assertFalse(all.contains("\tat ") || all.contains("Exception in thread") || all.matches("(?s).*\\bat [a-z]+\\.[a-z].*\\(.*\\.java:\\d+\\).*"),
        "stack trace printed:\n" + all);
  }

  private void assertGoodStillJudged(CliRunner.Result result, Path good) {
    assertTrue(result.out().contains("Checked "), result.out());
    assertFalse(result.out().contains("Checked 0 models"), "the good model was not judged:\n" + result.out());
    assertFalse((result.out() + result.err()).lines().anyMatch(l -> l.contains(good.getFileName().toString()) && l.contains("error:")
        && l.contains("cannot")), "the good model was refused:\n" + result.out());
  }

  @Test
  void eachBrokenFileIsOneErrorAndTheGoodOneIsStillJudged() throws IOException {
    byte[] model = goodModel();
    Path good = Files.write(dir.resolve("good.tflite"), model);
    Path truncated = Files.write(dir.resolve("truncated.tflite"), Arrays.copyOf(model, model.length / 3));
    Path empty = Files.write(dir.resolve("empty.tflite"), new byte[0]);
    Path tiny = Files.write(dir.resolve("tiny.tflite"), new byte[] {1, 2, 3});
    byte[] wrongId = model.clone();
    wrongId[4] = 'X';
    Path foreign = Files.write(dir.resolve("wrong-identifier.tflite"), wrongId);
    Path jpeg = Files.write(dir.resolve("photo.tflite"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1});
    Path text = Files.writeString(dir.resolve("notes.tflite"), "this is not a model\n");
    Path badYaml = Files.writeString(dir.resolve("broken.tflite.yaml"), "format: [unclosed\n");

    CliRunner.Result result = check(dir.toString());

    assertEquals(2, result.exitCode(), result.out() + result.err());
    for (Path bad : List.of(truncated, empty, tiny, foreign, jpeg, text, badYaml)) {
      assertOneLineErrorNaming(result, bad);
    }
    assertGoodStillJudged(result, good);
    assertNoStackTrace(result);
  }

  @Test
  void bitFlipsNeverCrashTheRun() throws IOException {
    byte[] model = goodModel();
    Random random = new Random(9);
    List<Path> flipped = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      byte[] copy = model.clone();
      for (int flips = 0; flips < 1 + i % 4; flips++) {
        int at = random.nextInt(copy.length);
        copy[at] ^= (byte) (1 << random.nextInt(8));
      }
      flipped.add(Files.write(dir.resolve(String.format("flip-%02d.tflite", i)), copy));
    }
    Path good = Files.write(dir.resolve("zz-good.tflite"), model);

    CliRunner.Result result = check(dir.toString());

    assertTrue(result.exitCode() <= 2, "exit " + result.exitCode());
    assertNoStackTrace(result);
    assertGoodStillJudged(result, good);
    // Every flipped file is accounted for: judged (named in the report) or refused on one line.
    String all = result.out() + result.err();
    for (Path file : flipped) {
      assertTrue(all.contains(file.getFileName().toString()) || result.out().contains("Checked 41 models"),
          file.getFileName() + " neither judged nor refused");
    }
  }

  @Test
  void directoriesAndMissingFilesGivenByNameAreErrors() throws IOException {
    Path good = Files.write(dir.resolve("good.tflite"), goodModel());
    Path emptyDir = Files.createDirectory(dir.resolve("nothing-here"));
    Path missing = dir.resolve("missing.tflite");

    CliRunner.Result result = check(good.toString(), emptyDir.toString(), missing.toString());

    assertEquals(2, result.exitCode(), result.out() + result.err());
    assertOneLineErrorNaming(result, emptyDir);
    assertOneLineErrorNaming(result, missing);
    assertGoodStillJudged(result, good);
    assertNoStackTrace(result);
  }

  @Test
  void symlinkLoopsAndDanglingLinksAreErrorsNotHangs() throws IOException {
    Path good = Files.write(dir.resolve("good.tflite"), goodModel());
    Path a = dir.resolve("loop-a.tflite");
    Path b = dir.resolve("loop-b.tflite");
    try {
      Files.createSymbolicLink(a, b.getFileName());
      Files.createSymbolicLink(b, a.getFileName());
      Files.createSymbolicLink(dir.resolve("dangling.tflite"), dir.resolve("gone.tflite"));
      Files.createSymbolicLink(dir.resolve("up"), Path.of(".."));
    } catch (UnsupportedOperationException | IOException e) {
      Assumptions.abort("no symbolic links here: " + e.getMessage());
    }

    CliRunner.Result walked = check(dir.toString());
    assertEquals(2, walked.exitCode(), walked.out() + walked.err());
    assertOneLineErrorNaming(walked, a);
    assertOneLineErrorNaming(walked, dir.resolve("dangling.tflite"));
    assertGoodStillJudged(walked, good);
    assertNoStackTrace(walked);

    CliRunner.Result named = check(a.toString(), good.toString());
    assertEquals(2, named.exitCode(), named.out() + named.err());
    assertOneLineErrorNaming(named, a);
    assertGoodStillJudged(named, good);
    assertNoStackTrace(named);
  }

  @Test
  void unreadableFileIsAnError() throws IOException {
    Path good = Files.write(dir.resolve("good.tflite"), goodModel());
    Path locked = Files.write(dir.resolve("locked.tflite"), goodModel());
    assertTrue(locked.toFile().setReadable(false, false));
    Assumptions.assumeFalse(Files.isReadable(locked), "running as a user who reads every file (root)");

    CliRunner.Result result = check(dir.toString());

    assertEquals(2, result.exitCode(), result.out() + result.err());
    assertOneLineErrorNaming(result, locked);
    assertGoodStillJudged(result, good);
    assertNoStackTrace(result);
  }
}
