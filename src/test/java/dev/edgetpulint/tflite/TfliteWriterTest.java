package dev.edgetpulint.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.graph.EdgeTpuPackage;
import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.ModelReadException;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Quantization;
import dev.edgetpulint.graph.Span;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import dev.edgetpulint.graph.TensorType;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GraphBuilder -> TfliteWriter -> TfliteReader gives the same graph. */
class TfliteWriterTest {
  private static Model roundTrip(Model model) {
    byte[] bytes = TfliteWriter.write(model);
    Model read = TfliteReader.read(ByteBuffer.wrap(bytes), model.source());
    ModelAssertions.assertSameGraph(model, read, false);
    return read;
  }

  @Test
  void convWithDilationTwoByOne() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("input", TensorType.INT8, 1, 16, 16, 8);
    int w = g.constantFilled("weights", TensorType.INT8, new int[] {8, 3, 3, 8}, (byte) 3);
    int bias = g.int32Values("bias", 1, 2, 3, 4, 5, 6, 7, 8);
    int out = g.activation("output", TensorType.INT8, 1, 16, 16, 8);
    g.op("CONV_2D").inputs(in, w, bias).outputs(out).version(3)
        .option("padding", "SAME").option("stride_w", 1).option("stride_h", 1)
        .option("dilation_w_factor", 2).option("dilation_h_factor", 1)
        .option("fused_activation_function", "RELU6").add();
    Model read = roundTrip(g.inputs(in).outputs(out).build());
    Operator conv = read.mainSubgraph().operators().get(0);
    assertEquals("CONV_2D", conv.opName());
    assertEquals(3, conv.builtinCode());
    assertEquals(3, conv.version());
    assertEquals(2, conv.option("dilation_w_factor"));
    assertEquals(1, conv.option("dilation_h_factor"));
    assertEquals("SAME", conv.option("padding"));
    assertEquals("RELU6", conv.option("fused_activation_function"));
    Tensor weights = read.mainSubgraph().tensor(w);
    assertTrue(weights.isConstant());
    assertEquals(8 * 3 * 3 * 8, weights.data().byteLength());
    assertFalse(weights.data().isAllZero());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L),
        read.mainSubgraph().tensor(bias).data().values().orElseThrow().stream().map(Number::longValue).toList());
    assertTrue(read.mainSubgraph().tensor(w).data().fileOffset() > 0);
  }

  @Test
  void softmaxOfSixteenThousandAndOneElements() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("logits", TensorType.INT8, 1, 16001);
    int out = g.activation("probabilities", TensorType.INT8, 1, 16001);
    g.quantization(out, new Quantization(List.of(1f / 256), List.of(-128L), 0));
    g.op("SOFTMAX").inputs(in).outputs(out).option("beta", 1.0f).add();
    Model read = roundTrip(g.inputs(in).outputs(out).build());
    Tensor probabilities = read.mainSubgraph().tensor(out);
    assertEquals(16001L, probabilities.elementCount());
    assertEquals(List.of(-128L), probabilities.quantization().zeroPoint());
    assertEquals(1.0f, read.mainSubgraph().operators().get(0).option("beta"));
  }

  @Test
  void meanOverTheBatch() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("features", TensorType.INT8, 4, 8, 8, 16);
    int axis = g.int32Values("axis", 0);
    int out = g.activation("mean", TensorType.INT8, 8, 8, 16);
    g.op("MEAN").inputs(in, axis).outputs(out).version(2).option("keep_dims", false).add();
    Model read = roundTrip(g.inputs(in).outputs(out).build());
    Operator mean = read.mainSubgraph().operators().get(0);
    assertEquals("MEAN", mean.opName());
    assertEquals(false, mean.option("keep_dims"));
    assertArrayEquals(new long[] {0}, read.mainSubgraph().tensor(axis).data().longValues().orElseThrow());
  }

  @Test
  void builtinCodesAbove127AndCustomOps() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("x", TensorType.FLOAT32, 1, 4);
    int mid = g.activation("y", TensorType.FLOAT32, 1, 4);
    int out = g.activation("z", TensorType.FLOAT32, 1, 4);
    g.op("GELU").inputs(in).outputs(mid).option("approximate", true).add(); // code 150
    g.op("CUSTOM:TFLite_Detection_PostProcess").inputs(mid).outputs(out).add();
    Model read = roundTrip(g.inputs(in).outputs(out).build());
    Operator gelu = read.mainSubgraph().operators().get(0);
    assertEquals(150, gelu.builtinCode());
    assertEquals(true, gelu.option("approximate"));
    Operator custom = read.mainSubgraph().operators().get(1);
    assertTrue(custom.isCustom());
    assertEquals("CUSTOM:TFLite_Detection_PostProcess", custom.displayName());
  }

  @Test
  void unknownBuiltinCodeIsNamedByNumber() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("x", TensorType.FLOAT32, 4);
    int out = g.activation("y", TensorType.FLOAT32, 4);
    g.op("BUILTIN_250").inputs(in).outputs(out).add();
    Model read = roundTrip(g.inputs(in).outputs(out).build());
    assertEquals("BUILTIN_250", read.mainSubgraph().operators().get(0).opName());
    assertEquals(250, read.mainSubgraph().operators().get(0).builtinCode());
  }

  @Test
  void stablehloCompositeUsesBuiltinOptions2() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("x", TensorType.FLOAT32, 4);
    int out = g.activation("y", TensorType.FLOAT32, 4);
    g.op("STABLEHLO_COMPOSITE").inputs(in).outputs(out)
        .option("name", "odml.rms_norm").option("decomposition_subgraph_index", 1).add();
    Model read = roundTrip(g.inputs(in).outputs(out).build());
    Operator op = read.mainSubgraph().operators().get(0);
    assertEquals(206, op.builtinCode());
    assertEquals("odml.rms_norm", op.option("name"));
  }

  @Test
  void perAxisQuantizationShapeSignatureVariableAndSparsity() {
    GraphBuilder g = new GraphBuilder();
    int in = g.dynamicActivation("in", TensorType.INT8, new int[] {1, 4}, new int[] {-1, 4});
    int w = g.constant("w", TensorType.INT8, new int[] {3, 4});
    g.quantization(w, new Quantization(List.of(0.1f, 0.2f, 0.3f), List.of(0L, 0L, 0L), 0));
    int out = g.activation("out", TensorType.INT8, 1, 3);
    g.op("FULLY_CONNECTED").inputs(in, w, -1).outputs(out).option("keep_num_dims", true).add();
    Model model = g.inputs(in).outputs(out).build();
    Subgraph s = model.mainSubgraph();
    // Variable and sparse flags are not GraphBuilder knobs; set them on copies.
    Tensor sparse = s.tensors().get(w);
    Tensor outT = s.tensors().get(out);
    List<Tensor> tensors = List.of(s.tensors().get(in),
        new Tensor(w, "w", sparse.type(), sparse.shape(), null, sparse.quantization(), sparse.data(), false, true),
        new Tensor(out, "out", outT.type(), outT.shape(), null, outT.quantization(), null, true, false));
    Model edited = new Model("edited", 3, "d", List.of(new Subgraph(0, "main", tensors, s.operators(), s.inputs(),
        s.outputs())), List.of("min_runtime_version"), List.of("serving_default"), List.of(), Map.of());
    Model read = roundTrip(edited);
    Tensor rw = read.mainSubgraph().tensor(w);
    assertTrue(rw.quantization().isPerAxis());
    assertTrue(rw.sparse());
    assertTrue(read.mainSubgraph().tensor(out).variable());
    assertTrue(read.mainSubgraph().tensor(in).isDynamic());
    assertEquals(List.of(-1, 4), read.mainSubgraph().tensor(in).shapeSignature());
    // The omitted optional bias stays -1.
    assertEquals(List.of(in, w, -1), read.mainSubgraph().operators().get(0).inputs());
  }

  @Test
  void edgeTpuPackageRoundTrip() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("in", TensorType.UINT8, 1, 8);
    int out = g.activation("out", TensorType.UINT8, 1, 8);
    g.op("CUSTOM:edgetpu-custom-op").inputs(in).outputs(out).add();
    Model built = g.inputs(in).outputs(out).build();
    Model compiled = new Model(built.source(), 3, "", built.subgraphs(), List.of(), List.of(),
        List.of(new EdgeTpuPackage(0, 0, 13, "cl/343520747")), Map.of());
    Model read = roundTrip(compiled);
    assertTrue(read.isCompiled());
    assertEquals(List.of(new EdgeTpuPackage(0, 0, 13, "cl/343520747")), read.edgeTpuPackages());
  }

  @Test
  void spansCoverEveryOperatorAndTensor() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("in", TensorType.INT8, 1, 8);
    int out = g.activation("out", TensorType.INT8, 1, 8);
    g.op("RELU").inputs(in).outputs(out).add();
    byte[] bytes = TfliteWriter.write(g.inputs(in).outputs(out).build());
    Model read = TfliteReader.read(ByteBuffer.wrap(bytes), "spans");
    for (String key : List.of(Model.operatorLocation(0, 0), Model.tensorLocation(0, 0), Model.tensorLocation(0, 1))) {
      Span span = read.spans().get(key);
      assertTrue(span != null && span.hasBytes() && span.byteLength() > 0, key);
      assertTrue(span.byteOffset() + span.byteLength() <= bytes.length, key);
    }
  }

  @Test
  void unknownOptionNameIsAnError() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("in", TensorType.INT8, 1, 8, 8, 1);
    int out = g.activation("out", TensorType.INT8, 1, 8, 8, 1);
    g.op("CONV_2D").inputs(in).outputs(out).option("dilation", 2).add();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TfliteWriter.write(g.inputs(in).outputs(out).build()));
    assertTrue(e.getMessage().contains("dilation_w_factor"), e.getMessage());
  }

  @Test
  void sameModelSameBytes() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("in", TensorType.INT8, 1, 8, 8, 1);
    int out = g.activation("out", TensorType.INT8, 1, 4, 4, 1);
    g.op("MAX_POOL_2D").inputs(in).outputs(out).option("padding", "VALID").option("stride_w", 2)
        .option("stride_h", 2).option("filter_width", 2).option("filter_height", 2).add();
    Model model = g.inputs(in).outputs(out).build();
    assertArrayEquals(TfliteWriter.write(model), TfliteWriter.write(model));
  }

  @Test
  void everyCorpusModelSurvivesWriteAndRead() throws Exception {
    int written = 0;
    List<String> unwritable = new java.util.ArrayList<>();
    for (Path path : CorpusSupport.models()) {
      Model model;
      try {
        model = TfliteReader.read(path);
      } catch (ModelReadException refused) {
        continue;
      }
      byte[] bytes;
      try {
        bytes = TfliteWriter.write(model);
      } catch (IllegalArgumentException mismatch) {
        // A real file may give an op another op's options table (the union says which); the writer
        // picks the table from the op's name, so it cannot reproduce that file.
        unwritable.add(path.getFileName() + ": " + mismatch.getMessage());
        continue;
      }
      Model again = TfliteReader.read(ByteBuffer.wrap(bytes), model.source());
      ModelAssertions.assertSameGraph(model, again, true);
      written++;
    }
    System.out.println("corpus write/read round trip: " + written + " models, " + unwritable.size()
        + " with options the op's own table lacks");
    unwritable.forEach(u -> System.out.println("  " + u));
    assertTrue(written > 0);
    assertTrue(unwritable.size() * 50 < written, "the writer's op -> options table map disagrees too often");
  }
}
