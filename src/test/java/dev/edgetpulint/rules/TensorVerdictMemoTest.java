package dev.edgetpulint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.TensorType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine remembers a rule's verdict on a tensor across the operators that read or write it
 * only when the verdict cannot depend on the operator ({@link CompiledRule}). A chain
 * {@code x -> RELU#0 -> y -> RELU#1 -> z -> RELU#2 -> w}: tensor y is written by operator 0 and
 * read by operator 1.
 */
class TensorVerdictMemoTest {
  private static final String EACH_TENSOR = "concat(op.inputs, op.outputs)";

  private static Model chain() {
    return chain(TensorType.INT8);
  }

  /** The chain with tensor z of type {@code zType}. */
  private static Model chain(TensorType zType) {
    GraphBuilder g = new GraphBuilder();
    int x = g.activation("x", TensorType.INT8, 1, 4);
    int y = g.activation("y", TensorType.INT8, 1, 4);
    int z = g.activation("z", zType, 1, 4);
    int w = g.activation("w", TensorType.INT8, 1, 4);
    g.op("RELU").inputs(x).outputs(y).add();
    g.op("RELU").inputs(y).outputs(z).add();
    g.op("RELU").inputs(z).outputs(w).add();
    return g.inputs(x).outputs(w).build();
  }

  private static Rule rule(String id, Map<String, String> let, String when) {
    return rule(id, EACH_TENSOR, let, when);
  }

  private static Rule rule(String id, String forEach, Map<String, String> let, String when) {
    return new Rule(id, "test rule", Rule.Scope.OPERATOR, List.of("*"), List.of(), VersionRange.ALL, VersionRange.ALL,
        forEach, let, when, Severity.ERROR, "operator {{op.index}} and '{{tensor.name}}'", null, "why", null, null,
        null, List.of(), List.of(), "test.yaml", 1);
  }

  /** The chain with a constant second input 'k' (int8, shaped as y) at operator 1. */
  private static Model chainWithConstant() {
    GraphBuilder g = new GraphBuilder();
    int x = g.activation("x", TensorType.INT8, 1, 4);
    int y = g.activation("y", TensorType.INT8, 1, 4);
    int k = g.constant("k", TensorType.INT8, new int[] {1, 4});
    int z = g.activation("z", TensorType.INT8, 1, 4);
    g.op("RELU").inputs(x).outputs(y).add();
    g.op("ADD").inputs(y, k).outputs(z).add();
    return g.inputs(x).outputs(z).build();
  }

  private static List<String> messagesOn(Model model, Rule rule) {
    List<String> out = new ArrayList<>();
    for (Finding f : new RuleEngine(RuleSet.of(List.of(rule))).evaluate(model, 14)) {
      out.add(f.message());
    }
    return out;
  }

  /** Helpers in the order given (a helper may read the others; each is evaluated when first read). */
  private static Map<String, String> helpers(String... namesAndExpressions) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < namesAndExpressions.length; i += 2) {
      out.put(namesAndExpressions[i], namesAndExpressions[i + 1]);
    }
    return out;
  }

  private static List<String> messages(Rule rule) {
    List<String> out = new ArrayList<>();
    // Twice with one engine: the second evaluation must not see the first one's verdicts.
    RuleEngine engine = new RuleEngine(RuleSet.of(List.of(rule)));
    for (int round = 0; round < 2; round++) {
      List<String> messages = new ArrayList<>();
      for (Finding f : engine.evaluate(chain(), 14)) {
        messages.add(f.message());
      }
      if (round == 1) {
        assertEquals(out, messages, "the second evaluation differs");
      }
      out = messages;
    }
    return out;
  }

  @Test
  void aVerdictOnTheTensorAloneIsTrueAtEachOfItsOperatorsWithThatOperatorsMessage() {
    assertEquals(List.of("operator 0 and 'y'", "operator 1 and 'y'"),
        messages(rule("TEST-Y", Map.of(), "tensor.name == 'y'")));
  }

  @Test
  void aHelperThatReadsTheOperatorIsJudgedAtEachOperator() {
    // False for y at operator 0 (its producer), true at operator 1: a remembered verdict would hide it.
    assertEquals(List.of("operator 1 and 'y'"),
        messages(rule("TEST-Y-READ", Map.of("reads", "tensor.producer_index != op.index"), "tensor.name == 'y' && reads")));
  }

  @Test
  void aConditionThatReadsTheOperatorIsJudgedAtEachOperator() {
    assertEquals(List.of("operator 1 and 'y'"),
        messages(rule("TEST-Y-READ2", Map.of(), "tensor.name == 'y' && tensor.producer_index != op.index")));
  }

  @Test
  void aHelperOnTheTensorAloneIsRememberedWithTheVerdictsItGives() {
    assertEquals(List.of("operator 1 and 'z'", "operator 2 and 'z'"),
        messages(rule("TEST-Z", helpers("named", "tensor.name", "is_z", "named == 'z'"), "is_z")));
  }

  @Test
  void aTensorPartThatIsFalseSkipsTheTensorAtEveryOperatorWithoutChangingTheVerdicts() {
    // The part "tensor.name == 'y'" is false for x, z and w: those are judged once. At y it holds,
    // and the rest of the condition is judged at each of y's operators.
    assertEquals(List.of("operator 0 and 'y'"),
        messages(rule("TEST-Y-WRITE", helpers("writes", "tensor.producer_index == op.index"), "tensor.name == 'y' && writes")));
  }

  // A rule whose for_each lists the operator's tensors is first judged on the model's tensors that
  // its filters let through (CompiledRule.falseForEveryTensor): false for all of them, it is skipped
  // at every operator; otherwise the operators judge it as above.

  @Test
  void aTensorTheListFiltersOutDoesNotMakeTheRuleTrue() {
    // k holds the condition, but where_not(..., 'constant') never lists it.
    assertEquals(List.of(), messagesOn(chainWithConstant(),
        rule("TEST-K", "where_not(concat(op.inputs, op.outputs), 'constant')", Map.of(), "tensor.name == 'k'")));
    assertEquals(List.of("operator 1 and 'k'"), messagesOn(chainWithConstant(),
        rule("TEST-K-LISTED", "concat(op.inputs, op.outputs)", Map.of(), "tensor.name == 'k'")));
  }

  @Test
  void aTensorTheListsFilterLetsThroughIsJudgedAtItsOperators() {
    // where() keeps what has the fact, where_not() what has not: a filter read the wrong way round
    // would skip y and lose these findings.
    assertEquals(List.of("operator 0 and 'y'", "operator 1 and 'y'"), messagesOn(chainWithConstant(),
        rule("TEST-Y-8BIT", "compact(where(concat(op.inputs, op.outputs), 'eight_bit'))", Map.of(), "tensor.name == 'y'")));
    assertEquals(List.of("operator 0 and 'y'", "operator 1 and 'y'"), messagesOn(chainWithConstant(),
        rule("TEST-Y-NOT-CONST", "concat(where_not(op.inputs, 'constant'), op.outputs)", Map.of(), "tensor.name == 'y'")));
  }

  @Test
  void aConditionThatFailsOnAListedTensorIsReportedAtEachOperatorThatListsIt() {
    assertNoSuchFactReported(2, messagesOn(chainWithConstant(),
        rule("TEST-FAILS", "where_not(concat(op.inputs, op.outputs), 'constant')", Map.of(), "tensor.no_such_fact == 1")));
  }

  @Test
  void aTensorPartThatCannotBeEvaluatedLeavesTheErrorToTheWholeCondition() {
    assertNoSuchFactReported(3, messages(rule("TEST-BROKEN", Map.of(), "tensor.no_such_fact == 1 && op.index >= 0")));
  }

  /** {@code count} findings, each saying the rule could not be evaluated because of 'no_such_fact'. */
  private static void assertNoSuchFactReported(int count, List<String> messages) {
    assertEquals(count, messages.size(), messages.toString());
    for (String m : messages) {
      if (!m.contains("could not be evaluated") || !m.contains("no_such_fact")) {
        throw new AssertionError(m);
      }
    }
  }

  // A rule that reads nothing of a tensor but facts many tensors share (shape, type, constant, ...)
  // is judged first on one tensor per combination of those facts' values
  // (ModelFacts.distinctTensors). Reading anything else, or the tensor itself, judges every tensor.

  @Test
  void aRuleOnSharedFactsFindsTheTensorWhoseValuesDiffer() {
    assertEquals(List.of("operator 1 and 'z'", "operator 2 and 'z'"),
        messagesOn(chain(TensorType.UINT8), rule("TEST-UINT8", Map.of(), "tensor.type == 'UINT8'")));
  }

  @Test
  void theListsFilterSeparatesTensorsWithEqualValuesOfTheConditionsFacts() {
    // x, y and z have k's shape, but only k, a constant, is listed. A grouping by the shape alone
    // would keep x, which the list drops, and decide the rule false.
    assertEquals(List.of("operator 1 and 'k'"), messagesOn(chainWithConstant(),
        rule("TEST-CONST-SHAPE", "where(concat(op.inputs, op.outputs), 'constant')", Map.of(), "tensor.shape[1] == 4")));
  }

  @Test
  void aRuleThatHoldsTheTensorItselfJudgesEveryTensor() {
    // The helper is the tensor: its name, not a shared fact, decides.
    assertEquals(List.of("operator 1 and 'z'", "operator 2 and 'z'"),
        messages(rule("TEST-Z-ITSELF", helpers("t", "tensor"), "t.name == 'z'")));
    assertEquals(List.of("operator 1 and 'z'", "operator 2 and 'z'"),
        messages(rule("TEST-Z-SIZE", Map.of(), "size(tensor) > 0 && tensor['name'] == 'z'")));
  }

  @Test
  void aHelperThatReadsAnotherFactOfTheTensorJudgesEveryTensor() {
    // The condition reads only the shape, through a helper that also reads the name.
    assertEquals(List.of("operator 1 and 'z'", "operator 2 and 'z'"),
        messages(rule("TEST-Z-HELPER", helpers("named", "tensor.name == 'z' ? tensor.shape : []", "dims", "size(named)"),
            "dims > 0")));
  }
}
