package dev.edgetpulint.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgetpulint.graph.ConstantData;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import java.util.Map;

/** Structural equality of two models (ConstantData compares by content). */
final class ModelAssertions {
  private ModelAssertions() {}

  /** Asserts the graphs are equal; {@code optionsExact} false allows extra (default) options in {@code actual}. */
  static void assertSameGraph(Model expected, Model actual, boolean optionsExact) {
    String where = expected.source();
    assertEquals(expected.subgraphs().size(), actual.subgraphs().size(), where + " subgraphs");
    assertEquals(expected.signatureKeys(), actual.signatureKeys(), where + " signature keys");
    assertEquals(expected.metadataNames(), actual.metadataNames(), where + " metadata");
    assertEquals(expected.description(), actual.description(), where + " description");
    for (int s = 0; s < expected.subgraphs().size(); s++) {
      Subgraph e = expected.subgraphs().get(s);
      Subgraph a = actual.subgraphs().get(s);
      assertEquals(e.name(), a.name(), where + " subgraph name");
      assertEquals(e.inputs(), a.inputs(), where + " subgraph inputs");
      assertEquals(e.outputs(), a.outputs(), where + " subgraph outputs");
      assertEquals(e.tensors().size(), a.tensors().size(), where + " tensor count");
      for (int i = 0; i < e.tensors().size(); i++) {
        assertSameTensor(where + " " + Model.tensorLocation(s, i), e.tensors().get(i), a.tensors().get(i));
      }
      assertEquals(e.operators().size(), a.operators().size(), where + " operator count");
      for (int i = 0; i < e.operators().size(); i++) {
        String at = where + " " + Model.operatorLocation(s, i);
        Operator eo = e.operators().get(i);
        Operator ao = a.operators().get(i);
        assertEquals(eo.opName(), ao.opName(), at);
        assertEquals(eo.builtinCode(), ao.builtinCode(), at);
        assertEquals(eo.customCode(), ao.customCode(), at);
        assertEquals(eo.version(), ao.version(), at);
        assertEquals(eo.inputs(), ao.inputs(), at);
        assertEquals(eo.outputs(), ao.outputs(), at);
        if (optionsExact) {
          assertEquals(eo.options(), ao.options(), at + " options");
        } else {
          for (Map.Entry<String, Object> option : eo.options().entrySet()) {
            assertEquals(normalize(option.getValue()), normalize(ao.option(option.getKey())),
                at + " option " + option.getKey());
          }
        }
      }
    }
  }

  /** Builder options may be given as Integer where the reader says Long, and so on. */
  private static Object normalize(Object value) {
    if (value instanceof Float || value instanceof Double) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof java.util.List<?> list) {
      return list.stream().map(ModelAssertions::normalize).toList();
    }
    return value;
  }

  static void assertSameTensor(String at, Tensor e, Tensor a) {
    assertEquals(e.name(), a.name(), at);
    assertEquals(e.type(), a.type(), at);
    assertEquals(e.shape(), a.shape(), at);
    assertEquals(e.shapeSignature(), a.shapeSignature(), at);
    assertEquals(e.quantization(), a.quantization(), at);
    assertEquals(e.variable(), a.variable(), at);
    assertEquals(e.sparse(), a.sparse(), at);
    assertEquals(e.isConstant(), a.isConstant(), at + " constness");
    ConstantData ed = e.data();
    ConstantData ad = a.data();
    if (ed != null && ed.byteLength() > 0) {
      assertEquals(ed.bytes(), ad.bytes(), at + " data");
    }
  }
}
