package dev.edgetpulint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.description.DescriptionReader;
import dev.edgetpulint.description.DescriptionWriter;
import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.TensorType;
import dev.edgetpulint.service.LintOptions;
import dev.edgetpulint.service.LintRun;
import dev.edgetpulint.service.LintService;
import dev.edgetpulint.service.ModelReport;
import dev.edgetpulint.service.StandardModelLoader;
import dev.edgetpulint.service.TestEngine;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text report prints a rule's fix once per model: a float model gets the same error, with the
 * same fix, at every operator. Later findings point back to the first.
 */
class RepeatedFixTest {
  /** Three float CONV_2D in a chain: the test engine's float rule fires at each. */
  private static Model floatChain(String source) {
    GraphBuilder g = new GraphBuilder().source(source);
    int x = g.activation("x", TensorType.FLOAT32, 1, 8, 8, 4);
    int w = g.constantFilled("w", TensorType.FLOAT32, new int[] {4, 1, 1, 4}, (byte) 1);
    int y = g.activation("y", TensorType.FLOAT32, 1, 8, 8, 4);
    int z = g.activation("z", TensorType.FLOAT32, 1, 8, 8, 4);
    int v = g.activation("v", TensorType.FLOAT32, 1, 8, 8, 4);
    g.op("CONV_2D").inputs(x, w).outputs(y).add();
    g.op("CONV_2D").inputs(y, w).outputs(z).add();
    g.op("CONV_2D").inputs(z, w).outputs(v).add();
    return g.inputs(x).outputs(v).build();
  }

  private static List<String> fixAndLinkLines(Model model, String path) throws Exception {
    LintService service = new LintService(new StandardModelLoader(), new TestEngine());
    LintOptions options = new LintOptions(13, false, List.of(), null, null, ReportFixtures.ROOT);
    ModelReport report = service.analyze(model, ReportFixtures.ROOT.resolve(path), ReportFixtures.HASH_A, options);
    StringWriter out = new StringWriter();
    new TextReport().write(new LintRun(List.of(report), List.of(), List.of()), ReportFixtures.context(), out);
    List<String> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (line.startsWith("    fix:") || line.startsWith("    see:")) {
        lines.add(line.trim());
      }
    }
    return lines;
  }

  @Test
  void aBinaryModelsRepeatedFixPointsToTheFirstOperator() throws Exception {
    assertEquals(List.of(
        "fix: quantize the model to int8",
        "see: https://example.invalid/rules/TEST-FLOAT-TENSOR",
        "fix: as for subgraphs[0].operators[0] above",
        "fix: as for subgraphs[0].operators[0] above"), fixAndLinkLines(floatChain("models/f.tflite"), "models/f.tflite"));
  }

  @Test
  void aDescriptionsRepeatedFixPointsToTheFirstLine() throws Exception {
    Model description = DescriptionReader.parse(DescriptionWriter.write(floatChain("models/f.tflite.yaml")), "models/f.tflite.yaml");
    List<String> lines = fixAndLinkLines(description, "models/f.tflite.yaml");
    assertEquals(4, lines.size(), lines.toString());
    assertEquals("fix: quantize the model to int8", lines.get(0));
    String pointer = lines.get(2);
    assertEquals(pointer, lines.get(3));
    assertTrue(pointer.matches("fix: as for line \\d+ above"), pointer);
  }
}
