package dev.edgetpulint.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed samples equal what SampleModels generates now, so they cannot rot. */
class SampleModelsTest {
  private static final Path SAMPLES = Path.of("samples");

  @Test
  void committedSamplesAreUpToDate() throws Exception {
    if (Boolean.getBoolean("edgetpulint.writeSamples")) {
      SampleModels.writeAll(SAMPLES);
    }
    for (Map.Entry<String, Model> e : SampleModels.all().entrySet()) {
      Path file = SAMPLES.resolve(e.getKey());
      assertTrue(Files.isRegularFile(file), file + " missing; regenerate with -Dedgetpulint.writeSamples=true");
      assertArrayEquals(TfliteWriter.write(e.getValue()), Files.readAllBytes(file),
          file + " is stale; regenerate with -Dedgetpulint.writeSamples=true");
      Model read = TfliteReader.read(file);
      ModelAssertions.assertSameGraph(e.getValue(), read, false);
    }
  }

  @Test
  void problemSampleHasTheThreeProblems() throws Exception {
    Model m = TfliteReader.read(SAMPLES.resolve("int8_problems.tflite"));
    Operator conv = m.mainSubgraph().operators().get(0);
    assertEquals(2, conv.option("dilation_w_factor"));
    assertEquals(1, conv.option("dilation_h_factor"));
    assertEquals("LEAKY_RELU", m.mainSubgraph().operators().get(1).opName());
    Operator mean = m.mainSubgraph().operators().get(2);
    assertEquals("MEAN", mean.opName());
    Tensor axis = m.mainSubgraph().tensor(mean.inputs().get(1));
    assertArrayEquals(new long[] {3}, axis.data().longValues().orElseThrow());
    assertEquals(6, m.mainSubgraph().tensor(mean.inputs().get(0)).shape().get(3));
  }

  @Test
  void convNetSampleIsFullyInt8() throws Exception {
    Model m = TfliteReader.read(SAMPLES.resolve("int8_convnet.tflite"));
    for (Tensor t : m.mainSubgraph().tensors()) {
      assertTrue(t.type().isEightBitInteger() || t.type() == dev.edgetpulint.graph.TensorType.INT32, t.name());
      assertTrue(t.isConstant() || t.rank() <= 3 || t.shape().get(0) == 1, t.name());
    }
    assertEquals(7, m.mainSubgraph().operators().size());
  }
}
