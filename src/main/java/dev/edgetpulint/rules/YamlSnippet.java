package dev.edgetpulint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** Compact YAML for documentation: block mappings, one flow mapping per tensor or operator line. */
final class YamlSnippet {
  private static final int FLOW_WIDTH = 118;
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_ .()/-]*");

  private YamlSnippet() {}

  static String write(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    block(node, 0, sb);
    return sb.toString();
  }

  private static void block(JsonNode node, int indent, StringBuilder sb) {
    String pad = " ".repeat(indent);
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if (v.isValueNode() || fitsFlow(v, indent + e.getKey().length() + 2)) {
          sb.append(pad).append(e.getKey()).append(": ").append(flow(v)).append('\n');
        } else {
          sb.append(pad).append(e.getKey()).append(":\n");
          block(v, indent + 2, sb);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        if (item.isValueNode() || fitsFlow(item, indent + 2)) {
          sb.append(pad).append("- ").append(flow(item)).append('\n');
        } else {
          StringBuilder inner = new StringBuilder();
          block(item, indent + 2, inner);
          sb.append(pad).append("- ").append(inner.substring(indent + 2));
        }
      }
    } else {
      sb.append(pad).append(flow(node)).append('\n');
    }
  }

  private static boolean fitsFlow(JsonNode node, int indent) {
    if (node.isObject() && (node.has("subgraphs") || node.has("tensors") || node.has("operators"))) {
      return false;
    }
    return indent + flow(node).length() <= FLOW_WIDTH;
  }

  static String flow(JsonNode node) {
    if (node.isObject()) {
      StringBuilder sb = new StringBuilder("{");
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        sb.append(e.getKey()).append(": ").append(flow(e.getValue()));
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      return sb.append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(flow(node.get(i)));
      }
      return sb.append(']').toString();
    }
    if (node.isTextual()) {
      String t = node.asText();
      boolean plain = PLAIN.matcher(t).matches() && !t.equals("null") && !t.equals("true") && !t.equals("false");
      return plain ? t : '"' + t.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    return node.isNull() ? "null" : node.asText();
  }
}
