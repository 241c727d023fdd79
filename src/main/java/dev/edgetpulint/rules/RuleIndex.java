package dev.edgetpulint.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A build-time digest of the packaged rule files (everything but the examples) as JSON, so that the
 * command line reads its rules with Jackson's JSON parser instead of starting the YAML stack. The
 * build writes it ({@code mvn process-classes}, see pom.xml) after checking every file against the
 * schema; at run time it is used only if it matches the packaged YAML byte for byte (checksums), so a
 * stale index can slow the start but never change a verdict.
 */
public final class RuleIndex {
  /** Class-path location of the index. */
  public static final String RESOURCE = "/dev/edgetpulint/rules/rules-index.json";
  private static final int FORMAT = 1;

  private RuleIndex() {}

  /** Build step: {@code RuleIndex RULES_DIR OUTPUT_FILE}. Fails the build on a broken rule file. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list.sorted()::iterator) {
        String name = p.getFileName().toString();
        if (name.endsWith(".yaml")) {
          files.put(RuleSet.RESOURCE_DIR + name, Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    List<Rule> rules = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      rules.addAll(RuleLoader.parse(f.getKey(), f.getValue(), true));
    }
    RuleSet set = RuleSet.of(rules);
    new RuleEngine(set).compileAll();
    Files.createDirectories(out.getParent());
    Files.writeString(out, write(files, set.rules()), StandardCharsets.UTF_8);
  }

  static String write(Map<String, String> files, List<Rule> rules) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("format", FORMAT);
    ObjectNode sums = root.putObject("files");
    files.forEach((name, text) -> sums.put(name, checksum(text)));
    ArrayNode list = root.putArray("rules");
    for (Rule r : rules) {
      ObjectNode n = list.addObject();
      n.put("id", r.id());
      n.put("title", r.title());
      n.put("scope", r.scope().id());
      strings(n.putArray("ops"), r.ops());
      strings(n.putArray("exclude_ops"), r.excludeOps());
      n.put("runtimes", r.runtimes().text());
      n.put("compilers", r.compilers().text());
      n.put("for_each", r.forEach());
      ObjectNode let = n.putObject("let");
      r.let().forEach(let::put);
      n.put("when", r.when());
      n.put("severity", r.severity().id());
      n.put("message", r.message());
      n.put("compiler_status", r.compilerStatus());
      n.put("why", r.why());
      n.put("fix", r.fix());
      n.put("help", r.help());
      n.put("evidence", r.evidence());
      strings(n.putArray("suppresses"), r.suppresses());
      n.put("file", r.file());
      n.put("line", r.line());
      n.put("index", indexInFile(rules, r));
      ObjectNode pos = n.putObject("positions");
      r.positions().forEach(pos::put);
    }
    return json.writeValueAsString(root) + "\n";
  }

  private static int indexInFile(List<Rule> rules, Rule rule) {
    int i = 0;
    for (Rule r : rules) {
      if (r == rule) {
        return i;
      }
      if (r.file().equals(rule.file())) {
        i++;
      }
    }
    throw new IllegalStateException(rule.id());
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  /** CRC-32 and length of the text, enough to notice that a packaged file changed. */
  static String checksum(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return Long.toHexString(crc.getValue()) + ":" + bytes.length;
  }

  /**
   * The rules of the index, if it exists and describes exactly {@code files} (name to text);
   * examples are read from the YAML text when first asked for.
   */
  static Optional<List<Rule>> read(Map<String, String> files) {
    try (InputStream in = RuleIndex.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      Object tree;
      try (JsonParser p = new JsonFactory().createParser(in)) {
        p.nextToken();
        tree = value(p);
      }
      return Optional.ofNullable(rules(tree, files));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // fall back to the YAML, which reports real problems properly
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Rule> rules(Object tree, Map<String, String> files) {
    Map<String, Object> root = (Map<String, Object>) tree;
    if (!Integer.valueOf(FORMAT).equals(num(root.get("format")))) {
      return null;
    }
    Map<String, Object> sums = (Map<String, Object>) root.get("files");
    if (!sums.keySet().equals(files.keySet())) {
      return null;
    }
    Map<String, RuleLoader.ExampleSource> sources = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      if (!checksum(f.getValue()).equals(sums.get(f.getKey()))) {
        return null;
      }
      sources.put(f.getKey(), new RuleLoader.ExampleSource(f.getKey(), f.getValue()));
    }
    List<Rule> out = new ArrayList<>();
    for (Object o : (List<Object>) root.get("rules")) {
      Map<String, Object> n = (Map<String, Object>) o;
      String file = (String) n.get("file");
      Map<String, String> let = new LinkedHashMap<>();
      ((Map<String, Object>) n.get("let")).forEach((k, v) -> let.put(k, (String) v));
      Map<String, String> positions = new LinkedHashMap<>();
      ((Map<String, Object>) n.get("positions")).forEach((k, v) -> positions.put(k, (String) v));
      out.add(new Rule(
          (String) n.get("id"),
          (String) n.get("title"),
          "model".equals(n.get("scope")) ? Rule.Scope.MODEL : Rule.Scope.OPERATOR,
          (List<String>) (List<?>) n.get("ops"),
          (List<String>) (List<?>) n.get("exclude_ops"),
          VersionRange.parse((String) n.get("runtimes")),
          VersionRange.parse((String) n.get("compilers")),
          (String) n.get("for_each"),
          let,
          (String) n.get("when"),
          Severity.parse((String) n.get("severity")),
          (String) n.get("message"),
          (String) n.get("compiler_status"),
          (String) n.get("why"),
          (String) n.get("fix"),
          (String) n.get("help"),
          (String) n.get("evidence"),
          (List<String>) (List<?>) n.get("suppresses"),
          sources.get(file).of(num(n.get("index"))),
          file,
          num(n.get("line")),
          positions));
    }
    return out;
  }

  private static Integer num(Object o) {
    return o instanceof Number n ? n.intValue() : null;
  }

  /** A JSON value as String, Integer/Long/Double, Boolean, null, List or LinkedHashMap. */
  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, value(p));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(p));
        }
        return list;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected " + t);
    }
  }
}
