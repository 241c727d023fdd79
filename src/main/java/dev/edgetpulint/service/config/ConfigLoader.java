package dev.edgetpulint.service.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.rules.Severity;
import dev.edgetpulint.util.EditDistance;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds and reads .edgetpu-lint.yaml files. Every wrong key or value is reported as
 * {@code file:line: what is wrong}, with the nearest valid key suggested.
 */
public final class ConfigLoader {
  private static final Set<String> SETTING_KEYS =
      Set.of("runtime", "compiler", "multiple-subgraphs", "select", "ignore", "severity", "rules");
  private static final List<String> TOP_KEYS = sorted(SETTING_KEYS, "fail-on", "overrides", "suppressions");
  private static final List<String> OVERRIDE_KEYS = sorted(SETTING_KEYS, "paths");
  private static final List<String> SUPPRESSION_KEYS = List.of("location", "paths", "reason", "rule");

  private final Map<Path, LintConfig> byDirectory = new HashMap<>();
  private final Map<Path, LintConfig> byFile = new HashMap<>();

  /**
   * The configuration that governs {@code model}: the nearest .edgetpu-lint.yaml in its directory or
   * above, or {@link LintConfig#NONE}.
   */
  public synchronized LintConfig forModel(Path model) throws ConfigException {
    Path directory = model.toAbsolutePath().normalize().getParent();
    List<Path> visited = new ArrayList<>();
    LintConfig found = LintConfig.NONE;
    for (Path d = directory; d != null; d = d.getParent()) {
      LintConfig cached = byDirectory.get(d);
      if (cached != null) {
        found = cached;
        break;
      }
      visited.add(d);
      Path candidate = d.resolve(LintConfig.FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        found = load(candidate);
        break;
      }
    }
    for (Path d : visited) {
      byDirectory.put(d, found);
    }
    return found;
  }

  /** Reads one configuration file (cached). */
  public synchronized LintConfig load(Path file) throws ConfigException {
    Path key = file.toAbsolutePath().normalize();
    LintConfig cached = byFile.get(key);
    if (cached != null) {
      return cached;
    }
    LintConfig config = parse(key);
    byFile.put(key, config);
    return config;
  }

  static LintConfig parse(Path file) throws ConfigException {
    LocatedYaml yaml;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      yaml = LocatedYaml.parse(reader);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      throw new ConfigException(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage());
    }
    return new Parser(file, yaml).config();
  }

  private static List<String> sorted(Set<String> base, String... more) {
    List<String> keys = new ArrayList<>(base);
    keys.addAll(List.of(more));
    keys.sort(Comparator.naturalOrder());
    return List.copyOf(keys);
  }

  /** One file's parse; holds the file and tree for messages. */
  private static final class Parser {
    private final Path file;
    private final LocatedYaml yaml;

    Parser(Path file, LocatedYaml yaml) {
      this.file = file;
      this.yaml = yaml;
    }

    LintConfig config() throws ConfigException {
      JsonNode root = yaml.root();
      if (root.isNull()) {
        return new LintConfig(file, RuleSettings.EMPTY, null, List.of(), List.of());
      }
      requireObject(root, "");
      checkKeys(root, "", TOP_KEYS);
      RuleSettings settings = settings(root, "");
      Severity failOn = null;
      if (root.has("fail-on")) {
        failOn = severity(root.get("fail-on"), "/fail-on");
        if (failOn == Severity.OFF) {
          throw error("/fail-on", "fail-on must be error, warning or info");
        }
      }
      List<PathOverride> overrides = new ArrayList<>();
      if (root.has("overrides")) {
        JsonNode list = requireArray(root.get("overrides"), "/overrides");
        for (int i = 0; i < list.size(); i++) {
          String at = "/overrides/" + i;
          JsonNode entry = list.get(i);
          requireObject(entry, at);
          checkKeys(entry, at, OVERRIDE_KEYS);
          if (!entry.has("paths")) {
            throw error(at, "an override needs 'paths' (globs relative to " + LintConfig.FILE_NAME + ")");
          }
          overrides.add(new PathOverride(strings(entry.get("paths"), at + "/paths"), settings(entry, at)));
        }
      }
      List<ConfigSuppression> suppressions = new ArrayList<>();
      if (root.has("suppressions")) {
        JsonNode list = requireArray(root.get("suppressions"), "/suppressions");
        for (int i = 0; i < list.size(); i++) {
          String at = "/suppressions/" + i;
          JsonNode entry = list.get(i);
          requireObject(entry, at);
          checkKeys(entry, at, SUPPRESSION_KEYS);
          String rule = text(entry.get("rule"), at + "/rule", "a suppression needs 'rule' (a rule id)");
          String reason = text(entry.get("reason"), at + "/reason",
              "a suppression needs 'reason' (why this finding is accepted)");
          List<String> paths = entry.has("paths") ? strings(entry.get("paths"), at + "/paths") : List.of();
          String location = entry.has("location") ? text(entry.get("location"), at + "/location", null) : null;
          suppressions.add(new ConfigSuppression(rule, paths, location, reason));
        }
      }
      return new LintConfig(file, settings, failOn, overrides, suppressions);
    }

    private RuleSettings settings(JsonNode node, String at) throws ConfigException {
      Integer runtime = null;
      if (node.has("runtime")) {
        JsonNode value = node.get("runtime");
        if (!value.isIntegralNumber() || value.asInt() < AnalysisOptions.MIN_RUNTIME
            || value.asInt() > AnalysisOptions.MAX_RUNTIME) {
          throw error(at + "/runtime", "runtime must be a whole number from " + AnalysisOptions.MIN_RUNTIME
              + " to " + AnalysisOptions.MAX_RUNTIME + ", got '" + value.asText() + "'");
        }
        runtime = value.asInt();
      }
      String compiler = null;
      if (node.has("compiler")) {
        JsonNode value = node.get("compiler");
        try {
          if (!value.isValueNode() || value.isNull() || value.isBoolean()) {
            throw new IllegalArgumentException("compiler must be a version such as \"16.0\" or \"2.0\"");
          }
          compiler = AnalysisOptions.compiler(value.asText());
        } catch (IllegalArgumentException e) {
          throw error(at + "/compiler", e.getMessage().startsWith("compiler") ? e.getMessage()
              : "compiler: " + e.getMessage());
        }
      }
      Boolean multiple = null;
      if (node.has("multiple-subgraphs")) {
        JsonNode value = node.get("multiple-subgraphs");
        if (!value.isBoolean()) {
          throw error(at + "/multiple-subgraphs", "multiple-subgraphs must be true or false, got '" + value.asText() + "'");
        }
        multiple = value.booleanValue();
      }
      List<String> select = node.has("select") ? strings(node.get("select"), at + "/select") : List.of();
      List<String> ignore = node.has("ignore") ? strings(node.get("ignore"), at + "/ignore") : List.of();
      Map<String, Severity> severities = new LinkedHashMap<>();
      if (node.has("severity")) {
        JsonNode map = node.get("severity");
        requireObject(map, at + "/severity");
        Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          severities.put(field.getKey(), severity(field.getValue(), at + "/severity/" + field.getKey()));
        }
      }
      List<Path> dirs = new ArrayList<>();
      if (node.has("rules")) {
        Path base = file.getParent();
        for (String dir : strings(node.get("rules"), at + "/rules")) {
          dirs.add(base.resolve(dir).normalize());
        }
      }
      return new RuleSettings(runtime, multiple, select, ignore, severities, dirs, compiler);
    }

    private Severity severity(JsonNode value, String at) throws ConfigException {
      // YAML 1.1 reads an unquoted off/no as false.
      String text = value.isBoolean() && !value.booleanValue() ? "off"
          : value.isTextual() ? value.asText().trim().toLowerCase(Locale.ROOT) : "";
      return switch (text) {
        case "error" -> Severity.ERROR;
        case "warning" -> Severity.WARNING;
        case "info" -> Severity.INFO;
        case "off" -> Severity.OFF;
        default -> throw error(at, "severity must be error, warning, info or off, got '" + value.asText() + "'");
      };
    }

    private List<String> strings(JsonNode node, String at) throws ConfigException {
      List<String> out = new ArrayList<>();
      if (node.isTextual()) {
        out.add(text(node, at, null));
        return out;
      }
      requireArray(node, at);
      for (int i = 0; i < node.size(); i++) {
        out.add(text(node.get(i), at + "/" + i, null));
      }
      return out;
    }

    private String text(JsonNode node, String at, String missing) throws ConfigException {
      if (node == null || node.isNull()) {
        throw error(at, missing == null ? "a value is required" : missing);
      }
      if (!node.isValueNode() || node.asText().isBlank()) {
        throw error(at, "expected a non-empty string");
      }
      return node.asText();
    }

    private void checkKeys(JsonNode object, String at, List<String> allowed) throws ConfigException {
      Iterator<String> names = object.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!allowed.contains(name)) {
          String hint = closest(name, allowed);
          throw error(at + "/" + name, "unknown key '" + name + "'"
              + (hint == null ? "" : " (did you mean '" + hint + "'?)")
              + "; allowed here: " + String.join(", ", allowed));
        }
      }
    }

    private void requireObject(JsonNode node, String at) throws ConfigException {
      if (!node.isObject()) {
        throw error(at, "expected a mapping (key: value)");
      }
    }

    private JsonNode requireArray(JsonNode node, String at) throws ConfigException {
      if (!node.isArray()) {
        throw error(at, "expected a list");
      }
      return node;
    }

    private ConfigException error(String at, String message) {
      return new ConfigException(file + ":" + yaml.line(at) + ": " + message);
    }
  }

  static String closest(String name, List<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = EditDistance.between(name.toLowerCase(Locale.ROOT), candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
  }

}
