package dev.edgetpulint.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.edgetpulint.rules.Severity;
import dev.edgetpulint.service.LintOptions;
import dev.edgetpulint.service.config.RuleSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editor's settings (section {@code edgetpuLint} of {@code workspace/configuration}, or the
 * {@code initializationOptions}). They win over {@code .edgetpu-lint.yaml}, like command-line flags.
 *
 * <pre>
 * {"runtime": 13, "multipleSubgraphs": false, "select": ["EDGETPU-"], "ignore": ["EDGETPU-MEMORY-STREAMING"],
 *  "severity": {"EDGETPU-CONV2D-DILATION": "warning"}, "configFile": "/path/.edgetpu-lint.yaml",
 *  "rules": ["/path/to/extra/rules"], "compiler": "2.0"}
 * </pre>
 *
 * @param problems settings that were ignored, and why (shown to the user once)
 * @param compiler the edgetpu_compiler release to judge for ("16.0", "2.0", ...), or null for the
 *     configuration's (default 16.0)
 */
public record LspSettings(
    Integer runtime,
    boolean multipleSubgraphs,
    RuleSettings selection,
    Path configFile,
    List<Path> ruleDirs,
    List<String> problems,
    String compiler) {

  public static final String SECTION = "edgetpuLint";
  public static final LspSettings DEFAULTS =
      new LspSettings(null, false, RuleSettings.EMPTY, null, List.of(), List.of(), null);

  /** Settings without a compiler version. */
  public LspSettings(Integer runtime, boolean multipleSubgraphs, RuleSettings selection, Path configFile,
      List<Path> ruleDirs, List<String> problems) {
    this(runtime, multipleSubgraphs, selection, configFile, ruleDirs, problems, null);
  }

  public LspSettings {
    ruleDirs = List.copyOf(ruleDirs);
    problems = List.copyOf(problems);
  }

  /** The lint options these settings ask for, with paths reported relative to {@code workingDirectory}. */
  public LintOptions lintOptions(Path workingDirectory) {
    return new LintOptions(runtime, multipleSubgraphs, ruleDirs, configFile, null, workingDirectory, compiler);
  }

  /** Reads settings leniently: a wrong value is reported in {@link #problems()} and otherwise ignored. */
  public static LspSettings from(JsonElement element) {
    if (element == null || !element.isJsonObject()) {
      return DEFAULTS;
    }
    JsonObject json = element.getAsJsonObject();
    if (json.has(SECTION) && json.get(SECTION).isJsonObject()) {
      json = json.getAsJsonObject(SECTION);
    }
    List<String> problems = new ArrayList<>();
    Integer runtime = null;
    if (json.has("runtime") && !json.get("runtime").isJsonNull()) {
      try {
        int value = json.get("runtime").getAsInt();
        if (value < 10 || value > 14) {
          problems.add("runtime " + value + " is not an Edge TPU runtime version (10 to 14); using the default");
        } else {
          runtime = value;
        }
      } catch (RuntimeException e) {
        problems.add("runtime must be a number from 10 to 14");
      }
    }
    String compiler = null;
    if (json.has("compiler") && json.get("compiler").isJsonPrimitive()
        && !json.get("compiler").getAsString().isBlank()) {
      try {
        compiler = dev.edgetpulint.compiler.AnalysisOptions.compiler(json.get("compiler").getAsString());
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage() + "; using the default");
      }
    }
    boolean multiple = json.has("multipleSubgraphs") && bool(json.get("multipleSubgraphs"));
    Map<String, Severity> severities = new LinkedHashMap<>();
    if (json.has("severity") && json.get("severity").isJsonObject()) {
      for (Map.Entry<String, JsonElement> e : json.getAsJsonObject("severity").entrySet()) {
        try {
          severities.put(e.getKey(), Severity.parse(e.getValue().getAsString()));
        } catch (RuntimeException ex) {
          problems.add("severity of " + e.getKey() + " must be error, warning, info or off");
        }
      }
    }
    Path config = null;
    if (json.has("configFile") && json.get("configFile").isJsonPrimitive()
        && !json.get("configFile").getAsString().isBlank()) {
      config = Path.of(json.get("configFile").getAsString()).toAbsolutePath().normalize();
    }
    List<Path> ruleDirs = new ArrayList<>();
    for (String dir : strings(json.get("rules"))) {
      ruleDirs.add(Path.of(dir).toAbsolutePath().normalize());
    }
    RuleSettings selection = new RuleSettings(null, null, strings(json.get("select")), strings(json.get("ignore")),
        severities, List.of());
    return new LspSettings(runtime, multiple, selection, config, ruleDirs, problems, compiler);
  }

  private static boolean bool(JsonElement e) {
    try {
      return e.isJsonPrimitive() && e.getAsBoolean();
    } catch (RuntimeException ex) {
      return false;
    }
  }

  private static List<String> strings(JsonElement e) {
    List<String> out = new ArrayList<>();
    if (e != null && e.isJsonArray()) {
      JsonArray array = e.getAsJsonArray();
      for (JsonElement item : array) {
        if (item.isJsonPrimitive()) {
          out.add(item.getAsString());
        }
      }
    } else if (e != null && e.isJsonPrimitive()) {
      out.add(e.getAsString());
    }
    return out;
  }
}
