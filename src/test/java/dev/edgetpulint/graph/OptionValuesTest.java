package dev.edgetpulint.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionValuesTest {
  private static final String[] KEYS = {"padding", "stride_w", "stride_h", "fused_activation_function"};

  @Test
  void answersLikeTheMapOfItsEntries() {
    Object[] values = {"SAME", 2, 2, "RELU6"};
    OptionValues options = OptionValues.of(KEYS, values, 4);
    Map<String, Object> expected = Map.of("padding", "SAME", "stride_w", 2, "stride_h", 2,
        "fused_activation_function", "RELU6");
    assertEquals(expected, options);
    assertEquals(options, expected);
    assertEquals(expected.hashCode(), options.hashCode());
    assertEquals(4, options.size());
    assertEquals(2, options.get(new String("stride_h"))); // found by equals, not only by identity
    assertNull(options.get("dilation_w_factor"));
    assertNull(options.get(null));
    assertFalse(options.containsKey(3));
    assertEquals(List.of(KEYS), new ArrayList<>(options.keySet())); // in the order given
  }

  @Test
  void usesOnlyTheFirstSizeEntriesAndIsImmutable() {
    OptionValues options = OptionValues.of(KEYS, new Object[] {"VALID", 1, 9, 9}, 2);
    assertEquals(Map.of("padding", "VALID", "stride_w", 1), options);
    assertFalse(options.containsKey("stride_h"));
    assertThrows(UnsupportedOperationException.class, () -> options.put("stride_h", 1));
    assertThrows(UnsupportedOperationException.class, () -> options.remove("padding"));
    assertThrows(UnsupportedOperationException.class, () -> options.entrySet().iterator().next().setValue(3));
    assertSame(OptionValues.empty(), OptionValues.of(KEYS, new Object[0], 0));
    assertTrue(OptionValues.empty().isEmpty());
  }

  @Test
  void refusesNullsAndSizesOutsideTheArrays() {
    assertThrows(IllegalArgumentException.class, () -> OptionValues.of(KEYS, new Object[] {"SAME", null}, 2));
    assertThrows(IllegalArgumentException.class, () -> OptionValues.of(KEYS, new Object[] {"SAME"}, 2));
    assertThrows(IllegalArgumentException.class, () -> OptionValues.of(KEYS, new Object[] {"SAME"}, -1));
  }

  @Test
  void anOperatorKeepsItAndCopiesAnyOtherMap() {
    OptionValues options = OptionValues.of(KEYS, new Object[] {"SAME", 1}, 2);
    Operator op = new Operator(0, "CONV_2D", 3, null, 1, List.of(0, 1), List.of(2), options);
    assertSame(options, op.options());
    Operator described = new Operator(0, "CONV_2D", 3, null, 1, List.of(0, 1), List.of(2),
        new java.util.HashMap<>(Map.of("padding", "SAME", "stride_w", 1)));
    assertEquals(op, described);
  }
}
