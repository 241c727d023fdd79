package dev.edgetpulint.tflite;

import com.google.flatbuffers.FlatBufferBuilder;
import com.google.flatbuffers.FlexBuffersBuilder;
import dev.edgetpulint.graph.ConstantData;
import dev.edgetpulint.graph.EdgeTpuPackage;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link Model} as a TensorFlow Lite FlatBuffer, so that tests and samples get exactly the
 * binary graph they need. Builtin options are encoded through the same schema tables the reader
 * decodes with ({@link OptionsSchema}); an option name the schema does not have is an error.
 *
 * <p>An {@code edgetpu-custom-op} gets custom options holding an Edge TPU package (FlexBuffers map,
 * entry "4": a "DWN1" FlatBuffer) with the min runtime version and compiler label of the model's
 * matching {@link EdgeTpuPackage}; nothing else of a real package (no executable) is written.
 */
public final class TfliteWriter {
  private final FlatBufferBuilder b = new FlatBufferBuilder(1024);
  private final List<Integer> buffers = new ArrayList<>();
  private final Map<List<Object>, Integer> opCodeIndex = new HashMap<>();
  private final List<Integer> opCodes = new ArrayList<>();

  private TfliteWriter() {}

  public static byte[] write(Model model) {
    return new TfliteWriter().model(model);
  }

  private byte[] model(Model model) {
    buffers.add(emptyBuffer()); // buffer 0: the schema's empty sentinel
    List<Integer> subgraphs = new ArrayList<>();
    for (Subgraph s : model.subgraphs()) {
      subgraphs.add(subgraph(s, model));
    }
    List<Integer> metadata = new ArrayList<>();
    for (String name : model.metadataNames()) {
      int nameOffset = b.createString(name);
      int buffer = buffers.size();
      buffers.add(emptyBuffer());
      b.startTable(2);
      b.addInt(1, buffer, 0);
      b.addOffset(0, nameOffset, 0);
      metadata.add(b.endTable());
    }
    List<Integer> signatures = new ArrayList<>();
    for (String key : model.signatureKeys()) {
      int keyOffset = b.createString(key);
      int empty = offsets(List.of());
      b.startTable(5);
      b.addOffset(0, empty, 0);
      b.addOffset(1, empty, 0);
      b.addOffset(2, keyOffset, 0);
      signatures.add(b.endTable());
    }
    int opCodesVector = offsets(opCodes);
    int subgraphsVector = offsets(subgraphs);
    int description = b.createString(model.description());
    int buffersVector = offsets(buffers);
    int metadataVector = metadata.isEmpty() ? 0 : offsets(metadata);
    int signaturesVector = signatures.isEmpty() ? 0 : offsets(signatures);
    b.startTable(8);
    b.addInt(0, model.schemaVersion(), 0);
    b.addOffset(1, opCodesVector, 0);
    b.addOffset(2, subgraphsVector, 0);
    b.addOffset(3, description, 0);
    b.addOffset(4, buffersVector, 0);
    if (metadataVector != 0) {
      b.addOffset(6, metadataVector, 0);
    }
    if (signaturesVector != 0) {
      b.addOffset(7, signaturesVector, 0);
    }
    b.finish(b.endTable(), TfliteReader.FILE_IDENTIFIER);
    return b.sizedByteArray();
  }

  private int emptyBuffer() {
    b.startTable(3);
    return b.endTable();
  }

  private int subgraph(Subgraph s, Model model) {
    List<Integer> tensors = new ArrayList<>();
    for (Tensor t : s.tensors()) {
      tensors.add(tensor(t));
    }
    List<Integer> operators = new ArrayList<>();
    for (Operator op : s.operators()) {
      operators.add(operator(s.index(), op, model));
    }
    int tensorsVector = offsets(tensors);
    int inputs = ints(s.inputs());
    int outputs = ints(s.outputs());
    int operatorsVector = offsets(operators);
    int name = b.createString(s.name());
    b.startTable(5);
    b.addOffset(0, tensorsVector, 0);
    b.addOffset(1, inputs, 0);
    b.addOffset(2, outputs, 0);
    b.addOffset(3, operatorsVector, 0);
    b.addOffset(4, name, 0);
    return b.endTable();
  }

  private int tensor(Tensor t) {
    int buffer = 0;
    ConstantData data = t.data();
    if (data != null && data.byteLength() > 0) {
      ByteBuffer bytes = data.bytes();
      ByteBuffer target = b.createUnintializedVector(1, bytes.remaining(), 16);
      target.put(bytes);
      int vector = b.endVector();
      b.startTable(3);
      b.addOffset(0, vector, 0);
      buffer = buffers.size();
      buffers.add(b.endTable());
    }
    int shape = ints(t.shape());
    int signature = t.shapeSignature().equals(t.shape()) ? 0 : ints(t.shapeSignature());
    int name = b.createString(t.name());
    int quantization = 0;
    if (t.quantization().isPresent() || !t.quantization().zeroPoint().isEmpty()) {
      int scale = floats(t.quantization().scale());
      int zeroPoint = longs(t.quantization().zeroPoint());
      b.startTable(7);
      b.addOffset(2, scale, 0);
      b.addOffset(3, zeroPoint, 0);
      b.addInt(6, t.quantization().quantizedDimension(), 0);
      quantization = b.endTable();
    }
    int sparsity = 0;
    if (t.sparse()) {
      b.startTable(3);
      sparsity = b.endTable();
    }
    b.startTable(8);
    b.addOffset(0, shape, 0);
    b.addByte(1, (byte) t.type().code(), 0);
    b.addInt(2, buffer, 0);
    b.addOffset(3, name, 0);
    if (quantization != 0) {
      b.addOffset(4, quantization, 0);
    }
    b.addBoolean(5, t.variable(), false);
    if (sparsity != 0) {
      b.addOffset(6, sparsity, 0);
    }
    if (signature != 0) {
      b.addOffset(7, signature, 0);
    }
    return b.endTable();
  }

  private int operator(int subgraph, Operator op, Model model) {
    int opcode = opCode(op);
    int inputs = ints(op.inputs());
    int outputs = ints(op.outputs());
    // An options table only when there are options: the reader fills in the schema's defaults, so
    // an op read from a file with a table has options, and one without has none.
    OptionsSchema.OptionsTable table =
        op.isCustom() || op.options().isEmpty() ? null : OperatorOptions.forOperator(op.opName());
    if (table == null && !op.options().isEmpty()) {
      throw new IllegalArgumentException(op.displayName() + " has no builtin options table, but options "
          + op.options().keySet() + " were given");
    }
    int options = table == null ? 0 : options(table, op);
    int custom = 0;
    if (Model.EDGETPU_CUSTOM_OP.equals(op.customCode())) {
      for (EdgeTpuPackage pkg : model.edgeTpuPackages()) {
        if (pkg.subgraph() == subgraph && pkg.operator() == op.index()) {
          custom = customOptionsVector(edgeTpuCustomOptions(pkg));
        }
      }
    }
    b.startTable(13);
    b.addInt(0, opcode, 0);
    b.addOffset(1, inputs, 0);
    b.addOffset(2, outputs, 0);
    if (table != null) {
      boolean second = table.union().equals(OptionsSchema.OPTIONS_2);
      b.addByte(second ? 11 : 3, (byte) table.index(), 0);
      b.addOffset(second ? 12 : 4, options, 0);
    }
    if (custom != 0) {
      b.addOffset(5, custom, 0);
    }
    return b.endTable();
  }

  private int opCode(Operator op) {
    List<Object> key = List.of(op.builtinCode(), Objects.toString(op.customCode(), ""), op.version());
    Integer index = opCodeIndex.get(key);
    if (index != null) {
      return index;
    }
    int custom = op.customCode() == null ? 0 : b.createString(op.customCode());
    b.startTable(4);
    // Both code fields, as current converters write them: the byte one saturates at 127.
    b.addByte(0, (byte) Math.min(op.builtinCode(), 127), 0);
    if (custom != 0) {
      b.addOffset(1, custom, 0);
    }
    b.addInt(2, op.version(), 1);
    b.addInt(3, op.builtinCode(), 0);
    index = opCodes.size();
    opCodes.add(b.endTable());
    opCodeIndex.put(key, index);
    return index;
  }

  private int options(OptionsSchema.OptionsTable table, Operator op) {
    for (String name : new java.util.TreeSet<>(op.options().keySet())) {
      if (table.field(name) == null) {
        throw new IllegalArgumentException(op.opName() + " (" + table.name() + ") has no option '" + name
            + "'; it has " + table.fields().stream().map(OptionsSchema.Field::name).toList());
      }
    }
    // Schema order, not the map's (whose iteration order varies between runs): same model, same bytes.
    Map<OptionsSchema.Field, Integer> offsets = new java.util.LinkedHashMap<>();
    for (OptionsSchema.Field field : table.fields()) {
      Object value = op.options().get(field.name());
      if (value == null) {
        continue;
      }
      if (field.isVector()) {
        offsets.put(field, vector(field, (List<?>) value));
      } else if (field.type().equals("string")) {
        offsets.put(field, b.createString(value.toString()));
      }
    }
    int slots = table.fields().stream().mapToInt(OptionsSchema.Field::id).max().orElse(-1) + 1;
    b.startTable(slots);
    offsets.forEach((field, offset) -> b.addOffset(field.id(), offset, 0));
    for (OptionsSchema.Field field : table.fields()) {
      Object value = op.options().get(field.name());
      if (value != null && !field.isVector() && !field.type().equals("string")) {
        scalar(field, value);
      }
    }
    return b.endTable();
  }

  private void scalar(OptionsSchema.Field field, Object value) {
    long raw = field.isEnum() ? enumValue(field, value) : 0;
    int id = field.id();
    switch (field.scalar()) {
      case "bool" -> b.addBoolean(id, (Boolean) value, false);
      case "byte", "ubyte" -> b.addByte(id, (byte) (field.isEnum() ? raw : ((Number) value).intValue()), 0);
      case "short", "ushort" -> b.addShort(id, (short) (field.isEnum() ? raw : ((Number) value).intValue()), 0);
      case "int", "uint" -> b.addInt(id, (int) (field.isEnum() ? raw : ((Number) value).longValue()), 0);
      case "long", "ulong" -> b.addLong(id, field.isEnum() ? raw : ((Number) value).longValue(), 0L);
      case "float" -> b.addFloat(id, ((Number) value).floatValue(), 0d);
      case "double" -> b.addDouble(id, ((Number) value).doubleValue(), 0d);
      default -> throw new IllegalArgumentException("cannot write option " + field.name() + " of type " + field.type());
    }
    // FlatBufferBuilder skips a value equal to the default given above (0); the schema's own default
    // may differ (dilation factors default to 1), so a 0 must be written explicitly.
    if (!field.defaultValue().isEmpty() && !field.defaultValue().equals("0") && isZero(field, value, raw)) {
      b.forceDefaults(true);
      scalarForced(field, value, raw);
      b.forceDefaults(false);
    }
  }

  private void scalarForced(OptionsSchema.Field field, Object value, long raw) {
    int id = field.id();
    switch (field.scalar()) {
      case "bool" -> b.addBoolean(id, false, false);
      case "byte", "ubyte" -> b.addByte(id, (byte) 0, 0);
      case "short", "ushort" -> b.addShort(id, (short) 0, 0);
      case "int", "uint" -> b.addInt(id, 0, 0);
      case "long", "ulong" -> b.addLong(id, 0L, 0L);
      case "float" -> b.addFloat(id, 0f, 0d);
      default -> b.addDouble(id, 0d, 0d);
    }
  }

  private static boolean isZero(OptionsSchema.Field field, Object value, long raw) {
    if (field.isEnum()) {
      return raw == 0;
    }
    if (value instanceof Boolean bool) {
      return !bool;
    }
    return ((Number) value).doubleValue() == 0d;
  }

  private static long enumValue(OptionsSchema.Field field, Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    for (Map.Entry<Integer, String> e : field.enumNames().entrySet()) {
      if (e.getValue().equals(value)) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("option " + field.name() + " has no value '" + value + "'; it has "
        + field.enumNames().values());
  }

  private int vector(OptionsSchema.Field field, List<?> values) {
    String scalar = field.scalar();
    int width = OptionsSchema.width(scalar);
    b.startVector(width, values.size(), width);
    for (int i = values.size() - 1; i >= 0; i--) {
      Object v = values.get(i);
      long raw = field.isEnum() ? enumValue(field, v) : 0;
      switch (scalar) {
        case "bool" -> b.addBoolean((Boolean) v);
        case "byte", "ubyte" -> b.addByte((byte) (field.isEnum() ? raw : ((Number) v).intValue()));
        case "short", "ushort" -> b.addShort((short) (field.isEnum() ? raw : ((Number) v).intValue()));
        case "int", "uint" -> b.addInt((int) (field.isEnum() ? raw : ((Number) v).longValue()));
        case "long", "ulong" -> b.addLong(field.isEnum() ? raw : ((Number) v).longValue());
        case "float" -> b.addFloat(((Number) v).floatValue());
        case "double" -> b.addDouble(((Number) v).doubleValue());
        default -> throw new IllegalArgumentException("cannot write option " + field.name());
      }
    }
    return b.endVector();
  }

  private int customOptionsVector(byte[] bytes) {
    ByteBuffer target = b.createUnintializedVector(1, bytes.length, 16);
    target.put(bytes);
    return b.endVector();
  }

  /** custom_options of an edgetpu-custom-op: a FlexBuffers map whose entry "4" is a DWN1 package. */
  static byte[] edgeTpuCustomOptions(EdgeTpuPackage pkg) {
    FlatBufferBuilder p = new FlatBufferBuilder(64);
    int label = pkg.compilerVersion() == null ? 0 : p.createString(pkg.compilerVersion());
    p.startTable(EdgeTpuPackageDecoder.FIELD_COMPILER_VERSION + 1);
    p.addInt(EdgeTpuPackageDecoder.FIELD_MIN_RUNTIME_VERSION, pkg.minRuntimeVersion(), -1);
    if (label != 0) {
      p.addOffset(EdgeTpuPackageDecoder.FIELD_COMPILER_VERSION, label, 0);
    }
    p.finish(p.endTable(), EdgeTpuPackageDecoder.PACKAGE_IDENTIFIER);
    FlexBuffersBuilder flex = new FlexBuffersBuilder(256);
    int map = flex.startMap();
    flex.putBlob(EdgeTpuPackageDecoder.PACKAGE_KEY, p.sizedByteArray());
    flex.endMap(null, map);
    ByteBuffer out = flex.finish();
    byte[] bytes = new byte[out.remaining()];
    out.get(bytes);
    return bytes;
  }

  private int offsets(List<Integer> offsets) {
    b.startVector(4, offsets.size(), 4);
    for (int i = offsets.size() - 1; i >= 0; i--) {
      b.addOffset(offsets.get(i));
    }
    return b.endVector();
  }

  private int ints(List<Integer> values) {
    b.startVector(4, values.size(), 4);
    for (int i = values.size() - 1; i >= 0; i--) {
      b.addInt(values.get(i));
    }
    return b.endVector();
  }

  private int longs(List<Long> values) {
    b.startVector(8, values.size(), 8);
    for (int i = values.size() - 1; i >= 0; i--) {
      b.addLong(values.get(i));
    }
    return b.endVector();
  }

  private int floats(List<Float> values) {
    b.startVector(4, values.size(), 4);
    for (int i = values.size() - 1; i >= 0; i--) {
      b.addFloat(values.get(i));
    }
    return b.endVector();
  }
}
