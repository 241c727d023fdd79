package dev.edgetpulint.service.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document as a Jackson tree plus the line of every value, keyed by JSON pointer ("/overrides/0/runtime"),
 * so that messages about a wrong key or value can say file:line.
 */
public final class LocatedYaml {
  private static final YAMLFactory FACTORY = new YAMLFactory();
  private final JsonNode root;
  private final Map<String, Integer> lines;

  private LocatedYaml(JsonNode root, Map<String, Integer> lines) {
    this.root = root;
    this.lines = lines;
  }

  public static LocatedYaml parse(Reader reader) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = FACTORY.createParser(reader)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new LocatedYaml(JsonNodeFactory.instance.objectNode(), lines);
      }
      JsonNode root = read(parser, "", lines);
      return new LocatedYaml(root, lines);
    }
  }

  private static JsonNode read(JsonParser parser, String pointer, Map<String, Integer> lines) throws IOException {
    lines.putIfAbsent(pointer, parser.currentLocation().getLineNr());
    JsonToken token = parser.currentToken();
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = f.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          String child = pointer + "/" + name;
          lines.put(child, parser.currentLocation().getLineNr());
          parser.nextToken();
          object.set(name, read(parser, child, lines));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = f.arrayNode();
        int i = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(parser, pointer + "/" + i++, lines));
        }
        return array;
      }
      case VALUE_STRING -> {
        return f.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return f.numberNode(parser.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return f.numberNode(parser.getDoubleValue());
      }
      case VALUE_TRUE -> {
        return f.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return f.booleanNode(false);
      }
      default -> {
        return f.nullNode();
      }
    }
  }

  public JsonNode root() {
    return root;
  }

  /** The line of the value or key at {@code pointer}, or of its nearest ancestor, or 1. */
  public int line(String pointer) {
    String p = pointer;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int slash = p.lastIndexOf('/');
      if (slash < 0) {
        return 1;
      }
      p = p.substring(0, slash);
    }
  }
}
