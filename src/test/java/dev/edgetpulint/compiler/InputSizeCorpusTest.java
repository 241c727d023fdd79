package dev.edgetpulint.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.edgetpulint.description.DescriptionReader;
import dev.edgetpulint.description.DescriptionWriter;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.rules.RuleEngine;
import dev.edgetpulint.rules.RuleSet;
import dev.edgetpulint.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Size-dependent mapping (issue 4): the real yolov8n at 640 px is cut where its detection head's
 * tensors grow too large for the compiler, and the same graph maps fully at 128 and 192 px. The smaller
 * graphs are the 640 px model's description with every spatial size and anchor count scaled. Only the
 * shapes are scaled; the values of its shape and size constants are left alone (scaling them too gives
 * the same placements, checked by hand).
 */
class InputSizeCorpusTest {
  private static final String YOLOV8N_640 = "maxwellhogan-coralwifi__yolov8n_640_full_integer_quant.tflite";
  private static final Pattern SHAPE = Pattern.compile("(shape(?:_signature)?): \\[([0-9, -]+)\\]");

  private static Model yolov8n640() {
    Path corpus = Path.of(System.getProperty("edgetpulint.corpus", "../shared/corpus"));
    Path file = corpus.resolve("models").resolve(YOLOV8N_640);
    Assumptions.assumeTrue(Files.exists(file), "corpus model not present: " + YOLOV8N_640);
    return TfliteReader.read(file);
  }

  private static ModelAnalysis analyze(Model model) {
    CompilerPath path = new CompilerPath(new RuleEngine(RuleSet.builtIn())::evaluate);
    return path.analyze(model, new AnalysisOptions(14, false));
  }

  @Test
  void at640PixelsTheDetectionHeadIsCut() {
    ModelAnalysis analysis = analyze(yolov8n640());
    assertEquals(25, analysis.cpuCount(), "the corpus pair: 230 ops on the Edge TPU, 25 on the CPU");
    Placement first = analysis.placements().stream().filter(p -> p.target() == Target.CPU).findFirst().orElseThrow();
    assertEquals("TRANSPOSE", first.op());
  }

  @ParameterizedTest
  @ValueSource(ints = {128, 192})
  void smallerInputsMapFully(int size) {
    Model model = DescriptionReader.parse(scaled(DescriptionWriter.write(yolov8n640()), size), "yolov8n_" + size);
    ModelAnalysis analysis = analyze(model);
    assertEquals(0, analysis.cpuCount(), () -> analysis.placements().stream()
        .filter(p -> p.target() == Target.CPU).map(p -> p.index() + " " + p.op() + ": " + p.status())
        .collect(Collectors.joining("\n")));
    assertEquals(255, analysis.edgeTpuCount());
  }

  @Test
  void scalingChangesTheShapesItShould() {
    String text = "{name: a, shape: [1, 80, 80, 80]}\n{name: b, shape: [1, 80, 8400]}\n"
        + "{name: c, shape: [1, 82, 82, 64]}\n{name: d, shape: [1, 144, 20, 20]}\n{name: e, shape: [80, 3, 3, 80]}\n";
    String scaled = scaled(text, 192);
    assertEquals("{name: a, shape: [1, 24, 24, 80]}\n{name: b, shape: [1, 80, 756]}\n"
        + "{name: c, shape: [1, 26, 26, 64]}\n{name: d, shape: [1, 144, 6, 6]}\n{name: e, shape: [80, 3, 3, 80]}\n", scaled);
    assertNotEquals(text, scaled);
  }

  /**
   * {@code description} (of the 640 px model) at {@code size} px: in a 4-D shape, the first pair of equal
   * neighbouring dimensions that is a feature-map size (640 / 2^k, or 2 more after a PAD) is the height
   * and width; anywhere after the batch, a count of anchors (a feature map's cells, or all three maps'
   * 8,400) is scaled too. Channel counts, 80 classes included, stay.
   */
  static String scaled(String description, int size) {
    Map<Integer, Integer> spatial = new HashMap<>();
    for (int k = 0; k <= 5; k++) {
      spatial.put(640 >> k, size >> k);
      spatial.put((640 >> k) + 2, (size >> k) + 2);
    }
    int p8 = square(size / 8);
    int p16 = square(size / 16);
    int p32 = square(size / 32);
    Map<Integer, Integer> anchors = Map.of(8400, p8 + p16 + p32, 6400, p8, 1600, p16, 400, p32);
    Matcher m = SHAPE.matcher(description);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int[] dims = Arrays.stream(m.group(2).split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
      if (dims.length == 4) {
        for (int i = 1; i <= 2; i++) {
          Integer scaledSize = spatial.get(dims[i]);
          if (dims[i] == dims[i + 1] && scaledSize != null) {
            dims[i] = scaledSize;
            dims[i + 1] = scaledSize;
            break;
          }
        }
      }
      for (int i = 1; i < dims.length; i++) {
        dims[i] = anchors.getOrDefault(dims[i], dims[i]);
      }
      String joined = Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(", "));
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + ": [" + joined + "]"));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static int square(int n) {
    return n * n;
  }
}
