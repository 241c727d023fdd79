package dev.edgetpulint.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.ModelReadException;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import dev.edgetpulint.graph.TensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decoding checked by hand on real corpus models: values known from the published architectures
 * (MobileNet v1's first conv has stride 2, SAME padding and RELU6) or from the model's own purpose.
 */
class TfliteReaderCorpusTest {
  @Test
  void mobilenetV1ConvAndPoolOptions() {
    Model m = TfliteReader.read(CorpusSupport.model("coral__mobilenet_v1_0.25_128_quant.tflite"));
    assertEquals(3, m.schemaVersion());
    assertTrue(m.metadataNames().contains("min_runtime_version"), m.metadataNames().toString());
    assertFalse(m.isCompiled());
    Subgraph main = m.mainSubgraph();
    Operator first = main.operators().get(0);
    assertEquals("CONV_2D", first.opName());
    assertEquals(2, first.option("stride_w"));
    assertEquals(2, first.option("stride_h"));
    assertEquals("SAME", first.option("padding"));
    assertEquals("RELU6", first.option("fused_activation_function"));
    assertEquals(1, first.option("dilation_w_factor"));
    Tensor input = main.tensor(main.inputs().get(0));
    assertEquals(List.of(1, 128, 128, 3), input.shape());
    assertEquals(TensorType.UINT8, input.type());
    Operator pool = main.operators().stream().filter(o -> o.opName().equals("AVERAGE_POOL_2D")).findFirst().orElseThrow();
    assertEquals("VALID", pool.option("padding"));
    assertEquals(4, pool.option("filter_width"));
    Operator reshape = main.operators().stream().filter(o -> o.opName().equals("RESHAPE")).findFirst().orElseThrow();
    assertArrayEquals(new long[] {1, 1001}, main.tensor(reshape.inputs().get(1)).data().longValues().orElseThrow());
    Operator softmax = main.operators().get(main.operators().size() - 1);
    assertEquals("SOFTMAX", softmax.opName());
    assertEquals(1.0f, softmax.option("beta"));
    // Weights are views into the mapped file, with their offset in it.
    Tensor weights = main.tensor(first.inputs().get(1));
    assertTrue(weights.isConstant());
    assertTrue(weights.data().fileOffset() > 0);
    assertEquals(8 * 3 * 3 * 3, weights.data().byteLength());
    assertTrue(m.spans().get(Model.operatorLocation(0, 0)).hasBytes());
  }

  @Test
  void perAxisQuantizationOfTf2Weights() {
    Model m = TfliteReader.read(CorpusSupport.model("coral__tf2_mobilenet_v2_1.0_224_ptq.tflite"));
    Subgraph main = m.mainSubgraph();
    Operator conv = main.operators().stream().filter(o -> o.opName().equals("CONV_2D")).findFirst().orElseThrow();
    Tensor weights = main.tensor(conv.inputs().get(1));
    assertEquals(TensorType.INT8, weights.type());
    assertTrue(weights.quantization().isPerAxis());
    assertEquals(weights.shape().get(0), weights.quantization().scale().size());
    assertEquals(0, weights.quantization().quantizedDimension());
    assertEquals(3, conv.version());
  }

  @Test
  void builtinCodeAbove127() {
    Model m = TfliteReader.read(CorpusSupport.model("aeq__single_gelu.tflite"));
    Operator gelu = m.mainSubgraph().operators().get(0);
    assertEquals("GELU", gelu.opName());
    assertEquals(150, gelu.builtinCode());
    assertEquals(false, gelu.option("approximate"));
    assertEquals(List.of("serving_default"), m.signatureKeys());
  }

  @Test
  void builtinOptions2OfAComposite() {
    Model m = TfliteReader.read(CorpusSupport.model("aeq__sdpa_composite.tflite"));
    Operator composite = m.mainSubgraph().operators().stream()
        .filter(o -> o.opName().equals("STABLEHLO_COMPOSITE")).findFirst().orElseThrow();
    assertEquals(206, composite.builtinCode());
    assertEquals("odml.scaled_dot_product_attention", composite.option("name"));
    int decomposition = (Integer) composite.option("decomposition_subgraph_index");
    assertTrue(decomposition > 0 && decomposition < m.subgraphs().size());
  }

  @Test
  void dynamicShapeSignature() {
    Model m = TfliteReader.read(CorpusSupport.model("litert__dynamic_shapes.tflite"));
    assertTrue(m.mainSubgraph().tensors().stream().anyMatch(Tensor::isDynamic));
    Tensor dynamic = m.mainSubgraph().tensors().stream().filter(Tensor::isDynamic).findFirst().orElseThrow();
    assertEquals(dynamic.shape().size(), dynamic.shapeSignature().size());
    assertTrue(dynamic.shapeSignature().contains(-1));
  }

  @Test
  void sparsityAndCustomOp() {
    Model m = TfliteReader.read(CorpusSupport.model("litert__sparse_tensor.tflite"));
    assertTrue(m.mainSubgraph().tensors().stream().anyMatch(Tensor::sparse));
    Operator op = m.mainSubgraph().operators().get(0);
    assertTrue(op.isCustom());
    assertEquals(32, op.builtinCode());
  }

  @Test
  void signaturesAndSubgraphs() {
    Model m = TfliteReader.read(CorpusSupport.model("litert__multi_signatures.tflite"));
    assertEquals(List.of("add", "sub"), m.signatureKeys());
    assertEquals(2, m.subgraphs().size());
    assertEquals("sub", m.subgraphs().get(1).name());
    Model loop = TfliteReader.read(CorpusSupport.model("litert__multi_subgraphs_while.tflite"));
    Operator whileOp = loop.mainSubgraph().operators().get(0);
    assertEquals("WHILE", whileOp.opName());
    assertEquals(1, whileOp.option("cond_subgraph_index"));
    assertEquals(2, whileOp.option("body_subgraph_index"));
    assertEquals("while_body", loop.subgraphs().get(2).name());
  }

  @Test
  void compiledModelSaysWhichOpsStayOnTheCpu() {
    Model m = TfliteReader.read(CorpusSupport.model("coral__split_concat_edgetpu.tflite"));
    assertTrue(m.isCompiled());
    assertEquals(1, m.edgeTpuPackages().size());
    assertEquals(13, m.edgeTpuPackages().get(0).minRuntimeVersion());
    assertEquals("cl/343520747", m.edgeTpuPackages().get(0).compilerVersion());
    Operator custom = m.mainSubgraph().operators().get(m.edgeTpuPackages().get(0).operator());
    assertEquals("CUSTOM:edgetpu-custom-op", custom.displayName());
    assertNull(m.mainSubgraph().operators().stream().filter(o -> !o.isCustom()).findFirst().orElse(null));
  }

  @Test
  void malformedFuzzSeedIsRefusedWithTheReason() {
    ModelReadException e = assertThrows(ModelReadException.class,
        () -> TfliteReader.read(CorpusSupport.model("tflm__fuzz_int32_max_dim.tflite")));
    assertTrue(e.getMessage().startsWith("corrupt or truncated TensorFlow Lite model"), e.getMessage());
    assertTrue(e.getMessage().contains("subgraphs[0].operators[0]"), e.getMessage());
  }
}
