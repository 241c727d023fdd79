package dev.edgetpulint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule's message and fix are compiled when it first triggers, yet a broken one is still reported
 * when rules are validated: by {@link RuleSet#load} for a user's rule files, by
 * {@link RuleEngine#compileAll} for the built-in rules (the build runs it before writing the rule index).
 */
class MessageTemplatesTest {
  private static final String BROKEN = "op {{ op.( }}";

  private static Rule rule(String when, String message, String fix) {
    return new Rule("TEST-TEMPLATE", "test rule", Rule.Scope.OPERATOR, List.of("*"), List.of(), VersionRange.ALL,
        VersionRange.ALL, null, Map.of(), when, Severity.ERROR, message, null, "why", fix, null, null, List.of(),
        List.of(), "test.yaml", 1);
  }

  private static List<String> findings(Rule rule) {
    List<String> out = new ArrayList<>();
    for (Finding f : new RuleEngine(RuleSet.of(List.of(rule))).evaluate(SandboxProbe.oneRelu(), 14)) {
      out.add(f.severity() + " " + f.message());
    }
    return out;
  }

  @Test
  void aBrokenMessageInAUserRuleFileIsReportedWhenTheRulesLoad(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("acme.yaml"), """
        rules:
          - id: ACME-BROKEN-MESSAGE
            title: A rule whose message does not compile
            ops: [RELU]
            when: "false"
            severity: warning
            message: "%s"
            why: "House rule."
            fix: "None."
            examples:
              - name: some
                expect: trigger
                model: {subgraphs: [{tensors: [], operators: []}]}
              - name: none
                expect: pass
                model: {subgraphs: [{tensors: [], operators: []}]}
        """.formatted(BROKEN));
    RuleLoadException e = assertThrows(RuleLoadException.class, () -> RuleSet.load(List.of(dir)));
    assertTrue(e.problems().toString().contains("ACME-BROKEN-MESSAGE, message"), e.problems().toString());
  }

  @Test
  void compilingEveryRuleReportsABrokenFix() {
    RuleEngine engine = new RuleEngine(RuleSet.of(List.of(rule("false", "fine", BROKEN))));
    RuleLoadException e = assertThrows(RuleLoadException.class, engine::compileAll);
    assertTrue(e.problems().toString().contains("TEST-TEMPLATE, fix"), e.problems().toString());
  }

  @Test
  void aMessageIsCompiledOnlyWhenItsRuleTriggers() {
    assertEquals(List.of(), findings(rule("false", BROKEN, null)));
    assertEquals(List.of("ERROR op RELU"), findings(rule("true", "op {{ op.type }}", null)));
    List<String> broken = findings(rule("true", BROKEN, null));
    assertEquals(1, broken.size(), broken.toString());
    assertTrue(broken.get(0).startsWith("INFO rule TEST-TEMPLATE (test.yaml:1) could not be evaluated here"),
        broken.get(0));
  }
}
