package dev.edgetpulint.description;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.edgetpulint.graph.ConstantData;
import dev.edgetpulint.graph.EdgeTpuPackage;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Quantization;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import dev.edgetpulint.graph.TensorType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes a model as a description: one flow-map line per tensor and per operator, so that a diff of two
 * descriptions reads like a diff of two graphs. Weights are not written: a constant is {@code constant:
 * zeros} when all its bytes are zero, its {@code values} when it has at most {@link #MAX_WRITTEN_VALUES}
 * elements (axes, paddings, shapes, strides: what rules read), else {@code constant: true}.
 *
 * <p>Tensor names must be unique in a description; a duplicate or empty name in the binary is written
 * as {@code name#index}.
 */
public final class DescriptionWriter {
  public static final int MAX_WRITTEN_VALUES = 64;

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");
  private static final Resolver RESOLVER = new Resolver();

  private DescriptionWriter() {}

  public static String write(Model model) {
    StringBuilder out = new StringBuilder();
    out.append("# edgetpu-lint model description (").append(DescriptionReader.FORMAT).append(").\n");
    out.append("# Weights are not included: `constant: true` is a constant with non-zero contents.\n");
    out.append("format: ").append(DescriptionReader.FORMAT).append('\n');
    if (!model.source().isEmpty()) {
      out.append("source: ").append(string(model.source())).append('\n');
    }
    out.append("schema_version: ").append(model.schemaVersion()).append('\n');
    if (!model.description().isEmpty()) {
      out.append("description: ").append(string(model.description())).append('\n');
    }
    if (!model.metadataNames().isEmpty()) {
      out.append("metadata: ").append(strings(model.metadataNames())).append('\n');
    }
    if (!model.signatureKeys().isEmpty()) {
      out.append("signatures: ").append(strings(model.signatureKeys())).append('\n');
    }
    if (!model.edgeTpuPackages().isEmpty()) {
      out.append("edgetpu_packages:\n");
      for (EdgeTpuPackage p : model.edgeTpuPackages()) {
        out.append("  - {subgraph: ").append(p.subgraph()).append(", operator: ").append(p.operator())
            .append(", min_runtime_version: ").append(p.minRuntimeVersion());
        if (p.compilerVersion() != null) {
          out.append(", compiler_version: ").append(string(p.compilerVersion()));
        }
        out.append("}\n");
      }
    }
    out.append("subgraphs:").append(model.subgraphs().isEmpty() ? " []\n" : "\n");
    for (Subgraph subgraph : model.subgraphs()) {
      writeSubgraph(subgraph, out);
    }
    return out.toString();
  }

  private static void writeSubgraph(Subgraph subgraph, StringBuilder out) {
    List<String> names = uniqueNames(subgraph);
    out.append("  - ");
    String indent = "";
    if (!subgraph.name().isEmpty()) {
      out.append("name: ").append(string(subgraph.name())).append('\n');
      indent = "    ";
    }
    out.append(indent).append("inputs: ").append(refs(subgraph.inputs(), names)).append('\n');
    out.append("    outputs: ").append(refs(subgraph.outputs(), names)).append('\n');
    out.append("    tensors:").append(subgraph.tensors().isEmpty() ? " []\n" : "\n");
    for (Tensor tensor : subgraph.tensors()) {
      out.append("      - ").append(tensor(tensor, names.get(tensor.index()))).append('\n');
    }
    out.append("    operators:").append(subgraph.operators().isEmpty() ? " []\n" : "\n");
    for (Operator op : subgraph.operators()) {
      out.append("      - ").append(operator(op, names)).append('\n');
    }
  }

  private static String tensor(Tensor tensor, String name) {
    StringBuilder out = new StringBuilder("{name: ").append(string(name));
    out.append(", type: ").append(tensor.type() == TensorType.UNKNOWN ? "UNKNOWN" : tensor.type().name());
    out.append(", shape: ").append(tensor.shape());
    if (!tensor.shapeSignature().equals(tensor.shape())) {
      out.append(", shape_signature: ").append(tensor.shapeSignature());
    }
    Quantization q = tensor.quantization();
    if (q.isPresent()) {
      out.append(", quantization: {scale: [");
      for (int i = 0; i < q.scale().size(); i++) {
        out.append(i == 0 ? "" : ", ").append(number(q.scale().get(i)));
      }
      out.append("], zero_point: ").append(q.zeroPoint());
      if (q.quantizedDimension() != 0) {
        out.append(", quantized_dimension: ").append(q.quantizedDimension());
      }
      out.append('}');
    } else if (tensor.type().isEightBitInteger()) {
      out.append(", quantization: none");
    }
    if (tensor.isConstant()) {
      out.append(constant(tensor));
    }
    if (tensor.variable()) {
      out.append(", variable: true");
    }
    if (tensor.sparse()) {
      out.append(", sparse: true");
    }
    return out.append('}').toString();
  }

  private static String constant(Tensor tensor) {
    ConstantData data = tensor.data();
    if (data.isAllZero()) {
      return ", constant: zeros" + bytes(tensor);
    }
    long count = tensor.elementCount();
    if (count <= MAX_WRITTEN_VALUES && tensor.type() != TensorType.STRING) {
      Optional<List<Number>> values = data.values();
      if (values.isPresent() && values.get().size() == count) {
        StringBuilder out = new StringBuilder(", values: [");
        for (int i = 0; i < values.get().size(); i++) {
          out.append(i == 0 ? "" : ", ").append(number(values.get().get(i)));
        }
        return out.append(']').toString();
      }
    }
    return ", constant: true" + bytes(tensor);
  }

  /** ", bytes: N" where the data's length is not elements x element size (packed INT4, sparse). */
  private static String bytes(Tensor tensor) {
    long natural = tensor.elementCount() * Math.max(1, tensor.type().bytesPerElement());
    return tensor.data().byteLength() == natural ? "" : ", bytes: " + tensor.data().byteLength();
  }

  private static String operator(Operator op, List<String> names) {
    StringBuilder out = new StringBuilder("{op: ").append(string(op.displayName()));
    out.append(", version: ").append(op.version());
    out.append(", inputs: ").append(refs(op.inputs(), names));
    out.append(", outputs: ").append(refs(op.outputs(), names));
    if (!op.options().isEmpty()) {
      out.append(", options: {");
      boolean first = true;
      for (Map.Entry<String, Object> option : sortedOptions(op.options())) {
        out.append(first ? "" : ", ").append(string(option.getKey())).append(": ").append(value(option.getValue()));
        first = false;
      }
      out.append('}');
    }
    return out.append('}').toString();
  }

  /** Options in a stable order (the graph model keeps them in an unordered map). */
  private static List<Map.Entry<String, Object>> sortedOptions(Map<String, Object> options) {
    List<Map.Entry<String, Object>> entries = new ArrayList<>(options.entrySet());
    entries.sort(Map.Entry.comparingByKey());
    return entries;
  }

  private static String value(Object value) {
    if (value instanceof Collection<?> list) {
      StringBuilder out = new StringBuilder("[");
      boolean first = true;
      for (Object item : list) {
        out.append(first ? "" : ", ").append(value(item));
        first = false;
      }
      return out.append(']').toString();
    }
    if (value instanceof Number number) {
      return number(number);
    }
    if (value instanceof Boolean b) {
      return b.toString();
    }
    return string(String.valueOf(value));
  }

  /** A number YAML 1.1 reads back as the same number (floats always with a dot and a signed exponent). */
  static String number(Number number) {
    if (number instanceof Float || number instanceof Double) {
      double d = number.doubleValue();
      if (Double.isNaN(d)) {
        return ".nan";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? ".inf" : "-.inf";
      }
      String text = number instanceof Float f ? Float.toString(f) : Double.toString(d);
      int e = text.indexOf('E');
      if (e > 0 && text.charAt(e + 1) != '-') {
        text = text.substring(0, e + 1) + "+" + text.substring(e + 1);
      }
      return text;
    }
    return number.toString();
  }

  private static String refs(List<Integer> indices, List<String> names) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < indices.size(); i++) {
      int index = indices.get(i);
      out.append(i == 0 ? "" : ", ").append(index >= 0 && index < names.size() ? string(names.get(index)) : "null");
    }
    return out.append(']').toString();
  }

  private static String strings(List<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(string(values.get(i)));
    }
    return out.append(']').toString();
  }

  /** Plain when YAML reads the text back as the same string, else double-quoted. */
  public static String string(String text) {
    if (PLAIN.matcher(text).matches() && Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, text, true))) {
      return text;
    }
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }

  static List<String> uniqueNames(Subgraph subgraph) {
    Set<String> seen = new HashSet<>();
    for (Tensor tensor : subgraph.tensors()) {
      seen.add(tensor.name());
    }
    Set<String> used = new HashSet<>();
    List<String> names = new ArrayList<>();
    for (Tensor tensor : subgraph.tensors()) {
      String name = tensor.name();
      if (name.isEmpty() || !used.add(name)) {
        name = name + "#" + tensor.index();
        while (seen.contains(name) || !used.add(name)) {
          name = name + "'";
        }
      }
      names.add(name);
    }
    return names;
  }
}
