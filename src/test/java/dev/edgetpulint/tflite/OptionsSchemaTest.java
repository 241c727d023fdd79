package dev.edgetpulint.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The options tables found by line range at start and parsed when first asked for. */
class OptionsSchemaTest {
  private static final String TEXT = String.join("\n",
      "# union\tindex\ttable\tfield_id\tfield\ttype\tdefault\tenum",
      "BuiltinOptions\t1\tConv2DOptions\t0\tpadding\tenum:byte\t0\t0=SAME,1=VALID",
      "BuiltinOptions\t1\tConv2DOptions\t1\tstride_w\tint\t0\t",
      "",
      "BuiltinOptions\t3\tPadOptions\t-1\t\t\t\t",
      "BuiltinOptions2\t2\tStablehloCompositeOptions\t0\tname\tstring\t\t",
      "");

  @Test
  void tablesAreFoundByDiscriminantAndByName() {
    OptionsSchema schema = new OptionsSchema(TEXT);
    OptionsSchema.OptionsTable conv = schema.table(OptionsSchema.OPTIONS_1, 1);
    assertEquals("Conv2DOptions", conv.name());
    assertEquals(List.of("padding", "stride_w"), conv.fields().stream().map(OptionsSchema.Field::name).toList());
    assertEquals("VALID", conv.field("padding").enumNames().get(1));
    assertEquals(Map.of(), conv.field("stride_w").enumNames());
    // The same table each time: the reader's decoders are kept per table.
    assertSame(conv, schema.table(OptionsSchema.OPTIONS_1, 1));
    assertSame(conv, schema.table("Conv2DOptions"));
    assertEquals(List.of(), schema.table(OptionsSchema.OPTIONS_1, 3).fields());
    assertNull(schema.table(OptionsSchema.OPTIONS_1, 2));
    assertNull(schema.table(OptionsSchema.OPTIONS_1, 4));
    assertNull(schema.table(OptionsSchema.OPTIONS_1, -1));
    assertEquals("name", schema.table(OptionsSchema.OPTIONS_2, 2).fields().get(0).name());
    assertNull(schema.table("NoSuchOptions"));
    assertNull(schema.table("OtherUnion", 1));
  }

  @Test
  void aTableWhoseLinesAreNotTogetherIsRefused() {
    String split = String.join("\n",
        "BuiltinOptions\t1\tConv2DOptions\t0\tpadding\tenum:byte\t0\t0=SAME,1=VALID",
        "BuiltinOptions\t2\tDepthwiseConv2DOptions\t0\tpadding\tenum:byte\t0\t0=SAME,1=VALID",
        "BuiltinOptions\t1\tConv2DOptions\t1\tstride_w\tint\t0\t");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new OptionsSchema(split));
    assertTrue(e.getMessage().contains("Conv2DOptions are not together"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> new OptionsSchema("Other\t1\tX\t0\ta\tint\t0\t"));
    assertThrows(IllegalStateException.class, () -> new OptionsSchema("BuiltinOptions\t1\tX"));
  }

  /** Every table of the packaged schema, parsed lazily, equals a plain parse of all its lines. */
  @Test
  void thePackagedSchemaReadsAsAPlainParseOfEveryLine() throws IOException {
    String text;
    try (InputStream in = OptionsSchema.class.getResourceAsStream("builtin-options.tsv")) {
      assertNotNull(in);
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, List<String>> expected = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      List<String> fields = expected.computeIfAbsent(c[0] + "/" + c[1] + "/" + c[2], k -> new ArrayList<>());
      if (Integer.parseInt(c[3]) >= 0) {
        fields.add(c[3] + " " + c[4] + " " + c[5] + " " + c[6] + " " + c[7]);
      }
    }
    OptionsSchema schema = new OptionsSchema(text);
    for (Map.Entry<String, List<String>> e : expected.entrySet()) {
      String[] key = e.getKey().split("/");
      OptionsSchema.OptionsTable table = schema.table(key[0], Integer.parseInt(key[1]));
      assertNotNull(table, e.getKey());
      assertEquals(key[2], table.name());
      List<String> actual = new ArrayList<>();
      for (OptionsSchema.Field f : table.fields()) {
        StringBuilder names = new StringBuilder();
        f.enumNames().forEach((value, name) -> names.append(names.length() == 0 ? "" : ",").append(value + "=" + name));
        actual.add(f.id() + " " + f.name() + " " + f.type() + " " + f.defaultValue() + " " + names);
      }
      assertEquals(e.getValue(), actual, e.getKey());
    }
    assertTrue(expected.size() > 100, "tables: " + expected.size()); // 147 at the time of writing
  }
}
