package dev.edgetpulint.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpanTableTest {
  private static SpanTable table(Map<String, Span> expected) {
    SpanTable.Builder b = new SpanTable.Builder(2);
    b.subgraph(0, Span.bytes(0, 10));
    b.tensorCount(0, 12);
    b.operatorCount(0, 3);
    for (int i = 0; i < 12; i++) {
      b.tensor(0, i, Span.bytes(100 + i, 4));
      expected.put(Model.tensorLocation(0, i), Span.bytes(100 + i, 4));
    }
    b.operator(0, 2, Span.bytes(200, 8));
    b.subgraph(1, Span.bytes(10, 10));
    expected.put("subgraphs[0]", Span.bytes(0, 10));
    expected.put(Model.operatorLocation(0, 2), Span.bytes(200, 8));
    expected.put("subgraphs[1]", Span.bytes(10, 10));
    return b.build();
  }

  @Test
  void answersLikeAMapOfLocationStrings() {
    Map<String, Span> expected = new HashMap<>();
    SpanTable table = table(expected);
    assertEquals(expected, table);
    assertEquals(table, expected);
    assertEquals(expected.hashCode(), table.hashCode());
    for (Map.Entry<String, Span> e : expected.entrySet()) {
      assertEquals(e.getValue(), table.get(e.getKey()), e.getKey());
    }
  }

  @Test
  void keysItWouldNotListAreAbsent() {
    SpanTable table = table(new HashMap<>());
    for (String key : new String[] {"subgraphs[00]", "subgraphs[0].tensors[01]", "subgraphs[0].tensors[12]",
        "subgraphs[0].tensors[-1]", "subgraphs[0].tensors[1]x", "subgraphs[0].tensors[1", "subgraphs[2]",
        "subgraphs[0].operators[0]", "subgraphs[1].tensors[0]", "subgraphs[0].inputs[0]", "subgraphs[",
        "subgraphs[]", "model", "subgraphs[0].tensors[99999999999]", "subgraphs[+0]"}) {
      assertNull(table.get(key), key);
    }
    assertNull(table.get(null));
    assertNull(table.get(3));
  }
}
