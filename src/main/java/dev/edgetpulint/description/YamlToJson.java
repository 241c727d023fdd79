package dev.edgetpulint.description;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Converts composed YAML nodes into a Jackson tree, as YAML 1.1 reads their scalars (the resolver's
 * tags), except the values of name keys, which stay text. One converter per conversion: it counts the
 * nodes and tracks the aliases on the current path.
 */
final class YamlToJson {
  /** Keys whose scalar values are names: kept as text even when they look like numbers or booleans. */
  static final Set<String> NAME_KEYS =
      Set.of("name", "inputs", "outputs", "op", "source", "description", "compiler_version", "metadata",
          "signatures");
  static final int MAX_NODES = 5_000_000;

  private final JsonNodeFactory factory = JsonNodeFactory.instance;
  private final List<DescriptionProblem> problems;
  private final Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
  private final boolean aliases;
  private final TextPositions positions;
  private int count;

  /** {@code aliases}: the text has one, so recursion must be tracked; {@code positions}: for problems. */
  YamlToJson(List<DescriptionProblem> problems, boolean aliases, TextPositions positions) {
    this.problems = problems;
    this.aliases = aliases;
    this.positions = positions;
  }

  /** How many YAML nodes were converted (aliases expanded): bounded by {@link #MAX_NODES}. */
  int count() {
    return count;
  }

  /**
   * The JSON of {@code node}; {@code names}: its scalars are names (kept as text). Duplicate keys and
   * recursive aliases are added to the problems.
   *
   * @throws TooLarge after more than {@link #MAX_NODES} nodes
   */
  JsonNode convert(Node node, boolean names) {
    if (++count > MAX_NODES) {
      throw new TooLarge();
    }
    if (!aliases || node instanceof ScalarNode) {
      return convertCollectionOrScalar(node, names);
    }
    if (!onPath.add(node)) {
      Mark mark = node.getStartMark();
      int line = positions.line(mark);
      int column = positions.column(mark);
      problems.add(new DescriptionProblem(line, column, line, column, "recursive YAML alias"));
      return factory.nullNode();
    }
    try {
      return convertCollectionOrScalar(node, names);
    } finally {
      onPath.remove(node);
    }
  }

  private JsonNode convertCollectionOrScalar(Node node, boolean names) {
    if (node instanceof MappingNode mapping) {
      ObjectNode object = factory.objectNode();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        String key = keyOf(keyNode);
        if (object.has(key)) {
          Mark mark = keyNode.getStartMark();
          int line = positions.line(mark);
          int column = positions.column(mark);
          problems.add(new DescriptionProblem(line, column, line, column + key.length(), "duplicate key '" + key + "'"));
          continue;
        }
        object.set(key, convert(tuple.getValueNode(), NAME_KEYS.contains(key)));
      }
      return object;
    }
    if (node instanceof SequenceNode sequence) {
      ArrayNode array = factory.arrayNode();
      for (Node item : sequence.getValue()) {
        array.add(convert(item, names));
      }
      return array;
    }
    ScalarNode scalar = (ScalarNode) node;
    String value = scalar.getValue();
    Tag tag = scalar.getTag();
    if (Tag.NULL.equals(tag)) {
      return factory.nullNode();
    }
    if (names || Tag.STR.equals(tag)) {
      return factory.textNode(value);
    }
    if (Tag.BOOL.equals(tag)) {
      return factory.booleanNode(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes")
          || value.equalsIgnoreCase("on"));
    }
    if (Tag.INT.equals(tag)) {
      JsonNode number = integer(value);
      return number != null ? number : factory.textNode(value);
    }
    if (Tag.FLOAT.equals(tag)) {
      String v = value.replace("_", "").toLowerCase();
      if (v.endsWith(".inf")) {
        return factory.numberNode(v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
      }
      if (v.equals(".nan")) {
        return factory.numberNode(Double.NaN);
      }
      try {
        return factory.numberNode(Double.parseDouble(v));
      } catch (NumberFormatException e) {
        return factory.textNode(value);
      }
    }
    return factory.textNode(value);
  }

  private JsonNode integer(String text) {
    if (isShortDecimal(text)) {
      return factory.numberNode(Long.parseLong(text)); // what the general path below gives, without BigInteger
    }
    String v = text.replace("_", "");
    boolean negative = v.startsWith("-");
    if (negative || v.startsWith("+")) {
      v = v.substring(1);
    }
    int radix = 10;
    if (v.startsWith("0x")) {
      radix = 16;
      v = v.substring(2);
    } else if (v.startsWith("0b")) {
      radix = 2;
      v = v.substring(2);
    } else if (v.startsWith("0o")) {
      radix = 8;
      v = v.substring(2);
    }
    try {
      BigInteger big = new BigInteger(v, radix);
      if (negative) {
        big = big.negate();
      }
      return big.bitLength() < 64 ? factory.numberNode(big.longValue()) : factory.numberNode(big);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A mapping key as text (a key that is a collection reads as its node's description). */
  static String keyOf(Node keyNode) {
    return keyNode instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(keyNode);
  }

  /** An optional sign and 1 to 18 decimal digits: always a long, read the same in any radix-10 parse. */
  private static boolean isShortDecimal(String text) {
    int start = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
    int digits = text.length() - start;
    if (digits < 1 || digits > 18) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** More than {@link #MAX_NODES} nodes: thrown without a stack trace, the caller reports it. */
  static final class TooLarge extends RuntimeException {
    private TooLarge() {
      super(null, null, false, false);
    }
  }
}
