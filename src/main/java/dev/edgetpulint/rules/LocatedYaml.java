package dev.edgetpulint.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document read as a plain JSON tree (no Java types are ever instantiated from the text),
 * remembering where each node starts so that errors can say file:line:column.
 */
public final class LocatedYaml {
  private static final YAMLFactory YAML = YAMLFactory.builder().build();

  private final JsonNode root;
  private final Map<String, int[]> positions;

  private LocatedYaml(JsonNode root, Map<String, int[]> positions) {
    this.root = root;
    this.positions = positions;
  }

  /**
   * Parses {@code text}.
   *
   * @throws YamlSyntaxException with line and column when the text is not YAML
   */
  public static LocatedYaml parse(String text) {
    return parse(text, false);
  }

  /**
   * Parses {@code text}; with {@code skipExamples} the {@code examples} of each rule are scanned but
   * not built (the command line does not need them, and they are most of a rule file).
   */
  public static LocatedYaml parse(String text, boolean skipExamples) {
    Map<String, int[]> positions = new HashMap<>();
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new LocatedYaml(JsonNodeFactory.instance.nullNode(), positions);
      }
      JsonNode root = read(parser, "", positions, skipExamples);
      return new LocatedYaml(root, positions);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new YamlSyntaxException(loc == null ? 1 : loc.getLineNr(), loc == null ? 1 : loc.getColumnNr(),
          "not valid YAML: " + summary(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new YamlSyntaxException(1, 1, "cannot read: " + e.getMessage());
    }
  }

  /** SnakeYAML's first line plus its "expected ..."/"found ..." lines, without the echoed source. */
  private static String summary(String message) {
    String[] lines = message.split("\n");
    StringBuilder sb = new StringBuilder(lines[0].strip());
    for (int i = 1; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.startsWith("expected") || l.startsWith("found") || l.startsWith("but found") || l.startsWith("mapping values")) {
        sb.append("; ").append(l);
      }
    }
    return sb.toString();
  }

  private static JsonNode read(JsonParser p, String pointer, Map<String, int[]> positions, boolean skipExamples)
      throws IOException {
    JsonLocation loc = p.currentTokenLocation();
    positions.put(pointer, new int[] {loc.getLineNr(), loc.getColumnNr()});
    JsonToken t = p.currentToken();
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (t) {
      case START_OBJECT -> {
        ObjectNode node = f.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonLocation keyLoc = p.currentTokenLocation();
          p.nextToken();
          String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
          if (skipExamples && name.equals("examples") && pointer.startsWith("/rules/")) {
            p.skipChildren();
            continue;
          }
          JsonNode value = read(p, child, positions, skipExamples);
          positions.put(child + "#key", new int[] {keyLoc.getLineNr(), keyLoc.getColumnNr()});
          if (node.has(name)) {
            throw new YamlSyntaxException(keyLoc.getLineNr(), keyLoc.getColumnNr(), "key '" + name + "' appears twice");
          }
          node.set(name, value);
        }
        return node;
      }
      case START_ARRAY -> {
        ArrayNode node = f.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          node.add(read(p, pointer + "/" + i, positions, skipExamples));
          i++;
        }
        return node;
      }
      case VALUE_STRING -> {
        return f.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return f.numberNode(p.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return f.numberNode(p.getDoubleValue());
      }
      case VALUE_TRUE -> {
        return f.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return f.booleanNode(false);
      }
      case VALUE_NULL -> {
        return f.nullNode();
      }
      default -> throw new YamlSyntaxException(loc.getLineNr(), loc.getColumnNr(), "unexpected " + t);
    }
  }

  public JsonNode root() {
    return root;
  }

  /** Line and column (1-based) of the node at a JSON pointer ("/rules/0/when"), or of its nearest parent. */
  public int[] position(String pointer) {
    String p = pointer;
    while (true) {
      int[] pos = positions.get(p);
      if (pos != null) {
        return pos;
      }
      if (p.isEmpty()) {
        return new int[] {1, 1};
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }

  /** A YAML syntax error at a line and column. */
  public static final class YamlSyntaxException extends RuntimeException {
    public final int line;
    public final int column;

    public YamlSyntaxException(int line, int column, String message) {
      super(message);
      this.line = line;
      this.column = column;
    }
  }
}
