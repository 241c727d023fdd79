package dev.edgetpulint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.TensorType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleLoaderTest {
  /** A complete, valid rule file that adds a limitation the packaged rules do not have. */
  static final String EXTRA_RULE = """
      rules:
        - id: ACME-NO-WIDE-ADD
          title: Our accelerator board rejects ADD wider than 64 channels
          ops: [ADD]
          runtimes: ">=13"
          let:
            channels: "op.outputs[0].shape[op.outputs[0].rank - 1]"
          when: "channels > 64"
          severity: warning
          message: "ADD has {{channels}} channels; our board takes at most 64"
          why: "House rule."
          fix: "Split the channels."
          examples:
            - name: wide
              expect: trigger
              model: {subgraphs: [{tensors: [], operators: []}]}
            - name: narrow
              expect: pass
              model: {subgraphs: [{tensors: [], operators: []}]}
      """;

  private static Model add(int channels) {
    GraphBuilder g = new GraphBuilder();
    int a = g.activation("a", TensorType.INT8, 1, 4, 4, channels);
    int b = g.activation("b", TensorType.INT8, 1, 4, 4, channels);
    int out = g.activation("sum", TensorType.INT8, 1, 4, 4, channels);
    g.op("ADD").inputs(a, b).outputs(out).add();
    return g.inputs(a, b).outputs(out).build();
  }

  @Test
  void aLimitationCanBeAddedWithYamlOnly(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("acme.yaml"), EXTRA_RULE);
    RuleSet rules = RuleSet.load(List.of(dir));
    assertEquals(RuleSet.builtIn().size() + 1, rules.size());
    RuleEngine engine = new RuleEngine(rules);

    List<Finding> wide = engine.evaluate(add(128), 14);
    assertEquals(List.of("ACME-NO-WIDE-ADD"), wide.stream().map(Finding::ruleId).toList());
    assertEquals("ADD has 128 channels; our board takes at most 64", wide.get(0).message());
    assertEquals(Severity.WARNING, wide.get(0).severity());
    assertEquals("docs/rules.md#acme-no-wide-add", wide.get(0).helpUri());

    assertTrue(engine.evaluate(add(32), 14).isEmpty());
    assertTrue(engine.evaluate(add(128), 12).isEmpty(), "the runtime range is honoured");
    assertTrue(new RuleEngine(RuleSet.builtIn()).evaluate(add(128), 14).isEmpty(), "built-ins alone do not know it");
  }

  private static List<String> problems(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
    RuleLoadException e = assertThrows(RuleLoadException.class, () -> RuleSet.load(List.of(dir)));
    return e.problems();
  }

  @Test
  void unknownKeyIsReportedAtItsLineWithASuggestion(@TempDir Path dir) throws IOException {
    List<String> p = problems(dir, "bad.yaml", EXTRA_RULE.replace("    severity: warning", "    severty: warning"));
    String file = dir.resolve("bad.yaml").toString();
    assertTrue(p.contains(file + ":2:5: rules[0] lacks the required key 'severity'"), p.toString());
    assertTrue(p.contains(file + ":10:5: rules[0] has an unknown key 'severty'; did you mean 'severity'?")
        || p.stream().anyMatch(s -> s.startsWith(file + ":2:5: rules[0] has an unknown key 'severty'; did you mean 'severity'?")),
        p.toString());
  }

  @Test
  void wrongEnumValueNamesTheChoices(@TempDir Path dir) throws IOException {
    List<String> p = problems(dir, "bad.yaml", EXTRA_RULE.replace("severity: warning", "severity: fatal"));
    String file = dir.resolve("bad.yaml").toString();
    assertEquals(List.of(file + ":9:15: rules[0].severity is 'fatal' but must be one of [error, warning, info]"), p);
  }

  @Test
  void yamlSyntaxErrorHasLineAndColumn(@TempDir Path dir) throws IOException {
    List<String> p = problems(dir, "bad.yaml", "rules:\n  - id: X-Y\n    title: [unclosed\n");
    assertEquals(1, p.size());
    assertTrue(p.get(0).startsWith(dir.resolve("bad.yaml") + ":3:21: not valid YAML: while parsing a flow sequence; expected ',' or ']'"), p.get(0));
  }

  @Test
  void badExpressionIsReportedWithTheRuleAndField(@TempDir Path dir) throws IOException {
    List<String> p = problems(dir, "bad.yaml", EXTRA_RULE.replace("when: \"channels > 64\"", "when: \"''.getClass() != null\""));
    assertEquals(1, p.size(), p.toString());
    assertTrue(p.get(0).startsWith(dir.resolve("bad.yaml") + ":8:11: rule ACME-NO-WIDE-ADD, when: method calls are not allowed"),
        p.get(0));
  }

  @Test
  void unknownOperatorAndBadRangeAreReported(@TempDir Path dir) throws IOException {
    List<String> p = problems(dir, "bad.yaml", EXTRA_RULE.replace("ops: [ADD]", "ops: [ADD_2D]")
        .replace("runtimes: \">=13\"", "runtimes: \"newest\""));
    String file = dir.resolve("bad.yaml").toString();
    assertTrue(p.contains(file + ":4:11: rule ACME-NO-WIDE-ADD: unknown operator 'ADD_2D'; use the TFLite builtin name"
        + " (CONV_2D, DEPTHWISE_CONV_2D, ...) or CUSTOM:<custom code>"), p.toString());
    assertTrue(p.contains(file + ":5:15: 'newest' is not a version range; write all, 13, >=13, <=12 or 13-14"), p.toString());
  }

  @Test
  void duplicateIdIsRejected(@TempDir Path dir) throws IOException {
    List<String> p = problems(dir, "dup.yaml", EXTRA_RULE.replace("ACME-NO-WIDE-ADD", "EDGETPU-CONV2D-DILATION"));
    assertEquals(1, p.size(), p.toString());
    assertTrue(p.get(0).contains("rule id EDGETPU-CONV2D-DILATION is already used at rules/table1-limitations.yaml:"), p.get(0));
  }

  @Test
  void tooFewExamplesIsExplained(@TempDir Path dir) throws IOException {
    String oneExample = EXTRA_RULE.substring(0, EXTRA_RULE.indexOf("      - name: narrow"));
    List<String> p = problems(dir, "bad.yaml", oneExample);
    assertTrue(p.get(0).endsWith("rules[0].examples needs at least 2 entries (one graph that triggers the rule and one that does not)"),
        p.toString());
  }

  /** The packaged files skip schema validation at start-up (speed); this test holds them to it. */
  @Test
  void packagedRuleFilesMatchTheSchemaAndCompile() {
    int rules = 0;
    for (var file : RuleSet.builtInFiles().entrySet()) {
      rules += RuleLoader.parse(file.getKey(), file.getValue(), true).size();
    }
    assertEquals(RuleSet.builtIn().size(), rules);
    new RuleEngine(RuleSet.builtIn()).compileAll();
  }

  @Test
  void missingDirectoryIsAProblemNotACrash() {
    RuleLoadException e = assertThrows(RuleLoadException.class, () -> RuleSet.load(List.of(Path.of("/nonexistent/rules"))));
    assertEquals(List.of("/nonexistent/rules: not a directory of rule files"), e.problems());
  }

  @Test
  void yamlTagsCannotInstantiateJavaTypes(@TempDir Path dir) throws IOException {
    // Jackson reads YAML into a plain tree: a type tag is at most text, never a constructed object.
    Files.writeString(dir.resolve("tag.yaml"), EXTRA_RULE.replace("why: \"House rule.\"", "why: !!java.io.File \"/etc/passwd\""));
    RuleSet rules = RuleSet.load(List.of(dir));
    assertEquals("/etc/passwd", rules.rule("ACME-NO-WIDE-ADD").orElseThrow().why());
    assertFalse(rules.rules().isEmpty());
  }
}
