package dev.edgetpulint.description;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML document as a Jackson tree plus the text position of every node, keyed by JSON pointer
 * ("/subgraphs/0/tensors/3"). The document is only composed, never constructed into Java objects, so
 * no YAML tag can instantiate a class; aliases, nesting and size are bounded.
 */
final class YamlTree {
  /** Keys whose scalar values are names: kept as text even when they look like numbers or booleans. */
  private static final Set<String> NAME_KEYS =
      Set.of("name", "inputs", "outputs", "op", "source", "description", "compiler_version", "metadata",
          "signatures");
  private static final int MAX_NODES = 5_000_000;
  private static final int MAX_CODE_POINTS = 256 * 1024 * 1024;

  private final JsonNode root;
  private final Map<String, Node> nodes;
  private final String[] lines;

  private YamlTree(JsonNode root, Map<String, Node> nodes, String[] lines) {
    this.root = root;
    this.nodes = nodes;
    this.lines = lines;
  }

  JsonNode root() {
    return root;
  }

  /** Parses {@code text}; syntax errors, duplicate keys and oversized documents are added to {@code problems}. */
  static YamlTree parse(String text, List<DescriptionProblem> problems) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(100);
    options.setNestingDepthLimit(64);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    Node document;
    try {
      document = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      int line = mark == null ? 1 : mark.getLine() + 1;
      int column = mark == null ? 1 : mark.getColumn() + 1;
      problems.add(new DescriptionProblem(line, column, line, column, "YAML syntax error: " + oneLine(problem)));
      return null;
    } catch (YAMLException e) {
      problems.add(new DescriptionProblem(1, 1, 1, 1, "YAML error: " + oneLine(e.getMessage())));
      return null;
    } catch (StackOverflowError e) {
      problems.add(new DescriptionProblem(1, 1, 1, 1, "YAML nesting too deep"));
      return null;
    }
    if (document == null) {
      problems.add(new DescriptionProblem(1, 1, 1, 1, "empty document: expected 'format: "
          + DescriptionReader.FORMAT + "' and 'subgraphs'"));
      return null;
    }
    Converter converter = new Converter(problems);
    JsonNode root;
    try {
      root = converter.convert(document, "", false);
    } catch (TooLarge e) {
      problems.add(new DescriptionProblem(1, 1, 1, 1, "document too large: more than " + MAX_NODES
          + " YAML nodes after expanding aliases"));
      return null;
    }
    return new YamlTree(root, converter.nodes, lines);
  }

  /** The problem at the node of {@code pointer}, or at the nearest enclosing node that has a position. */
  DescriptionProblem problemAt(String pointer, String message) {
    String p = pointer;
    Node node = nodes.get(p);
    while (node == null && !p.isEmpty()) {
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
      node = nodes.get(p);
    }
    if (node == null) {
      return new DescriptionProblem(1, 1, 1, 1, message);
    }
    int[] range = range(node);
    return new DescriptionProblem(range[0], range[1], range[2], range[3], message);
  }

  /** The composed YAML node at {@code pointer}, or null. */
  Node node(String pointer) {
    return nodes.get(pointer);
  }

  String line(int oneBased) {
    return oneBased >= 1 && oneBased <= lines.length ? lines[oneBased - 1] : "";
  }

  /** 1-based [startLine, startColumn, endLine, endColumn] of the node at {@code pointer}, or null. */
  int[] rangeOf(String pointer) {
    Node node = nodes.get(pointer);
    return node == null ? null : range(node);
  }

  private int[] range(Node node) {
    Mark start = node.getStartMark();
    Mark end = node.getEndMark();
    int startLine = start.getLine() + 1;
    int startColumn = start.getColumn() + 1;
    int endLine = end.getLine() + 1;
    int endColumn = end.getColumn() + 1;
    // A block node ends at the start of the next line: report it as ending at the end of its last line.
    while (endColumn == 1 && endLine > startLine) {
      endLine--;
      endColumn = endLine - 1 < lines.length ? lines[endLine - 1].length() + 1 : 1;
      if (!lines[endLine - 1].isBlank()) {
        break;
      }
    }
    return new int[] {startLine, startColumn, endLine, endColumn};
  }

  private static String oneLine(String text) {
    return text == null ? "unreadable YAML" : text.replaceAll("\\s+", " ").trim();
  }

  private static final class TooLarge extends RuntimeException {
    TooLarge() {
      super(null, null, false, false);
    }
  }

  private static final class Converter {
    private final JsonNodeFactory factory = JsonNodeFactory.instance;
    private final Map<String, Node> nodes = new HashMap<>();
    private final List<DescriptionProblem> problems;
    private final Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
    private int count;

    Converter(List<DescriptionProblem> problems) {
      this.problems = problems;
    }

    JsonNode convert(Node node, String pointer, boolean names) {
      if (++count > MAX_NODES) {
        throw new TooLarge();
      }
      nodes.putIfAbsent(pointer, node);
      if (!(node instanceof ScalarNode) && !onPath.add(node)) {
        Mark mark = node.getStartMark();
        problems.add(new DescriptionProblem(mark.getLine() + 1, mark.getColumn() + 1, mark.getLine() + 1,
            mark.getColumn() + 1, "recursive YAML alias"));
        return factory.nullNode();
      }
      try {
        return convertCollectionOrScalar(node, pointer, names);
      } finally {
        onPath.remove(node);
      }
    }

    private JsonNode convertCollectionOrScalar(Node node, String pointer, boolean names) {
      if (node instanceof MappingNode mapping) {
        ObjectNode object = factory.objectNode();
        for (NodeTuple tuple : mapping.getValue()) {
          Node keyNode = tuple.getKeyNode();
          String key = keyNode instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(keyNode);
          String child = pointer + "/" + escape(key);
          if (object.has(key)) {
            Mark mark = keyNode.getStartMark();
            problems.add(new DescriptionProblem(mark.getLine() + 1, mark.getColumn() + 1, mark.getLine() + 1,
                mark.getColumn() + 1 + key.length(), "duplicate key '" + key + "'"));
            continue;
          }
          object.set(key, convert(tuple.getValueNode(), child, NAME_KEYS.contains(key)));
        }
        return object;
      }
      if (node instanceof SequenceNode sequence) {
        ArrayNode array = factory.arrayNode();
        int i = 0;
        for (Node item : sequence.getValue()) {
          array.add(convert(item, pointer + "/" + i, names));
          i++;
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
        String v = value.toLowerCase();
        return factory.booleanNode(v.equals("true") || v.equals("yes") || v.equals("on"));
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

    private static String escape(String key) {
      return key.replace("~", "~0").replace("/", "~1");
    }
  }
}
