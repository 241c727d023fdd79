package dev.edgetpulint.service.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path config(String yaml) throws Exception {
    Path file = dir.resolve(LintConfig.FILE_NAME);
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void readsEveryKey() throws Exception {
    Path file = config("""
        runtime: 13
        multiple-subgraphs: true
        select: [EDGETPU-]
        ignore: EDGETPU-MEMORY
        severity:
          EDGETPU-CONV2D-DILATION: warning
        rules: [team-rules]
        fail-on: warning
        overrides:
          - paths: ["legacy/**"]
            runtime: 10
            ignore: [EDGETPU-QUANT]
            severity: {EDGETPU-CONV2D-DILATION: off}
        suppressions:
          - rule: EDGETPU-X
            paths: ["**/detector.tflite"]
            location: subgraphs[0].operators[3]
            reason: post-processing runs on the CPU by design
        """);
    LintConfig config = new ConfigLoader().load(file);
    assertEquals(13, config.settings().runtime());
    assertEquals(Boolean.TRUE, config.settings().multipleSubgraphs());
    assertEquals(List.of(dir.resolve("team-rules").toAbsolutePath().normalize()), config.settings().ruleDirs());
    assertEquals(Severity.WARNING, config.failOn());
    assertTrue(config.settings().selects("EDGETPU-CONV2D-DILATION"));
    assertFalse(config.settings().selects("EDGETPU-MEMORY-STREAMING"));
    assertFalse(config.settings().selects("OTHER-RULE"));

    RuleSettings legacy = config.settingsFor(dir.resolve("legacy/a/m.tflite"));
    assertEquals(10, legacy.runtime());
    assertEquals(Severity.OFF, legacy.severity().get("EDGETPU-CONV2D-DILATION"));
    assertFalse(legacy.selects("EDGETPU-QUANT-FLOAT"));
    RuleSettings other = config.settingsFor(dir.resolve("models/m.tflite"));
    assertEquals(13, other.runtime());
    assertEquals(Severity.WARNING, other.severity().get("EDGETPU-CONV2D-DILATION"));

    assertEquals(1, config.suppressionsFor(dir.resolve("detector.tflite")).size());
    assertEquals(1, config.suppressionsFor(dir.resolve("x/detector.tflite")).size());
    assertEquals(0, config.suppressionsFor(dir.resolve("x/other.tflite")).size());
  }

  @Test
  void unknownKeyNamesFileLineAndSuggestion() throws Exception {
    Path file = config("runtime: 13\noverrides:\n  - paths: [a]\n    runtim: 10\n");
    ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file));
    assertTrue(e.getMessage().startsWith(file + ":4: unknown key 'runtim' (did you mean 'runtime'?)"), e.getMessage());
  }

  @Test
  void wrongValuesNameFileAndLine() throws Exception {
    assertMessage("runtime: 9\n", ":1: runtime must be a whole number from 10 to 14, got '9'");
    assertMessage("\nseverity:\n  X: fatal\n", ":3: severity must be error, warning, info or off, got 'fatal'");
    assertMessage("suppressions:\n  - rule: X\n", ":2: a suppression needs 'reason'");
    assertMessage("overrides:\n  - runtime: 10\n", ":2: an override needs 'paths'");
    assertMessage("fail-on: off\n", ":1: fail-on must be error, warning or info");
    assertMessage("runtime: [\n", ": not valid YAML");
    assertMessage("- a\n- b\n", ":1: expected a mapping");
  }

  private void assertMessage(String yaml, String expected) throws Exception {
    Path file = config(yaml);
    ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
  }

  @Test
  void nearestFileAboveTheModelGoverns() throws Exception {
    Files.createDirectories(dir.resolve("a/b/c"));
    Files.writeString(dir.resolve(LintConfig.FILE_NAME), "runtime: 11\n");
    Files.writeString(dir.resolve("a/b").resolve(LintConfig.FILE_NAME), "runtime: 12\n");
    ConfigLoader loader = new ConfigLoader();
    assertEquals(12, loader.forModel(dir.resolve("a/b/c/m.tflite")).settings().runtime());
    assertEquals(11, loader.forModel(dir.resolve("a/m.tflite")).settings().runtime());
    assertSame(loader.forModel(dir.resolve("a/b/c/m.tflite")), loader.forModel(dir.resolve("a/b/n.tflite")));
  }

  @Test
  void emptyFileIsNoSettings() throws Exception {
    LintConfig config = new ConfigLoader().load(config(""));
    assertEquals(null, config.settings().runtime());
    assertTrue(config.settings().selects("ANY"));
  }
}
