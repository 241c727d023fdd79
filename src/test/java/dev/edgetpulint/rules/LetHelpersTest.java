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
 * A rule's {@code let} helpers are evaluated when an expression first reads them: a condition decided
 * before it reaches a helper does not evaluate it, and a helper that cannot be evaluated is reported
 * only when something reads it. The model: one RELU, {@code x -> y}; {@code op.inputs[5]} does not
 * exist, so a helper that reads it fails.
 */
class LetHelpersTest {
  private static final String BROKEN = "op.inputs[5].name";

  private static Model relu() {
    GraphBuilder g = new GraphBuilder();
    int x = g.activation("x", TensorType.INT8, 1, 4);
    int y = g.activation("y", TensorType.INT8, 1, 4);
    g.op("RELU").inputs(x).outputs(y).add();
    return g.inputs(x).outputs(y).build();
  }

  private static List<String> messages(String when, String message, String... namesAndExpressions) {
    Map<String, String> let = new LinkedHashMap<>();
    for (int i = 0; i < namesAndExpressions.length; i += 2) {
      let.put(namesAndExpressions[i], namesAndExpressions[i + 1]);
    }
    Rule rule = new Rule("TEST-LET", "test rule", Rule.Scope.OPERATOR, List.of("*"), List.of(), VersionRange.ALL,
        VersionRange.ALL, null, let, when, Severity.ERROR, message, null, "why", null, null, null, List.of(), List.of(),
        "test.yaml", 1);
    List<String> out = new ArrayList<>();
    for (Finding f : new RuleEngine(RuleSet.of(List.of(rule))).evaluate(relu(), 14)) {
      out.add(f.severity() + " " + f.message());
    }
    return out;
  }

  @Test
  void aHelperTheConditionDoesNotReachIsNotEvaluated() {
    assertEquals(List.of(), messages("op.index > 0 && broken == 'x'", "found", "broken", BROKEN));
  }

  @Test
  void aHelperThatFailsIsReportedWhenTheConditionReadsIt() {
    List<String> found = messages("op.index == 0 && broken == 'x'", "found", "broken", BROKEN);
    assertEquals(1, found.size(), found.toString());
    assertEquals(true, found.get(0).startsWith("INFO rule TEST-LET (test.yaml:1) could not be evaluated here: index 5"),
        found.get(0));
  }

  @Test
  void aHelperReadOnlyByTheMessageIsEvaluatedForIt() {
    assertEquals(List.of("ERROR reads x"), messages("op.index == 0", "reads {{first}}", "first", "op.inputs[0].name"));
  }

  @Test
  void aHelperMayReadALaterOne() {
    assertEquals(List.of("ERROR x-x"),
        messages("both == 'x-x'", "{{both}}", "both", "name + '-' + name", "name", "op.inputs[0].name"));
  }
}
