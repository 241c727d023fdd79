package dev.edgetpulint.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.edgetpulint.graph.OptionValues;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tables generated from schema.fbs load and say what the schema says. */
class SchemaTablesTest {
  @Test
  void everyBuiltinCodeOfTheSchemaHasAName() {
    assertTrue(BuiltinOperators.maxKnownCode() >= 206);
    for (int code = 0; code <= BuiltinOperators.maxKnownCode(); code++) {
      String name = BuiltinOperators.nameOf(code);
      assertFalse(name.startsWith("BUILTIN_"), "code " + code);
      assertEquals(code, BuiltinOperators.codeOf(name));
    }
    assertEquals("CONV_2D", BuiltinOperators.nameOf(3));
    assertEquals("RIGHT_SHIFT", BuiltinOperators.nameOf(161));
    assertEquals("STABLEHLO_COMPOSITE", BuiltinOperators.nameOf(206));
    assertEquals("BUILTIN_999", BuiltinOperators.nameOf(999));
    assertEquals("BUILTIN_-1", BuiltinOperators.nameOf(-1));
    assertEquals(999, BuiltinOperators.codeOf("BUILTIN_999"));
    assertEquals(-1, BuiltinOperators.codeOf("NOT_AN_OP"));
  }

  @Test
  void conv2dOptionsAsTheSchemaDeclaresThem() {
    OptionsSchema.OptionsTable conv = OptionsSchema.get().table(OptionsSchema.OPTIONS_1, 1);
    assertEquals("Conv2DOptions", conv.name());
    OptionsSchema.Field dilation = conv.field("dilation_w_factor");
    assertEquals(4, dilation.id());
    assertEquals("1", dilation.defaultValue());
    assertEquals("SAME", conv.field("padding").enumNames().get(0));
    assertEquals("RELU6", conv.field("fused_activation_function").enumNames().get(3));
  }

  @Test
  void deprecatedFieldsKeepTheirIds() {
    OptionsSchema.OptionsTable resize = OptionsSchema.get().table("ResizeBilinearOptions");
    assertNull(resize.field("new_height"));
    assertEquals(2, resize.field("align_corners").id());
  }

  @Test
  void operatorsFindTheirOptionsTables() {
    assertEquals("Pool2DOptions", OperatorOptions.forOperator("MAX_POOL_2D").name());
    assertEquals("ReducerOptions", OperatorOptions.forOperator("MEAN").name());
    assertEquals("Conv2DOptions", OperatorOptions.forOperator("CONV_2D").name());
    assertEquals("LeakyReluOptions", OperatorOptions.forOperator("LEAKY_RELU").name());
    OptionsSchema.OptionsTable composite = OperatorOptions.forOperator("STABLEHLO_COMPOSITE");
    assertNotNull(composite);
    assertEquals(OptionsSchema.OPTIONS_2, composite.union());
    assertNull(OperatorOptions.forOperator("RELU"));
  }

  @Test
  void anEmptyOptionsTableDecodesToTheSchemaDefaults() {
    FlatBufferBuilder builder = new FlatBufferBuilder();
    builder.startTable(0);
    builder.finish(builder.endTable());
    FlatTable empty = new FlatBuffer(ByteBuffer.wrap(builder.sizedByteArray())).root("options");
    OptionsSchema schema = OptionsSchema.get();
    int decoded = 0;
    for (String union : new String[] {OptionsSchema.OPTIONS_1, OptionsSchema.OPTIONS_2}) {
      for (int index = 1; schema.table(union, index) != null; index++) {
        OptionsSchema.OptionsTable table = schema.table(union, index);
        OptionValues options = schema.decode(empty, table);
        for (OptionsSchema.Field field : table.fields()) {
          // Scalars get their default; strings, vectors and nested tables are absent.
          boolean scalar = !field.isVector() && !field.type().equals("string") && !field.type().startsWith("table:");
          assertEquals(scalar, options.containsKey(field.name()), table.name() + "." + field.name());
        }
        decoded++;
      }
    }
    assertTrue(decoded > 100, "decoded " + decoded); // 147 tables in both unions at the time of writing
    assertEquals(Map.of("padding", "SAME", "stride_w", 0, "stride_h", 0, "fused_activation_function", "NONE",
        "dilation_w_factor", 1, "dilation_h_factor", 1, "quantized_bias_type", "FLOAT32"),
        schema.decode(empty, schema.table("Conv2DOptions")));
    assertEquals(Map.of("keep_dims", false), schema.decode(empty, schema.table("ReducerOptions")));
  }
}
