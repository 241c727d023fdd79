package dev.edgetpulint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.graph.Model;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Rule expressions cannot reach Java classes, files, the network or the process, and cannot loop. */
class SandboxTest {

  private static Rule rule(String when) {
    return SandboxProbe.rule("TEST-SANDBOX", when);
  }

  private static Model oneRelu() {
    return SandboxProbe.oneRelu();
  }

  /** Each of these is refused when the rule is compiled, with a message naming the rule's file. */
  @ParameterizedTest
  @ValueSource(strings = {
      "''.getClass() != null",
      "op.getClass().forName('java.lang.Runtime') != null",
      "new('java.io.File', '/etc/passwd') != null",
      "new('java.net.URL', 'http://example.com') != null",
      "while (true) { }",
      "for (var x : [1, 2]) { x }",
      "(x -> x)(1) == 1",
      "var a = 1; a == 1",
      "runtime = 9",
      "#pragma jexl.import java.lang\n true",
      "@silent true",
      "'abc'.length() == 3",
      "op.inputs.size() == 1",
  })
  void refusedAtCompileTime(String expression) {
    RuleLoadException e = assertThrows(RuleLoadException.class,
        () -> RuleSet.of(List.of(rule(expression))).rules().forEach(r -> new RuleEngine(RuleSet.of(List.of(r))).compileAll()));
    assertTrue(e.getMessage().startsWith("probe.yaml:1: rule TEST-SANDBOX, when: "), e.getMessage());
  }

  /** Property access cannot reach Java members either: unknown facts are errors, never reflection. */
  @ParameterizedTest
  @ValueSource(strings = {
      "op.class != null",
      "op.inputs[0].class != null",
      "model.getClass != null",
      "op.options.class.name != null",
  })
  void reflectionThroughPropertiesFindsNothing(String expression) {
    RuleEngine engine = new RuleEngine(RuleSet.of(List.of(rule(expression))));
    List<Finding> findings = engine.evaluate(oneRelu(), 14);
    // Either an unknown fact (reported as a rule that could not be evaluated) or a plain null: never a Class.
    for (Finding f : findings) {
      assertEquals(Severity.INFO, f.severity(), f.message());
      assertTrue(f.message().contains("could not be evaluated"), f.message());
    }
  }

  @Test
  void unknownFactNamesTheKnownOnes() {
    RuleEngine engine = new RuleEngine(RuleSet.of(List.of(rule("op.inputs[0].shpe == [1, 4]"))));
    List<Finding> findings = engine.evaluate(oneRelu(), 14);
    assertEquals(1, findings.size());
    assertTrue(findings.get(0).message().contains("a tensor has no fact 'shpe'"), findings.get(0).message());
    assertTrue(findings.get(0).message().contains("shape"), findings.get(0).message());
  }

  /** =~ is membership, never a regular expression (which could backtrack without end). */
  @Test
  void matchOperatorIsMembershipNotRegex() {
    assertEquals(1, new RuleEngine(RuleSet.of(List.of(rule("op.type =~ ['ADD', 'RELU'] && !('a' =~ 'a|b') && 'RELU' =~ op.type")))).evaluate(oneRelu(), 14).size());
    assertTrue(new RuleEngine(RuleSet.of(List.of(rule("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' =~ '(a+)+$'")))).evaluate(oneRelu(), 14).isEmpty());
  }

  /** A huge range cannot be fed to a list function: the rule fails at that operator instead of running on. */
  @Test
  void hugeRangeIsRefused() {
    List<Finding> findings = new RuleEngine(RuleSet.of(List.of(rule("sum(1..2000000000) > 0")))).evaluate(oneRelu(), 14);
    assertEquals(1, findings.size());
    assertTrue(findings.get(0).message().contains("longer than rules may use"), findings.get(0).message());
  }

  @Test
  void nonBooleanConditionIsReported() {
    RuleEngine engine = new RuleEngine(RuleSet.of(List.of(rule("op.type"))));
    List<Finding> findings = engine.evaluate(oneRelu(), 14);
    assertEquals(1, findings.size());
    assertTrue(findings.get(0).message().contains("not true or false"), findings.get(0).message());
  }

  @Test
  void factsAreReadable() {
    RuleEngine engine = new RuleEngine(RuleSet.of(List.of(rule(
        "op.type == 'RELU' && op.inputs[0].shape == [1, 4] && op.inputs[0].graph_input && op.outputs[0].producer == 'RELU'"
            + " && op.outputs[0].consumers == 0 && op.inputs[0].consumer_types == ['RELU'] && runtime == 13"))));
    List<Finding> findings = engine.evaluate(oneRelu(), 13);
    assertEquals(1, findings.size(), () -> findings.toString());
    assertEquals("probe fired", findings.get(0).message());
    assertTrue(engine.evaluate(oneRelu(), 14).isEmpty());
  }
}
