package dev.edgetpulint.description;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML document as a Jackson tree plus the text position of every node, found by JSON pointer
 * ("/subgraphs/0/tensors/3"). The document is only composed, never constructed into Java objects, so
 * no YAML tag can instantiate a class; aliases, nesting and size are bounded.
 *
 * <p>Positions are looked up by walking the composed nodes along the pointer when asked (a few hundred
 * to a few thousand times per document), not indexed for every one of the document's nodes up front:
 * the index cost a string and a map entry per node, a fifth of the parse of a large description.
 */
final class YamlTree {
  /** Keys whose scalar values are names: kept as text even when they look like numbers or booleans. */
  private static final Set<String> NAME_KEYS =
      Set.of("name", "inputs", "outputs", "op", "source", "description", "compiler_version", "metadata",
          "signatures");
  private static final int MAX_NODES = 5_000_000;
  private static final int MAX_CODE_POINTS = 256 * 1024 * 1024;

  private final JsonNode root;
  private final Node document;
  private final String[] lines;

  private YamlTree(JsonNode root, Node document, String[] lines) {
    this.root = root;
    this.document = document;
    this.lines = lines;
  }

  JsonNode root() {
    return root;
  }

  /** Parses {@code text}; syntax errors, duplicate keys and oversized documents are added to {@code problems}. */
  static YamlTree parse(String text, List<DescriptionProblem> problems) {
    String[] lines = lines(text);
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(100);
    options.setNestingDepthLimit(64);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    Node document;
    try {
      document = new Composer(new ParserImpl(new StreamReader(text), options), new MemoResolver(), options)
          .getSingleNode();
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
    // Only an alias ("*name") can make a node its own descendant: without one, no recursion to track.
    Converter converter = new Converter(problems, text.indexOf('*') >= 0);
    JsonNode root;
    try {
      root = converter.convert(document, false);
    } catch (TooLarge e) {
      problems.add(new DescriptionProblem(1, 1, 1, 1, "document too large: more than " + MAX_NODES
          + " YAML nodes after expanding aliases"));
      return null;
    }
    return new YamlTree(root, document, lines);
  }

  /** The lines of {@code text} split at CRLF, CR or LF, as {@code split("\r\n|\r|\n", -1)} without a regex. */
  static String[] lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(text.substring(start, i));
        if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return out.toArray(new String[0]);
  }

  /** The problem at the node of {@code pointer}, or at the nearest enclosing node that has a position. */
  DescriptionProblem problemAt(String pointer, String message) {
    Node node = deepest(pointer);
    if (node == null) {
      return new DescriptionProblem(1, 1, 1, 1, message);
    }
    int[] range = range(node);
    return new DescriptionProblem(range[0], range[1], range[2], range[3], message);
  }

  /** The composed YAML node at {@code pointer}, or null. */
  Node node(String pointer) {
    Node[] found = walk(pointer);
    return found[1];
  }

  /** The node at {@code pointer}, or at the nearest enclosing node that exists; null for no document. */
  private Node deepest(String pointer) {
    Node[] found = walk(pointer);
    return found[1] != null ? found[1] : found[0];
  }

  /**
   * Follows {@code pointer} from the document node the way {@link Converter} named the nodes: a
   * mapping's first entry with the key (later duplicates are reported and dropped), a sequence's item by
   * index. Returns {deepest node reached, node at the full pointer or null}.
   */
  private Node[] walk(String pointer) {
    Node node = document;
    int at = 0;
    int length = pointer.length();
    while (at < length) {
      if (pointer.charAt(at) != '/') {
        return new Node[] {node, null};
      }
      int end = pointer.indexOf('/', at + 1);
      if (end < 0) {
        end = length;
      }
      Node next = child(node, pointer.substring(at + 1, end));
      if (next == null) {
        return new Node[] {node, null};
      }
      node = next;
      at = end;
    }
    return new Node[] {node, node};
  }

  private static Node child(Node node, String segment) {
    if (node instanceof MappingNode mapping) {
      String key = segment.indexOf('~') < 0 ? segment : segment.replace("~1", "/").replace("~0", "~");
      for (NodeTuple tuple : mapping.getValue()) {
        if (key.equals(keyOf(tuple.getKeyNode()))) {
          return tuple.getValueNode();
        }
      }
      return null;
    }
    if (node instanceof SequenceNode sequence) {
      int index = index(segment);
      return index >= 0 && index < sequence.getValue().size() ? sequence.getValue().get(index) : null;
    }
    return null;
  }

  /** The decimal index of a pointer segment ("0", "17"), or -1 when it is none. */
  private static int index(String segment) {
    if (segment.isEmpty() || segment.length() > 9 || (segment.length() > 1 && segment.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static String keyOf(Node keyNode) {
    return keyNode instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(keyNode);
  }

  String line(int oneBased) {
    return oneBased >= 1 && oneBased <= lines.length ? lines[oneBased - 1] : "";
  }

  /** 1-based [startLine, startColumn, endLine, endColumn] of the node at {@code pointer}, or null. */
  int[] rangeOf(String pointer) {
    Node node = node(pointer);
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

  /**
   * SnakeYAML's YAML 1.1 resolver, remembering its answer for each plain scalar of a document: a
   * description repeats the same few hundred scalars (keys, types, dimensions, scales) thousands of
   * times, and each answer otherwise costs up to three regular-expression matches. The answer depends
   * on the text alone, so remembering it changes nothing.
   */
  private static final class MemoResolver extends Resolver {
    private static final int MAX_REMEMBERED = 4096;
    private static final int MAX_LENGTH = 64;
    private final Map<String, Tag> plain = new HashMap<>();

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      if (kind != NodeId.scalar || !implicit || value.length() > MAX_LENGTH) {
        return super.resolve(kind, value, implicit);
      }
      Tag tag = plain.get(value);
      if (tag == null) {
        tag = super.resolve(kind, value, implicit);
        if (plain.size() < MAX_REMEMBERED) {
          plain.put(value, tag);
        }
      }
      return tag;
    }
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

  private static final class TooLarge extends RuntimeException {
    TooLarge() {
      super(null, null, false, false);
    }
  }

  private static final class Converter {
    private final JsonNodeFactory factory = JsonNodeFactory.instance;
    private final List<DescriptionProblem> problems;
    private final Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
    private final boolean aliases;
    private int count;

    Converter(List<DescriptionProblem> problems, boolean aliases) {
      this.problems = problems;
      this.aliases = aliases;
    }

    JsonNode convert(Node node, boolean names) {
      if (++count > MAX_NODES) {
        throw new TooLarge();
      }
      if (!aliases || node instanceof ScalarNode) {
        return convertCollectionOrScalar(node, names);
      }
      if (!onPath.add(node)) {
        Mark mark = node.getStartMark();
        problems.add(new DescriptionProblem(mark.getLine() + 1, mark.getColumn() + 1, mark.getLine() + 1,
            mark.getColumn() + 1, "recursive YAML alias"));
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
            problems.add(new DescriptionProblem(mark.getLine() + 1, mark.getColumn() + 1, mark.getLine() + 1,
                mark.getColumn() + 1 + key.length(), "duplicate key '" + key + "'"));
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
  }
}
