package dev.edgetpulint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.edgetpulint.tflite.BuiltinOperators;
import dev.edgetpulint.util.EditDistance;
import dev.edgetpulint.util.PackagedFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one rule file: YAML as a plain tree, checked against {@code rule.schema.json}, then turned
 * into {@link Rule}s. Every problem is reported as {@code file:line:column: what is wrong}.
 */
public final class RuleLoader {
  static final String SCHEMA_RESOURCE = "dev/edgetpulint/rules/rule.schema.json";
  private static volatile JsonSchema schema;

  private RuleLoader() {}

  /**
   * Parses {@code text} (the content of {@code file}).
   *
   * @param validate whether to check the file against the JSON Schema (always for user files; the
   *     built-in files are checked by the build's tests instead, to keep the CLI's start fast)
   * @throws RuleLoadException listing every problem found
   */
  public static List<Rule> parse(String file, String text, boolean validate) {
    return parse(file, text, validate, false);
  }

  /**
   * Parses {@code text}; with {@code lazyExamples} each rule's examples are read only when first asked
   * for (the command line never asks; tests and the docs generator do).
   */
  static List<Rule> parse(String file, String text, boolean validate, boolean lazyExamples) {
    LocatedYaml yaml;
    boolean skip = lazyExamples && !validate;
    try {
      yaml = LocatedYaml.parse(text, skip);
    } catch (LocatedYaml.YamlSyntaxException e) {
      throw new RuleLoadException(List.of(file + ":" + e.line + ":" + e.column + ": " + e.getMessage()));
    }
    List<String> problems = new ArrayList<>();
    if (validate || !yaml.root().isObject()) {
      problems.addAll(schemaProblems(file, yaml));
      if (!problems.isEmpty()) {
        throw new RuleLoadException(problems);
      }
    }
    List<Rule> rules = new ArrayList<>();
    JsonNode list = yaml.root().path("rules");
    ExampleSource lazy = skip ? new ExampleSource(file, text) : null;
    for (int i = 0; i < list.size(); i++) {
      try {
        rules.add(toRule(file, yaml, "/rules/" + i, list.get(i), problems, lazy, i));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleLoadException(problems);
    }
    return rules;
  }

  static String at(String file, LocatedYaml yaml, String pointer) {
    int[] pos = yaml.position(pointer);
    return file + ":" + pos[0] + ":" + pos[1];
  }

  private static Rule toRule(String file, LocatedYaml yaml, String pointer, JsonNode node, List<String> problems,
      ExampleSource lazy, int index) {
    String id = node.path("id").asText();
    Rule.Scope scope = "model".equals(node.path("scope").asText("operator")) ? Rule.Scope.MODEL : Rule.Scope.OPERATOR;
    List<String> ops = strings(node.path("ops"));
    List<String> excludeOps = strings(node.path("exclude_ops"));
    if (scope == Rule.Scope.OPERATOR && ops.isEmpty()) {
      problems.add(at(file, yaml, pointer) + ": rule " + id + " judges operators but lists no 'ops' (use [\"*\"] for all)");
    }
    if (scope == Rule.Scope.MODEL && !ops.isEmpty()) {
      problems.add(at(file, yaml, pointer + "/ops") + ": rule " + id + " has scope model; 'ops' only applies to operator rules");
    }
    for (String key : List.of("ops", "exclude_ops")) {
      List<String> names = strings(node.path(key));
      for (int i = 0; i < names.size(); i++) {
        String op = names.get(i);
        if (!op.equals("*") && !op.startsWith("CUSTOM:") && !op.equals("CUSTOM") && BuiltinOperators.codeOf(op) < 0) {
          problems.add(at(file, yaml, pointer + "/" + key + "/" + i) + ": rule " + id + ": unknown operator '" + op
              + "'; use the TFLite builtin name (CONV_2D, DEPTHWISE_CONV_2D, ...) or CUSTOM:<custom code>");
        }
      }
    }
    VersionRange runtimes = range(file, yaml, pointer + "/runtimes", node.path("runtimes"), problems);
    VersionRange compilers = range(file, yaml, pointer + "/compilers", node.path("compilers"), problems);
    Map<String, String> let = new LinkedHashMap<>();
    node.path("let").fields().forEachRemaining(e -> let.put(e.getKey(), e.getValue().asText()));
    for (String name : let.keySet()) {
      if (!name.matches("[a-z_][a-z0-9_]*") || RESERVED.contains(name)) {
        problems.add(at(file, yaml, pointer + "/let/" + name + "#key") + ": rule " + id + ": '" + name
            + "' cannot name a helper; use lower_snake_case other than " + String.join(", ", RESERVED));
      }
    }
    List<RuleExample> examples = lazy != null ? lazy.of(index) : examples(yaml, pointer, node);
    return new Rule(
        id,
        node.path("title").asText().strip(),
        scope,
        ops,
        excludeOps,
        runtimes,
        compilers,
        text(node, "for_each"),
        let,
        node.path("when").asText().strip(),
        Severity.parse(node.path("severity").asText("error")),
        node.path("message").asText().strip(),
        text(node, "compiler_status"),
        text(node, "why"),
        text(node, "fix"),
        text(node, "help"),
        text(node, "evidence"),
        strings(node.path("suppresses")),
        examples,
        file,
        yaml.position(pointer)[0],
        positions(file, yaml, pointer, node));
  }

  /** Where each expression of the rule starts, for compile errors. */
  private static Map<String, String> positions(String file, LocatedYaml yaml, String pointer, JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String field : List.of("for_each", "when", "message", "fix")) {
      if (node.has(field)) {
        out.put(field, at(file, yaml, pointer + "/" + field));
      }
    }
    node.path("let").fieldNames().forEachRemaining(name -> out.put("let." + name, at(file, yaml, pointer + "/let/" + name)));
    return out;
  }

  static List<RuleExample> examples(LocatedYaml yaml, String pointer, JsonNode node) {
    List<RuleExample> examples = new ArrayList<>();
    JsonNode ex = node.path("examples");
    for (int i = 0; i < ex.size(); i++) {
      JsonNode e = ex.get(i);
      int line = yaml.position(pointer + "/examples/" + i)[0];
      examples.add(new RuleExample(e.path("name").asText(), "trigger".equals(e.path("expect").asText()),
          e.path("runtime").asInt(14), e.hasNonNull("compiler") ? e.get("compiler").asText() : null,
          e.path("model"), line));
    }
    return List.copyOf(examples);
  }

  /** Reads a file's examples on first use: the whole file once, then each rule's list. */
  static final class ExampleSource {
    private final String file;
    private final java.util.function.Supplier<String> text;
    private LocatedYaml yaml;

    ExampleSource(String file, String text) {
      this(file, () -> text);
    }

    /** A source whose text is read only when an example is first asked for. */
    ExampleSource(String file, java.util.function.Supplier<String> text) {
      this.file = file;
      this.text = text;
    }

    List<RuleExample> of(int index) {
      return new LazyExamples(this, index);
    }

    synchronized List<RuleExample> load(int index) {
      if (yaml == null) {
        yaml = LocatedYaml.parse(text.get());
      }
      String pointer = "/rules/" + index;
      return examples(yaml, pointer, yaml.root().path("rules").path(index));
    }

    @Override
    public String toString() {
      return file;
    }
  }

  /** A rule's examples, read from its file on first access; immutable. */
  static final class LazyExamples extends java.util.AbstractList<RuleExample> {
    private final ExampleSource source;
    private final int index;
    private volatile List<RuleExample> loaded;

    LazyExamples(ExampleSource source, int index) {
      this.source = source;
      this.index = index;
    }

    private List<RuleExample> loaded() {
      List<RuleExample> l = loaded;
      if (l == null) {
        l = source.load(index);
        loaded = l;
      }
      return l;
    }

    @Override
    public RuleExample get(int i) {
      return loaded().get(i);
    }

    @Override
    public int size() {
      return loaded().size();
    }
  }

  /** Names a rule's helpers may not take: the variables every expression already has. */
  static final List<String> RESERVED = List.of("op", "model", "tensor", "runtime", "compiler");

  private static VersionRange range(String file, LocatedYaml yaml, String pointer, JsonNode node, List<String> problems) {
    if (node.isMissingNode() || node.isNull()) {
      return VersionRange.ALL;
    }
    try {
      return VersionRange.parse(node.asText());
    } catch (IllegalArgumentException e) {
      problems.add(at(file, yaml, pointer) + ": " + e.getMessage());
      return VersionRange.ALL;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText().strip();
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

  // ---- JSON Schema ----

  static JsonSchema schema() {
    JsonSchema s = schema;
    if (s == null) {
      synchronized (RuleLoader.class) {
        s = schema;
        if (s == null) {
          try {
            s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(new ByteArrayInputStream(PackagedFiles.require(SCHEMA_RESOURCE)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          schema = s;
        }
      }
    }
    return s;
  }

  static List<String> schemaProblems(String file, LocatedYaml yaml) {
    List<ValidationMessage> messages = new ArrayList<>(schema().validate(yaml.root()));
    messages.sort(Comparator.comparing((ValidationMessage m) -> yaml.position(pointer(m.getInstanceLocation()))[0])
        .thenComparing(m -> yaml.position(pointer(m.getInstanceLocation()))[1]));
    List<String> out = new ArrayList<>();
    for (ValidationMessage m : messages) {
      String ptr = pointer(m.getInstanceLocation());
      String where = at(file, yaml, ptr);
      String line = where + ": " + words(m, ptr);
      if (!out.contains(line)) {
        out.add(line);
      }
    }
    return out;
  }

  private static String pointer(JsonNodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      sb.append('/').append(path.getElement(i));
    }
    return sb.toString();
  }

  /** The schema's complaint in a rule author's words. */
  private static String words(ValidationMessage m, String pointer) {
    String field = pointer.isEmpty() ? "the file" : humanPath(pointer);
    Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
    String first = args.length > 0 ? String.valueOf(args[0]) : "";
    return switch (m.getType()) {
      case "required" -> field + " lacks the required key '" + first + "'";
      case "additionalProperties" -> field + " has an unknown key '" + first + "'" + suggestion(m);
      case "enum" -> field + " is '" + m.getInstanceNode().asText() + "' but must be one of " + first.replace("\"", "");
      case "const" -> field + " must be " + first;
      case "type" -> field + " is " + describe(m.getInstanceNode()) + " but must be " + (args.length > 1 ? args[1] : first);
      case "pattern" -> field + " '" + m.getInstanceNode().asText() + "' does not have the expected form"
          + (pointer.endsWith("/id") ? " (upper-case words joined by dashes, like EDGETPU-CONV2D-DILATION)"
             : pointer.contains("ops") ? " (a TFLite builtin name like CONV_2D, CUSTOM:<code>, or *)" : " " + first);
      case "minItems" -> field + " needs at least " + first + " entries"
          + (pointer.endsWith("/examples") ? " (one graph that triggers the rule and one that does not)" : "");
      case "minLength" -> field + " is empty";
      case "minimum", "maximum" -> field + " is " + m.getInstanceNode().asText() + "; runtimes go from 10 to 14";
      default -> {
        String msg = m.getMessage();
        int colon = msg.indexOf(": ");
        yield field + ": " + (colon > 0 ? msg.substring(colon + 2) : msg);
      }
    };
  }

  private static String suggestion(ValidationMessage m) {
    String key = m.getArguments() != null && m.getArguments().length > 0 ? String.valueOf(m.getArguments()[0]) : "";
    JsonNode props = m.getSchemaNode() == null ? null : null;
    List<String> known = List.of("id", "title", "scope", "ops", "exclude_ops", "runtimes", "compilers", "for_each", "let",
        "when", "severity", "message", "compiler_status", "why", "fix", "help", "evidence", "suppresses", "examples",
        "name", "expect", "runtime", "compiler", "model", "description", "rules");
    String best = null;
    int bestDistance = 3;
    for (String k : known) {
      int d = EditDistance.between(key.toLowerCase(Locale.ROOT), k);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best == null || props != null ? "" : "; did you mean '" + best + "'?";
  }


  private static String describe(JsonNode n) {
    if (n == null || n.isNull()) {
      return "empty";
    }
    if (n.isTextual()) {
      return "the text '" + abbreviate(n.asText()) + "'";
    }
    if (n.isNumber()) {
      return "the number " + n.asText();
    }
    if (n.isBoolean()) {
      return n.asText();
    }
    return n.isArray() ? "a list" : "a mapping";
  }

  /** User text quoted in a message: one line, at most 60 characters. */
  static String abbreviate(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() > 60 ? line.substring(0, 57) + "..." : line;
  }

  /** "/rules/0/examples/1/expect" -> "rules[0].examples[1].expect". */
  static String humanPath(String pointer) {
    StringBuilder sb = new StringBuilder();
    for (String part : pointer.substring(1).split("/")) {
      if (part.matches("\\d+")) {
        sb.append('[').append(part).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(part.replace("~1", "/").replace("~0", "~"));
      }
    }
    return sb.toString();
  }
}
