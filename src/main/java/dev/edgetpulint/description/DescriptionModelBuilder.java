package dev.edgetpulint.description;

import com.fasterxml.jackson.databind.JsonNode;
import dev.edgetpulint.graph.ConstantData;
import dev.edgetpulint.graph.EdgeTpuPackage;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Quantization;
import dev.edgetpulint.graph.Span;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import dev.edgetpulint.graph.TensorType;
import dev.edgetpulint.tflite.BuiltinOperators;
import dev.edgetpulint.tflite.OperatorOptions;
import dev.edgetpulint.tflite.OptionsSchema;
import dev.edgetpulint.util.EditDistance;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a schema-valid tree into the graph model, resolving names and checking what a schema cannot. */
final class DescriptionModelBuilder {
  /** INT8 and UINT8 tensors without {@code quantization}: scale 0.05, zero point 0 (docs/description.md). */
  static final Quantization DEFAULT_8BIT_QUANTIZATION = new Quantization(List.of(0.05f), List.of(0L), 0);

  private final YamlTree tree;
  private final String source;
  private final List<DescriptionProblem> problems;
  private final Map<String, Span> spans = new LinkedHashMap<>();

  DescriptionModelBuilder(YamlTree tree, String source, List<DescriptionProblem> problems) {
    this.tree = tree;
    this.source = source;
    this.problems = problems;
  }

  Model build() {
    JsonNode root = tree.root();
    List<Subgraph> subgraphs = new ArrayList<>();
    JsonNode subgraphNodes = root.get("subgraphs");
    for (int s = 0; s < subgraphNodes.size(); s++) {
      subgraphs.add(subgraph(s, subgraphNodes.get(s), "/subgraphs/" + s));
    }
    List<EdgeTpuPackage> packages = new ArrayList<>();
    for (JsonNode p : iterable(root.get("edgetpu_packages"))) {
      JsonNode compiler = p.get("compiler_version");
      packages.add(new EdgeTpuPackage(p.get("subgraph").asInt(), p.get("operator").asInt(),
          p.has("min_runtime_version") ? p.get("min_runtime_version").asInt() : -1,
          compiler == null || compiler.isNull() ? null : compiler.asText()));
    }
    return new Model(source, root.has("schema_version") ? root.get("schema_version").asInt() : 3,
        root.has("description") ? root.get("description").asText() : "", subgraphs,
        strings(root.get("metadata")), strings(root.get("signatures")), packages, spans);
  }

  private Subgraph subgraph(int s, JsonNode node, String pointer) {
    span("subgraphs[" + s + "]", pointer);
    String name = node.has("name") ? node.get("name").asText() : "";
    String label = name.isEmpty() ? "subgraph " + s : "subgraph '" + name + "'";
    JsonNode tensorNodes = node.get("tensors");
    Map<String, Integer> byName = new HashMap<>();
    for (int t = 0; t < tensorNodes.size(); t++) {
      String tensorName = tensorNodes.get(t).get("name").asText();
      Integer previous = byName.putIfAbsent(tensorName, t);
      if (previous != null) {
        problems.add(tree.problemAt(pointer + "/tensors/" + t + "/name", label + ": tensor '" + tensorName
            + "' is declared twice (tensors " + previous + " and " + t + "); names must be unique"));
      }
    }
    // The positions of all items of a list at once, not one look-up from the document per item.
    List<int[]> tensorRanges = tree.itemRanges(pointer + "/tensors");
    List<int[]> operatorRanges = tree.itemRanges(pointer + "/operators");
    List<Tensor> tensors = new ArrayList<>();
    for (int t = 0; t < tensorNodes.size(); t++) {
      tensors.add(tensor(s, t, tensorNodes.get(t), pointer + "/tensors/" + t, tensorRanges));
    }
    List<Operator> operators = new ArrayList<>();
    JsonNode operatorNodes = node.get("operators");
    Map<Integer, Integer> writer = new HashMap<>();
    for (int o = 0; o < operatorNodes.size(); o++) {
      operators.add(operator(s, o, operatorNodes.get(o), pointer + "/operators/" + o, byName, writer, operatorRanges));
    }
    List<Integer> inputs = refs(node.get("inputs"), pointer + "/inputs", byName,
        name2 -> label + " input '" + name2 + "' is not declared in its tensors");
    List<Integer> outputs = refs(node.get("outputs"), pointer + "/outputs", byName,
        name2 -> label + " output '" + name2 + "' is not declared in its tensors");
    return new Subgraph(s, name, tensors, operators, inputs, outputs);
  }

  private Tensor tensor(int s, int t, JsonNode node, String pointer, List<int[]> ranges) {
    span(Model.tensorLocation(s, t), pointer, ranges, t);
    String name = node.get("name").asText();
    TensorType type = TensorType.valueOf(node.get("type").asText());
    List<Integer> shape = dims(node.get("shape"), pointer + "/shape", name);
    List<Integer> signature = null;
    if (node.has("shape_signature")) {
      signature = dims(node.get("shape_signature"), pointer + "/shape_signature", name);
      if (!signature.isEmpty() && signature.size() != shape.size()) {
        problems.add(tree.problemAt(pointer + "/shape_signature", "tensor '" + name + "': shape_signature "
            + signature + " has rank " + signature.size() + " but shape " + shape + " has rank " + shape.size()));
      }
    }
    Quantization quantization = quantization(node.get("quantization"), type, pointer + "/quantization", name);
    ConstantData data = constant(node, type, shape, pointer, name);
    boolean variable = node.has("variable") && node.get("variable").asBoolean();
    if (variable && data != null) {
      problems.add(tree.problemAt(pointer, "tensor '" + name + "' is declared both variable and constant"));
    }
    boolean sparse = node.has("sparse") && node.get("sparse").asBoolean();
    return new Tensor(t, name, type, shape, signature, quantization, data, variable, sparse);
  }

  private List<Integer> dims(JsonNode node, String pointer, String tensor) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode d = node.get(i);
      if (!d.canConvertToInt() || d.asInt() < -1) {
        problems.add(tree.problemAt(pointer + "/" + i, "tensor '" + tensor + "': dimension " + d.asText()
            + " is out of range (use -1 only in shape_signature, for a dynamic dimension)"));
        out.add(1);
      } else {
        out.add(d.asInt());
      }
    }
    return out;
  }

  private Quantization quantization(JsonNode node, TensorType type, String pointer, String tensor) {
    if (node == null) {
      return type.isEightBitInteger() ? DEFAULT_8BIT_QUANTIZATION : Quantization.NONE;
    }
    if (node.isTextual()) {
      return Quantization.NONE;
    }
    List<Float> scale = new ArrayList<>();
    for (JsonNode v : node.get("scale")) {
      scale.add((float) v.asDouble());
    }
    List<Long> zeroPoint = new ArrayList<>();
    for (JsonNode v : iterable(node.get("zero_point"))) {
      zeroPoint.add(v.asLong());
    }
    if (!node.has("zero_point")) {
      zeroPoint.addAll(Collections.nCopies(scale.size(), 0L));
    } else if (zeroPoint.size() != scale.size()) {
      problems.add(tree.problemAt(pointer + "/zero_point", "tensor '" + tensor + "': " + zeroPoint.size()
          + " zero points for " + scale.size() + " scales; give one zero point per scale"));
    }
    int dimension = node.has("quantized_dimension") ? node.get("quantized_dimension").asInt() : 0;
    return new Quantization(scale, zeroPoint, dimension);
  }

  private ConstantData constant(JsonNode node, TensorType type, List<Integer> shape, String pointer, String name) {
    JsonNode constant = node.get("constant");
    JsonNode values = node.get("values");
    boolean declared = values != null || (constant != null && (!constant.isBoolean() || constant.asBoolean()));
    if (!declared) {
      return null;
    }
    if (constant != null && constant.isBoolean() && !constant.asBoolean()) {
      problems.add(tree.problemAt(pointer + "/constant", "tensor '" + name
          + "' has values but says constant: false"));
      return null;
    }
    long count = 1;
    for (int d : shape) {
      if (d < 0) {
        problems.add(tree.problemAt(pointer + "/shape", "constant tensor '" + name + "' has a dynamic shape "
            + shape));
        return null;
      }
      count = Math.multiplyHigh(count, d) != 0 ? Long.MAX_VALUE : count * d;
    }
    if (values != null) {
      if (node.has("bytes")) {
        problems.add(tree.problemAt(pointer + "/bytes", "tensor '" + name
            + "': bytes is only for constants without values"));
        return null;
      }
      return values(values, type, count, pointer + "/values", name, constant);
    }
    int width = Math.max(1, type.bytesPerElement());
    long bytes = count > DescriptionReader.MAX_CONSTANT_BYTES ? Long.MAX_VALUE : count * width;
    if (node.has("bytes")) {
      bytes = node.get("bytes").canConvertToLong() ? node.get("bytes").asLong() : Long.MAX_VALUE;
    }
    if (bytes > DescriptionReader.MAX_CONSTANT_BYTES) {
      problems.add(tree.problemAt(pointer + (node.has("bytes") ? "/bytes" : "/shape"), "constant tensor '" + name
          + "' of shape " + shape + " would hold more than " + DescriptionReader.MAX_CONSTANT_BYTES + " bytes"));
      return null;
    }
    ByteBuffer element = "zeros".equals(constant.asText()) ? ByteBuffer.allocate(width) : one(type);
    return ConstantData.uniform(type, (int) bytes, element);
  }

  private ConstantData values(JsonNode values, TensorType type, long count, String pointer, String name,
      JsonNode constant) {
    if (constant != null && constant.isTextual()) {
      problems.add(tree.problemAt(pointer, "tensor '" + name + "' has both values and constant: zeros"));
      return null;
    }
    if (type.bytesPerElement() == 0 || type == TensorType.STRING) {
      problems.add(tree.problemAt(pointer, "tensor '" + name + "': values cannot be given for type " + type));
      return null;
    }
    if (values.size() != count) {
      problems.add(tree.problemAt(pointer, "tensor '" + name + "' has " + values.size()
          + " values but its shape holds " + count + " elements"));
      return null;
    }
    boolean integral = !type.isFloat();
    List<Number> numbers = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      JsonNode v = values.get(i);
      if (integral && !v.isIntegralNumber()) {
        problems.add(tree.problemAt(pointer + "/" + i, "tensor '" + name + "' of type " + type
            + " has a non-integer value " + v.asText()));
        return null;
      }
      numbers.add(integral ? (Number) v.asLong() : (Number) v.asDouble());
    }
    return ConstantData.ofValues(type, numbers);
  }

  /** One element of {@code type} that reads as 1: what {@code constant: true} fills a tensor with. */
  private static ByteBuffer one(TensorType type) {
    ByteBuffer element = ByteBuffer.allocate(Math.max(1, type.bytesPerElement())).order(ByteOrder.LITTLE_ENDIAN);
    switch (type) {
      case FLOAT32 -> element.putFloat(1f);
      case FLOAT64 -> element.putDouble(1d);
      case INT64, UINT64 -> element.putLong(1L);
      case INT32, UINT32 -> element.putInt(1);
      case FLOAT16 -> element.putShort((short) 0x3C00);
      case BFLOAT16 -> element.putShort((short) 0x3F80);
      case INT16, UINT16 -> element.putShort((short) 1);
      case COMPLEX64 -> element.putFloat(1f).putFloat(0f);
      case COMPLEX128 -> element.putDouble(1d).putDouble(0d);
      default -> element.put((byte) 1);
    }
    return element.clear();
  }

  private Operator operator(int s, int o, JsonNode node, String pointer, Map<String, Integer> byName,
      Map<Integer, Integer> writer, List<int[]> ranges) {
    span(Model.operatorLocation(s, o), pointer, ranges, o);
    String op = node.get("op").asText();
    String opName;
    int code;
    String customCode = null;
    if (op.startsWith("CUSTOM:")) {
      opName = "CUSTOM";
      code = Operator.CUSTOM_CODE;
      customCode = op.substring("CUSTOM:".length());
    } else {
      opName = op;
      code = BuiltinOperators.codeOf(op);
      if (code < 0 || op.equals("CUSTOM")) {
        String hint = op.equals("CUSTOM") ? "write a custom op as \"CUSTOM:<custom code>\""
            : suggestion(op);
        problems.add(tree.problemAt(pointer + "/op", "operator " + o + ": unknown operator '" + op + "'"
            + (hint == null ? "" : "; " + hint)));
      }
    }
    String label = "operator " + o + " (" + op + ")";
    List<Integer> inputs = refs(node.get("inputs"), pointer + "/inputs", byName,
        n -> label + " reads tensor '" + n + "', which is not declared");
    List<Integer> outputs = refs(node.get("outputs"), pointer + "/outputs", byName,
        n -> label + " writes tensor '" + n + "', which is not declared");
    for (int i = 0; i < outputs.size(); i++) {
      int tensor = outputs.get(i);
      if (tensor < 0) {
        continue;
      }
      Integer previous = writer.putIfAbsent(tensor, o);
      if (previous != null) {
        problems.add(tree.problemAt(pointer + "/outputs/" + i, label + " writes tensor '"
            + node.get("outputs").get(i).asText() + "', which operator " + previous + " already writes"));
      }
    }
    Map<String, Object> options = new LinkedHashMap<>();
    JsonNode optionNodes = node.get("options");
    if (optionNodes != null) {
      optionNodes.fields().forEachRemaining(e -> options.put(e.getKey(), optionValue(e.getValue())));
      if (customCode == null && code >= 0) {
        checkOptionNames(opName, options.keySet(), pointer + "/options", label);
      }
    }
    int version = node.has("version") ? node.get("version").asInt() : 1;
    return new Operator(o, opName, code, customCode, version, inputs, outputs, options);
  }

  /**
   * An option name that no options table has would be ignored (the rules would see the default): a
   * typo in a hand-written description must not pass silently. A name of another operator's table is
   * let through: real files sometimes carry another table than the operator's (the corpus has
   * SEGMENT_SUM with AddOptions), and a description of such a file must read back as the file.
   */
  private void checkOptionNames(String opName, Set<String> names, String pointer, String label) {
    OptionsSchema.OptionsTable table = OperatorOptions.forOperator(opName);
    for (String name : names) {
      if ((table != null && table.field(name) != null) || OperatorOptions.isFieldOfAnyTable(name)) {
        continue;
      }
      String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
      if (table == null || table.fields().isEmpty()) {
        problems.add(tree.problemAtKey(at, label + ": unknown option '" + name + "'; " + opName + " has no options"));
        continue;
      }
      List<String> known = table.fields().stream().map(OptionsSchema.Field::name).toList();
      String closest = null;
      int closestDistance = Integer.MAX_VALUE;
      for (String candidate : known) {
        int distance = EditDistance.between(name, candidate);
        if (distance < closestDistance) {
          closestDistance = distance;
          closest = candidate;
        }
      }
      problems.add(tree.problemAtKey(at, label + ": unknown option '" + name + "' ("
          + (closestDistance <= 3 ? "did you mean '" + closest + "'? " : "") + table.name() + " has "
          + String.join(", ", known) + ")"));
    }
  }

  private static Object optionValue(JsonNode value) {
    if (value.isArray()) {
      List<Object> list = new ArrayList<>();
      value.forEach(v -> list.add(optionValue(v)));
      return list;
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToInt() ? (Object) value.asInt() : (Object) value.asLong();
    }
    if (value.isNumber()) {
      return (float) value.asDouble();
    }
    return value.asText();
  }

  private List<Integer> refs(JsonNode node, String pointer, Map<String, Integer> byName,
      java.util.function.Function<String, String> missing) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; node != null && i < node.size(); i++) {
      JsonNode ref = node.get(i);
      if (ref.isNull()) {
        out.add(-1);
        continue;
      }
      Integer index = byName.get(ref.asText());
      if (index == null) {
        problems.add(tree.problemAt(pointer + "/" + i, missing.apply(ref.asText())));
        out.add(-1);
      } else {
        out.add(index);
      }
    }
    return out;
  }

  /** The span of item {@code index} of a list whose item ranges are known (else looked up by pointer). */
  private void span(String key, String pointer, List<int[]> ranges, int index) {
    if (ranges != null && index < ranges.size()) {
      int[] range = ranges.get(index);
      spans.put(key, Span.lines(range[0], range[1], range[2], range[3]));
    } else {
      span(key, pointer);
    }
  }

  private void span(String key, String pointer) {
    int[] range = tree.rangeOf(pointer);
    if (range != null) {
      spans.put(key, Span.lines(range[0], range[1], range[2], range[3]));
    }
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : iterable(node)) {
      out.add(v.asText());
    }
    return out;
  }

  private static Iterable<JsonNode> iterable(JsonNode node) {
    return node == null ? List.of() : node;
  }

  /** "did you mean CONV_2D?" for a near-miss builtin name, else null. */
  private static String suggestion(String op) {
    String normalized = op.replace("_", "").toUpperCase();
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (int code = 0; code < 256; code++) {
      String name = BuiltinOperators.nameOf(code);
      if (name.startsWith("BUILTIN_")) {
        continue;
      }
      int distance = EditDistance.between(normalized, name.replace("_", ""));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = name;
      }
    }
    return best != null && bestDistance <= 2 ? "did you mean " + best + "?" : null;
  }
}
