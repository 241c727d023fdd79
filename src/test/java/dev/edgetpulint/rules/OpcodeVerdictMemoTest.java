package dev.edgetpulint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.TensorType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The engine remembers a rule's false verdict per kind of operator (type, version, custom code) only
 * when nothing else of the operator can change it ({@link OpcodeVerdicts}). The chain: ADD v1 (no
 * activation), ADD v2, ADD v1 (fused RELU), ADD v2.
 */
class OpcodeVerdictMemoTest {
  private static Model chain() {
    GraphBuilder g = new GraphBuilder();
    int a = g.activation("a", TensorType.INT8, 1, 4);
    int b = g.activation("b", TensorType.INT8, 1, 4);
    int c = g.activation("c", TensorType.INT8, 1, 4);
    int d = g.activation("d", TensorType.INT8, 1, 4);
    int e = g.activation("e", TensorType.INT8, 1, 4);
    g.op("ADD").inputs(a, a).outputs(b).option("fused_activation_function", "NONE").add();
    g.op("ADD").version(2).inputs(b, b).outputs(c).option("fused_activation_function", "NONE").add();
    g.op("ADD").inputs(c, c).outputs(d).option("fused_activation_function", "RELU").add();
    g.op("ADD").version(2).inputs(d, a).outputs(e).option("fused_activation_function", "NONE").add();
    return g.inputs(a).outputs(e).build();
  }

  private static Rule rule(Map<String, String> let, String when) {
    return new Rule("TEST-OPCODE", "test rule", Rule.Scope.OPERATOR, List.of("*"), List.of(), VersionRange.ALL,
        VersionRange.ALL, null, let, when, Severity.ERROR, "operator {{op.index}}", null, "why", null, null, null,
        List.of(), List.of(), "test.yaml", 1);
  }

  private static List<String> messages(Rule rule) {
    List<String> out = new ArrayList<>();
    for (Finding f : new RuleEngine(RuleSet.of(List.of(rule))).evaluate(chain(), 14)) {
      out.add(f.message());
    }
    return out;
  }

  private static int opcodeSlot(Rule rule) {
    return CompiledRule.compile(rule, new AtomicInteger(), new AtomicInteger()).opcodeSlot();
  }

  @Test
  void aRuleOnTheOperatorsCodeIsFalseForEveryOperatorOfAKindItWasFalseFor() {
    Map<String, String> let = new LinkedHashMap<>();
    let.put("newest", "{'ADD': 1}[op['type']] ?? 0");
    Rule rule = rule(let, "op.version > newest && model.operator_count > 1");
    assertEquals(0, opcodeSlot(rule));
    assertEquals(List.of("operator 1", "operator 3"), messages(rule));
  }

  @Test
  void aRuleThatReadsMoreOfTheOperatorIsJudgedAtEachOperator() {
    // Operators 0 and 2 are of one kind; only their options differ.
    Rule options = rule(Map.of(), "op.version == 1 && op.options.fused_activation_function == 'RELU'");
    assertEquals(-1, opcodeSlot(options));
    assertEquals(List.of("operator 2"), messages(options));
    Map<String, String> let = new LinkedHashMap<>();
    let.put("first", "op.index == 0");
    Rule helper = rule(let, "op.version == 1 && !first");
    assertEquals(-1, opcodeSlot(helper), "a helper that reads the operator's index");
    assertEquals(List.of("operator 2"), messages(helper));
    Rule whole = rule(Map.of(), "op.version == 1 && size(op) > 0 && op.index > 0");
    assertEquals(-1, opcodeSlot(whole));
    assertEquals(List.of("operator 2"), messages(whole));
  }

  @Test
  void aRuleWithForEachIsJudgedAtEachOperator() {
    Rule forEach = new Rule("TEST-OPCODE", "test rule", Rule.Scope.OPERATOR, List.of("*"), List.of(),
        VersionRange.ALL, VersionRange.ALL, "op.inputs", Map.of(), "op.version == 2", Severity.ERROR,
        "operator {{op.index}}", null, "why", null, null, null, List.of(), List.of(), "test.yaml", 1);
    assertEquals(-1, opcodeSlot(forEach));
  }

  @Test
  void aHelperThatHidesAVariableIsReadLikeAnyOther() {
    Map<String, String> let = new LinkedHashMap<>();
    let.put("runtime", "op.index"); // hides the runtime; reads more of the operator than its code
    Rule rule = rule(let, "op.version == 1 && runtime > 0");
    assertEquals(-1, opcodeSlot(rule));
    assertEquals(List.of("operator 2"), messages(rule));
  }
}
