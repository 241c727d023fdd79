package dev.edgetpulint.description;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.graph.ConstantData;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Quantization;
import dev.edgetpulint.graph.Span;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import dev.edgetpulint.graph.TensorType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptionReaderTest {
  static final String EXAMPLE = """
      format: edgetpu-lint/description/v1
      subgraphs:
        - name: main
          inputs: [input]
          outputs: [conv]
          tensors:
            - {name: input, type: INT8, shape: [1, 8, 8, 16], quantization: {scale: [0.05], zero_point: [0]}}
            - {name: filter, type: INT8, shape: [16, 3, 3, 16], constant: true}
            - {name: bias, type: INT32, shape: [16], constant: true}
            - {name: axes, type: INT32, shape: [2], values: [1, 2]}
            - {name: zeros, type: INT8, shape: [1, 8, 8, 4], constant: zeros}
            - {name: conv, type: INT8, shape: [1, 8, 8, 16], shape_signature: [-1, 8, 8, 16]}
            - {name: post, type: FLOAT32, shape: [1, 10]}
          operators:
            - {op: CONV_2D, version: 1, inputs: [input, filter, bias], outputs: [conv], options: {padding: SAME, stride_w: 1, stride_h: 1, dilation_w_factor: 2, dilation_h_factor: 1, fused_activation_function: NONE}}
            - {op: "CUSTOM:TFLite_Detection_PostProcess", inputs: [conv, null], outputs: [post]}
      """;

  @Test
  void aMisspeltOptionIsAProblemWithTheClosestName() {
    String text = EXAMPLE.replace("dilation_w_factor: 2", "dilation_w_factr: 2");
    DescriptionException e = assertThrows(DescriptionException.class, () -> DescriptionReader.parse(text, "m.yaml"));
    assertEquals("m.yaml:15:134: operator 0 (CONV_2D): unknown option 'dilation_w_factr' (did you mean "
        + "'dilation_w_factor'? Conv2DOptions has padding, stride_w, stride_h, fused_activation_function, "
        + "dilation_w_factor, dilation_h_factor, quantized_bias_type)", e.describe());
  }

  @Test
  void anOptionOfAnotherOperatorsTableIsKeptAsARealFileCanCarryIt() throws Exception {
    // Real files sometimes carry another table than the operator's (the corpus has SEGMENT_SUM with
    // AddOptions); the description of such a file must read back.
    Model model = DescriptionReader.parse(EXAMPLE.replace("fused_activation_function: NONE}",
        "fused_activation_function: NONE, keep_dims: true}"), "m.yaml");
    assertEquals(true, model.mainSubgraph().operators().get(0).options().get("keep_dims"));
  }

  @Test
  void readsTheAgreedExample() throws Exception {
    Model model = DescriptionReader.parse(EXAMPLE, "example.tflite.yaml");
    assertEquals("example.tflite.yaml", model.source());
    assertEquals(3, model.schemaVersion());
    Subgraph main = model.mainSubgraph();
    assertEquals("main", main.name());
    assertEquals(List.of(0), main.inputs());
    assertEquals(List.of(5), main.outputs());

    Tensor input = main.tensor(0);
    assertEquals(TensorType.INT8, input.type());
    assertEquals(List.of(1, 8, 8, 16), input.shape());
    assertEquals(List.of(0.05f), input.quantization().scale());
    assertFalse(input.isConstant());

    Tensor filter = main.tensor(1);
    assertTrue(filter.isConstant());
    assertFalse(filter.data().isAllZero());
    assertEquals(16 * 3 * 3 * 16, filter.data().byteLength());
    assertEquals(16 * 4, main.tensor(2).data().byteLength());
    assertEquals(List.of(1L, 2L), List.of(main.tensor(3).data().longValues().orElseThrow()[0],
        main.tensor(3).data().longValues().orElseThrow()[1]));
    assertTrue(main.tensor(4).data().isAllZero());
    assertEquals(256, main.tensor(4).data().byteLength());
    assertEquals(List.of(-1, 8, 8, 16), main.tensor(5).shapeSignature());
    assertTrue(main.tensor(5).isDynamic());
    assertEquals(List.of(1, 10), main.tensor(6).shapeSignature());

    Operator conv = main.operators().get(0);
    assertEquals("CONV_2D", conv.opName());
    assertEquals(3, conv.builtinCode());
    assertEquals(List.of(0, 1, 2), conv.inputs());
    assertEquals(2, conv.option("dilation_w_factor"));
    assertEquals("SAME", conv.option("padding"));
    assertEquals("NONE", conv.option("fused_activation_function"));

    Operator custom = main.operators().get(1);
    assertTrue(custom.isCustom());
    assertEquals("CUSTOM:TFLite_Detection_PostProcess", custom.displayName());
    assertEquals(List.of(5, -1), custom.inputs());
  }

  @Test
  void everyOperatorAndTensorHasALineSpan() throws Exception {
    Model model = DescriptionReader.parse(EXAMPLE, "example.tflite.yaml");
    Span conv = model.spans().get(Model.operatorLocation(0, 0));
    assertEquals(15, conv.startLine());
    assertEquals(9, conv.startColumn());
    assertEquals(15, conv.endLine());
    assertEquals(16, model.spans().get(Model.operatorLocation(0, 1)).startLine());
    for (int t = 0; t < 7; t++) {
      assertEquals(7 + t, model.spans().get(Model.tensorLocation(0, t)).startLine());
    }
    assertTrue(model.spans().get("subgraphs[0]").hasLines());
  }

  @Test
  void defaultQuantizationFor8BitTensorsAndExplicitNone() throws Exception {
    Model model = DescriptionReader.parse("""
        format: edgetpu-lint/description/v1
        subgraphs:
          - tensors:
              - {name: a, type: UINT8, shape: [1]}
              - {name: b, type: INT8, shape: [1], quantization: none}
              - {name: c, type: FLOAT32, shape: [1]}
              - {name: d, type: INT8, shape: [4], quantization: {scale: [0.1, 0.2, 0.3, 0.4], quantized_dimension: 0}}
            operators: []
        """, "q.tflite.yaml");
    Subgraph g = model.mainSubgraph();
    assertEquals(new Quantization(List.of(0.05f), List.of(0L), 0), g.tensor(0).quantization());
    assertFalse(g.tensor(1).quantization().isPresent());
    assertFalse(g.tensor(2).quantization().isPresent());
    assertTrue(g.tensor(3).quantization().isPerAxis());
    assertEquals(List.of(0L, 0L, 0L, 0L), g.tensor(3).quantization().zeroPoint());
  }

  @Test
  void unknownTensorPointsAtLineAndColumn() {
    String text = EXAMPLE.replace("inputs: [input, filter, bias]", "inputs: [input, filter, conv9]");
    DescriptionException e = assertThrows(DescriptionException.class,
        () -> DescriptionReader.parse(text, "model.tflite.yaml"));
    assertEquals("model.tflite.yaml:15:59: operator 0 (CONV_2D) reads tensor 'conv9', which is not declared",
        e.describe());
  }

  @Test
  void unknownOperatorSuggestsTheNearestName() {
    String text = EXAMPLE.replace("op: CONV_2D", "op: CONV2D");
    DescriptionException e = assertThrows(DescriptionException.class, () -> DescriptionReader.parse(text, "m.yaml"));
    assertEquals("m.yaml:15:14: operator 0: unknown operator 'CONV2D'; did you mean CONV_2D?", e.describe());
  }

  @Test
  void schemaViolationsPointAtTheOffendingValue() {
    String text = EXAMPLE.replace("{name: bias, type: INT32", "{name: bias, type: INT33");
    DescriptionException e = assertThrows(DescriptionException.class, () -> DescriptionReader.parse(text, "m.yaml"));
    assertTrue(e.describe().startsWith("m.yaml:9:28: subgraphs[0].tensors[2].type: 'INT33'"), e.describe());
    assertTrue(e.describe().contains("INT32"), e.describe());
  }

  @Test
  void misspelledKeyIsRejected() {
    String text = EXAMPLE.replace("{name: axes, type: INT32, shape: [2]", "{name: axes, type: INT32, shap: [2]");
    DescriptionException e = assertThrows(DescriptionException.class, () -> DescriptionReader.parse(text, "m.yaml"));
    assertTrue(e.describe().startsWith("m.yaml:10:"), e.describe());
    assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("shap")), e.problems().toString());
  }

  @Test
  void yamlSyntaxErrorPointsAtLineAndColumn() {
    DescriptionException e = assertThrows(DescriptionException.class,
        () -> DescriptionReader.parse("format: edgetpu-lint/description/v1\nsubgraphs: [\n  {a: 1\n", "m.yaml"));
    assertTrue(e.describe().matches("m\\.yaml:\\d+:\\d+: YAML syntax error: .*"), e.describe());
    assertFalse(e.describe().contains("\n"));
  }

  @Test
  void duplicateTensorNamesAndWrongValueCounts() {
    DescriptionException e = assertThrows(DescriptionException.class, () -> DescriptionReader.parse("""
        format: edgetpu-lint/description/v1
        subgraphs:
          - tensors:
              - {name: a, type: INT32, shape: [3], values: [1, 2]}
              - {name: a, type: INT8, shape: [1]}
            operators: []
        """, "m.yaml"));
    assertEquals(2, e.problems().size(), e.problems().toString());
    assertEquals("m.yaml:4:52: tensor 'a' has 2 values but its shape holds 3 elements", e.describe()
        .replace(" (and 1 more)", ""));
    assertEquals(5, e.problems().get(1).line());
  }

  @Test
  void emptyWrongFormatAndNonMappingDocumentsAreProblemsNotCrashes() {
    for (String text : List.of("", "42", "- a\n- b\n", "format: other/v9\nsubgraphs: []\n", "format: [\n",
        "a: &a [*a]\n", "format: edgetpu-lint/description/v1\nsubgraphs: [{tensors: [], operators: [{op: X}]}]\n")) {
      DescriptionException e = assertThrows(DescriptionException.class, () -> DescriptionReader.parse(text, "x.yaml"));
      assertTrue(e.describe().startsWith("x.yaml:"), e.describe());
      assertFalse(e.describe().contains("\n"), e.describe());
    }
  }

  @Test
  void namesThatLookLikeNumbersOrBooleansStayNames() throws Exception {
    Model model = DescriptionReader.parse("""
        format: edgetpu-lint/description/v1
        subgraphs:
          - inputs: [on]
            tensors:
              - {name: on, type: INT8, shape: [1]}
              - {name: 12, type: INT8, shape: [1]}
            operators:
              - {op: RELU, inputs: [on], outputs: [12]}
        """, "m.yaml");
    assertEquals("12", model.mainSubgraph().tensor(1).name());
    assertEquals(List.of(1), model.mainSubgraph().operators().get(0).outputs());
  }

  @Test
  void hugeConstantIsRefusedWithAMessage() {
    DescriptionException e = assertThrows(DescriptionException.class, () -> DescriptionReader.parse("""
        format: edgetpu-lint/description/v1
        subgraphs:
          - tensors:
              - {name: w, type: FLOAT32, shape: [100000, 100000, 100000], constant: true}
            operators: []
        """, "m.yaml"));
    assertTrue(e.describe().contains("would hold more than"), e.describe());
  }

  @Test
  void largeDeclaredConstantsAreNotAllocated() throws Exception {
    // Eight 400 MB constants: 3.2 GB if each were filled in memory, more than the test JVM's heap.
    StringBuilder yaml = new StringBuilder("format: edgetpu-lint/description/v1\nsubgraphs:\n  - tensors:\n");
    String[] types = {"INT8", "UINT8", "INT16", "FLOAT16", "INT32", "FLOAT32", "INT64", "FLOAT64"};
    for (String type : types) {
      yaml.append("      - {name: ").append(type).append(", type: ").append(type)
          .append(", shape: [1], bytes: 400000000, constant: ").append(type.startsWith("INT8") ? "zeros" : "true")
          .append("}\n");
    }
    yaml.append("    operators: []\n");
    Model model = DescriptionReader.parse(yaml.toString(), "big.tflite.yaml");
    for (int t = 0; t < types.length; t++) {
      ConstantData data = model.mainSubgraph().tensor(t).data();
      assertEquals(400_000_000, data.byteLength(), types[t]);
      assertEquals(types[t].equals("INT8"), data.isAllZero(), types[t]);
    }
  }

  @Test
  void aDeclaredConstantShorterThanOneElementReadsWithoutError() throws Exception {
    // Found by the fuzzer: a FLOAT64 constant declared as one byte copied its 8-byte element into it.
    Model model = DescriptionReader.parse("""
        format: edgetpu-lint/description/v1
        subgraphs:
          - tensors:
              - {name: c, type: FLOAT64, shape: [1], bytes: 1, constant: true}
            operators: []
        """, "m.yaml");
    ConstantData data = model.mainSubgraph().tensor(0).data();
    assertEquals(1, data.byteLength());
    assertEquals(1, data.bytes().remaining());
    assertEquals(List.of(), data.values().orElseThrow());
  }

  @Test
  void declaredConstantsReadAsOneOrZero() throws Exception {
    Model model = DescriptionReader.parse("""
        format: edgetpu-lint/description/v1
        subgraphs:
          - tensors:
              - {name: ones, type: FLOAT32, shape: [3], constant: true}
              - {name: zeros, type: INT32, shape: [2], constant: zeros}
              - {name: odd, type: INT16, shape: [1], bytes: 3, constant: true}
            operators: []
        """, "m.yaml");
    Subgraph main = model.mainSubgraph();
    assertEquals(List.of(1f, 1f, 1f), main.tensor(0).data().values().orElseThrow());
    assertEquals(List.of(0, 0), main.tensor(1).data().values().orElseThrow());
    assertEquals(3, main.tensor(2).data().byteLength());
    assertEquals(List.of((byte) 1, (byte) 0, (byte) 1), bytesOf(main.tensor(2).data()));
  }

  private static List<Byte> bytesOf(ConstantData data) {
    java.nio.ByteBuffer bytes = data.bytes();
    List<Byte> out = new java.util.ArrayList<>();
    while (bytes.hasRemaining()) {
      out.add(bytes.get());
    }
    return out;
  }

  @Test
  void readsFilesAndRefusesBinaryOnes(@TempDir Path dir) throws Exception {
    Path text = dir.resolve("m.tflite.yaml");
    Files.writeString(text, EXAMPLE);
    assertEquals(text.toString(), DescriptionReader.read(text).source());
    Path binary = dir.resolve("m.tflite");
    Files.write(binary, new byte[] {0x1c, 0, 0, 0, 'T', 'F', 'L', '3', (byte) 0xff, (byte) 0xfe});
    DescriptionException e = assertThrows(DescriptionException.class, () -> DescriptionReader.read(binary));
    assertTrue(e.describe().endsWith("not a UTF-8 text file (is it a binary .tflite?)"), e.describe());
    assertNull(null);
  }
}
