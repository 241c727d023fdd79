package dev.edgetpulint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.graph.Model;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rule expressions are bounded in time and memory and cannot reach the process (issue 9), beyond
 * what SandboxTest covers. Found by probing: a range literal is a collection of any size that costs
 * nothing to write; under JEXL, summing or printing 1..2000000000 ran for minutes or out of memory.
 * Now a too-long range is a rule that "could not be evaluated here" (a finding, not a hang or a crash).
 */
class SandboxBoundsTest {
  private static Rule rule(String when) {
    return SandboxProbe.rule("TEST-BOUNDS", when);
  }

  private static Model oneRelu() {
    return SandboxProbe.oneRelu();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "sum(1..2000000000) > 0",
      "count_above(1..2000000000, 5) > 0",
      "max(concat(1..2000000000, [1])) > 0",
      "1000 =~ 1..2000000000",
      "contains(1..2000000000, -1)",
  })
  void hugeRangesAreRefusedWhileEvaluating(String when) {
    List<Finding> findings = new RuleEngine(RuleSet.of(List.of(rule(when)))).evaluate(oneRelu(), 14);
    assertTrue(findings.size() <= 1, findings.toString());
    for (Finding f : findings) {
      assertEquals(Severity.INFO, f.severity(), f.message());
      assertTrue(f.message().contains("could not be evaluated"), f.message());
      assertTrue(f.message().length() < 2000, "message not bounded: " + f.message().length());
    }
  }

  /**
   * A function the rules do not define is not looked up anywhere else: calls are linked to the rule
   * functions when the rule is compiled, so the rule is refused before anything runs. (Under JEXL
   * this was a rule that "could not be evaluated" at each operator.)
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "exec('sh') != null",
      "getenv('HOME') != null",
      "forName('java.lang.Runtime') != null",
  })
  void unknownFunctionsAreRefusedAtCompileTime(String when) {
    RuleLoadException e = assertThrows(RuleLoadException.class,
        () -> new RuleEngine(RuleSet.of(List.of(rule(when)))).compileAll());
    String name = when.substring(0, when.indexOf('('));
    assertTrue(e.getMessage().startsWith("probe.yaml:1: rule TEST-BOUNDS, when: unknown function '" + name
        + "'; the rule functions are abs, all, all_equal, any,"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "sum(1..1000) == 500500",
      "contains(1..10, 3)",
  })
  void smallRangesStillWork(String when) {
    List<Finding> findings = new RuleEngine(RuleSet.of(List.of(rule(when)))).evaluate(oneRelu(), 14);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("probe fired", findings.get(0).message());
  }

  /** The process and the environment are out of reach too (SandboxTest covers classes, files, URLs). */
  @ParameterizedTest
  @ValueSource(strings = {
      "new('java.lang.ProcessBuilder', ['sh', '-c', 'touch /tmp/pwned']) != null",
      "System.getenv('HOME') != null",
      "''.class.forName('java.lang.Runtime').getRuntime().exec('true') != null",
  })
  void processAndEnvironmentAreRefusedAtCompileTime(String when) {
    RuleLoadException e = assertThrows(RuleLoadException.class,
        () -> new RuleEngine(RuleSet.of(List.of(rule(when)))).compileAll());
    assertTrue(e.getMessage().startsWith("probe.yaml:1: rule TEST-BOUNDS"), e.getMessage());
  }
}
