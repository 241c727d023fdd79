package dev.edgetpulint.description;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
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
  private static final int MAX_CODE_POINTS = 256 * 1024 * 1024;

  private final JsonNode root;
  private final Node document;
  private final String[] lines;
  /** Line and column of a mark as an editor counts them. */
  private final TextPositions positions;
  /** What the next version needs to reuse this one: its text, YAML problems and node count. */
  private final String text;
  private final List<DescriptionProblem> yamlProblems;
  private final int nodeCount;
  /** No alias, and no line break but CR and LF (so SnakeYAML's line numbers are the lines' indices). */
  private final boolean reusable;
  /** Whether this tree was built from the previous version's by composing one line (tests). */
  private boolean reused;
  /** The schema check of the tree this one was built from (what it may reuse), then this tree's own. */
  private SchemaPrecheck.Memo precheck;

  private YamlTree(JsonNode root, Node document, String[] lines, TextPositions positions, String text,
      List<DescriptionProblem> yamlProblems, int nodeCount, boolean reusable) {
    this.root = root;
    this.document = document;
    this.lines = lines;
    this.positions = positions;
    this.text = text;
    this.yamlProblems = List.copyOf(yamlProblems);
    this.nodeCount = nodeCount;
    this.reusable = reusable;
  }

  JsonNode root() {
    return root;
  }

  boolean reused() {
    return reused;
  }

  SchemaPrecheck.Memo precheck() {
    return precheck;
  }

  /** Keeps this tree's schema check for the next version (null: nothing to reuse). */
  void precheck(SchemaPrecheck.Memo memo) {
    precheck = memo;
  }

  /** Parses {@code text}; syntax errors, duplicate keys and oversized documents are added to {@code problems}. */
  static YamlTree parse(String text, List<DescriptionProblem> problems) {
    return parse(text, lines(text), problems);
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(100);
    options.setNestingDepthLimit(64);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    return options;
  }

  private static Node compose(String text) {
    LoaderOptions options = loaderOptions();
    return new Composer(new ParserImpl(new StreamReader(text), options), new MemoResolver(), options).getSingleNode();
  }

  private static YamlTree parse(String text, String[] lines, List<DescriptionProblem> problems) {
    TextPositions positions = TextPositions.of(text);
    Node document;
    try {
      document = compose(text);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      int line = mark == null ? 1 : positions.line(mark);
      int column = mark == null ? 1 : positions.column(mark);
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
    boolean aliases = text.indexOf('*') >= 0;
    List<DescriptionProblem> found = new ArrayList<>();
    YamlToJson converter = new YamlToJson(found, aliases, positions);
    JsonNode root;
    try {
      root = converter.convert(document, false);
    } catch (YamlToJson.TooLarge e) {
      problems.addAll(found);
      problems.add(new DescriptionProblem(1, 1, 1, 1, "document too large: more than " + YamlToJson.MAX_NODES
          + " YAML nodes after expanding aliases"));
      return null;
    }
    problems.addAll(found);
    boolean reusable = !aliases && positions == TextPositions.PLAIN;
    return new YamlTree(root, document, lines, positions, text, found, converter.count(), reusable);
  }

  /**
   * Parses {@code text}, a later version of {@code previous}'s document, exactly as {@link #parse} would,
   * but when the two differ in one line that is a flow-mapping item of a block sequence in both (the
   * form of every tensor and operator of a written description: {@code - {name: conv, ...}}), only that
   * line is composed and the rest of the previous tree is shared. Such a line cannot change how the
   * lines around it parse: it opens and closes its own flow context, at the same indentation. Anything
   * else (more lines, other forms, aliases, a line that does not parse alone) takes the full parse.
   */
  static YamlTree reparse(YamlTree previous, String text, List<DescriptionProblem> problems) {
    String[] lines = lines(text);
    if (previous != null && previous.reusable) {
      List<DescriptionProblem> found = new ArrayList<>();
      YamlTree reused;
      try {
        reused = previous.withChangedLine(text, lines, found);
      } catch (RuntimeException e) {
        reused = null; // never worse than the full parse below, which gives the same result
      }
      if (reused != null) {
        problems.addAll(found);
        return reused;
      }
    }
    return parse(text, lines, problems);
  }

  /** The tree of {@code text} built from this one, or null (nothing added to {@code problems}) when it cannot be. */
  private YamlTree withChangedLine(String newText, String[] newLines, List<DescriptionProblem> problems) {
    if (newText.equals(text)) {
      problems.addAll(yamlProblems);
      YamlTree same = new YamlTree(root, document, lines, positions, text, yamlProblems, nodeCount, reusable);
      same.reused = true;
      same.precheck = precheck;
      return same;
    }
    if (newLines.length != lines.length) {
      return null;
    }
    int first = 0;
    while (first < lines.length && lines[first].equals(newLines[first])) {
      first++;
    }
    int last = lines.length - 1;
    while (last > first && lines[last].equals(newLines[last])) {
      last--;
    }
    // One changed line, not the last (the end of a collection that closes at the end of the text is
    // marked on its last line, and would move with that line's length).
    if (first != last || first >= lines.length - 1) {
      return null;
    }
    String oldLine = lines[first];
    String newLine = newLines[first];
    int indent = flowItemIndent(newLine);
    if (indent < 0 || indent != flowItemIndent(oldLine) || !simpleCharacters(newLine)) {
      return null;
    }
    // The path from the document to the old item: each step a collection and the index of the child taken.
    List<Node> parents = new ArrayList<>();
    List<Integer> steps = new ArrayList<>();
    boolean names = false;
    Node node = document;
    while (!(node instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.FLOW)) {
      if (node instanceof SequenceNode seq && seq.getFlowStyle() == DumperOptions.FlowStyle.BLOCK) {
        int index = itemAt(seq.getValue(), first);
        if (index < 0) {
          return null;
        }
        parents.add(seq);
        steps.add(index);
        node = seq.getValue().get(index);
      } else if (node instanceof MappingNode map && map.getFlowStyle() == DumperOptions.FlowStyle.BLOCK) {
        int index = entryAt(map.getValue(), first);
        if (index < 0) {
          return null;
        }
        parents.add(map);
        steps.add(index);
        String key = YamlToJson.keyOf(map.getValue().get(index).getKeyNode());
        names = YamlToJson.NAME_KEYS.contains(key);
        node = map.getValue().get(index).getValueNode();
      } else {
        return null;
      }
    }
    Node oldItem = node;
    if (parents.isEmpty() || !(parents.get(parents.size() - 1) instanceof SequenceNode)
        || oldItem.getStartMark().getLine() != first || oldItem.getEndMark().getLine() != first) {
      return null;
    }
    Node newItem;
    try {
      Node alone = compose("\n".repeat(first) + newLine + "\n");
      if (!(alone instanceof SequenceNode seq) || seq.getValue().size() != 1
          || !(seq.getValue().get(0) instanceof MappingNode item) || item.getFlowStyle() != DumperOptions.FlowStyle.FLOW
          || item.getStartMark().getColumn() != oldItem.getStartMark().getColumn()) {
        return null;
      }
      newItem = item;
    } catch (YAMLException | StackOverflowError e) {
      return null;
    }
    // A reusable tree's text, and so the changed line, has only CR and LF line breaks: plain positions.
    YamlToJson oldConverter = new YamlToJson(new ArrayList<>(), false, TextPositions.PLAIN);
    oldConverter.convert(oldItem, names);
    List<DescriptionProblem> itemProblems = new ArrayList<>();
    YamlToJson newConverter = new YamlToJson(itemProblems, false, TextPositions.PLAIN);
    JsonNode newJson = newConverter.convert(newItem, names);
    long count = (long) nodeCount - oldConverter.count() + newConverter.count();
    if (count > YamlToJson.MAX_NODES) {
      return null;
    }
    // The JSON containers along the same path (a duplicate key's subtree is not in the JSON: give up).
    List<JsonNode> jsonParents = new ArrayList<>();
    JsonNode json = root;
    for (int i = 0; i < parents.size(); i++) {
      jsonParents.add(json);
      if (parents.get(i) instanceof MappingNode map) {
        List<NodeTuple> tuples = map.getValue();
        String key = YamlToJson.keyOf(tuples.get(steps.get(i)).getKeyNode());
        for (int k = 0; k < steps.get(i); k++) {
          if (key.equals(YamlToJson.keyOf(tuples.get(k).getKeyNode()))) {
            return null;
          }
        }
        json = json.get(key);
      } else {
        json = json.get(steps.get(i));
      }
      if (json == null) {
        return null;
      }
    }
    // Copy the path, sharing everything beside it: the previous tree stays as it was.
    Node newNode = newItem;
    JsonNode newJsonNode = newJson;
    for (int i = parents.size() - 1; i >= 0; i--) {
      int step = steps.get(i);
      if (parents.get(i) instanceof SequenceNode seq) {
        List<Node> items = new ArrayList<>(seq.getValue());
        items.set(step, newNode);
        newNode = new SequenceNode(seq.getTag(), true, items, seq.getStartMark(), seq.getEndMark(), seq.getFlowStyle());
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        array.addAll((ArrayNode) jsonParents.get(i));
        array.set(step, newJsonNode);
        newJsonNode = array;
      } else {
        MappingNode map = (MappingNode) parents.get(i);
        List<NodeTuple> tuples = new ArrayList<>(map.getValue());
        NodeTuple tuple = tuples.get(step);
        tuples.set(step, new NodeTuple(tuple.getKeyNode(), newNode));
        newNode = new MappingNode(map.getTag(), true, tuples, map.getStartMark(), map.getEndMark(), map.getFlowStyle());
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.setAll((ObjectNode) jsonParents.get(i));
        object.set(YamlToJson.keyOf(tuple.getKeyNode()), newJsonNode);
        newJsonNode = object;
      }
    }
    // The YAML problems of the changed line are replaced, in document order, by the new line's.
    int changedLine = first + 1;
    List<DescriptionProblem> merged = new ArrayList<>();
    boolean inserted = false;
    for (DescriptionProblem p : yamlProblems) {
      if (p.line() == changedLine) {
        continue;
      }
      if (!inserted && p.line() > changedLine) {
        merged.addAll(itemProblems);
        inserted = true;
      }
      merged.add(p);
    }
    if (!inserted) {
      merged.addAll(itemProblems);
    }
    problems.addAll(merged);
    YamlTree next = new YamlTree(newJsonNode, newNode, newLines, TextPositions.PLAIN, newText, merged, (int) count, true);
    next.reused = true;
    next.precheck = precheck;
    return next;
  }

  /** The column of "- {" of a line that is one flow-mapping item of a block sequence, or -1. */
  private static int flowItemIndent(String line) {
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    return line.startsWith("- {", indent) ? indent : -1;
  }

  /** Printable, without what could refer elsewhere in the document (anchors, aliases, tags). */
  private static boolean simpleCharacters(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '&' || c == '*' || c == '!' || c == '\u2028'
          || c == '\u2029' || c == '\uFEFF' || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The index of the item of a block sequence whose lines include {@code line}, or -1: the last item that
   * starts on or before it (a block item's end is marked where the next one starts).
   */
  private static int itemAt(List<Node> items, int line) {
    int low = 0;
    int high = items.size() - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (items.get(mid).getStartMark().getLine() <= line) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found >= 0 && items.get(found).getEndMark().getLine() >= line ? found : -1;
  }

  /** The index of the last entry of a block mapping whose value's lines include {@code line} (key above it), or -1. */
  private static int entryAt(List<NodeTuple> entries, int line) {
    int found = -1;
    for (int i = 0; i < entries.size(); i++) {
      Node key = entries.get(i).getKeyNode();
      Node value = entries.get(i).getValueNode();
      if (key.getEndMark().getLine() < line && value.getStartMark().getLine() <= line
          && line <= value.getEndMark().getLine()) {
        found = i;
      }
    }
    return found;
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

  /** A problem at the key of the mapping entry {@code pointer} names: an unknown key is the key's fault. */
  DescriptionProblem problemAtKey(String pointer, String message) {
    int slash = pointer.lastIndexOf('/');
    if (slash >= 0 && walk(pointer.substring(0, slash))[1] instanceof MappingNode mapping) {
      String segment = pointer.substring(slash + 1);
      String key = segment.replace("~1", "/").replace("~0", "~");
      for (NodeTuple tuple : mapping.getValue()) {
        if (key.equals(YamlToJson.keyOf(tuple.getKeyNode()))) {
          int[] range = range(tuple.getKeyNode());
          return new DescriptionProblem(range[0], range[1], range[2], range[3], message);
        }
      }
    }
    return problemAt(pointer, message);
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
   * Follows {@code pointer} from the document node the way {@link YamlToJson} named the nodes: a
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
        if (key.equals(YamlToJson.keyOf(tuple.getKeyNode()))) {
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

  String line(int oneBased) {
    return oneBased >= 1 && oneBased <= lines.length ? lines[oneBased - 1] : "";
  }

  /** The ranges of the items of the sequence at {@code pointer} (item i is the node at pointer/i), or null. */
  List<int[]> itemRanges(String pointer) {
    if (!(node(pointer) instanceof SequenceNode sequence)) {
      return null;
    }
    List<int[]> out = new ArrayList<>(sequence.getValue().size());
    for (Node item : sequence.getValue()) {
      out.add(range(item));
    }
    return out;
  }

  /** 1-based [startLine, startColumn, endLine, endColumn] of the node at {@code pointer}, or null. */
  int[] rangeOf(String pointer) {
    Node node = node(pointer);
    return node == null ? null : range(node);
  }

  /** 1-based [startLine, startColumn, endLine, endColumn] of {@code node}, as an editor counts lines. */
  int[] range(Node node) {
    Mark start = node.getStartMark();
    Mark end = node.getEndMark();
    int startLine = positions.line(start);
    int startColumn = positions.column(start);
    int endLine = positions.line(end);
    int endColumn = positions.column(end);
    // A block node ends at the start of the next line: report it as ending at the end of its last line.
    while (endColumn == 1 && endLine > startLine) {
      endLine--;
      if (endLine > lines.length) {
        break; // defence in depth: positions come from the same line breaks as the table
      }
      endColumn = lines[endLine - 1].length() + 1;
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
}
