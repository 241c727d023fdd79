package dev.edgetpulint.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.edgetpulint.description.DescriptionReader;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.rules.EvaluationContext;
import dev.edgetpulint.rules.Rule;
import dev.edgetpulint.rules.RuleEngine;
import dev.edgetpulint.rules.RuleExample;
import dev.edgetpulint.rules.RuleSet;
import dev.edgetpulint.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of the compiler path's own rules (rules/compiler-*.yaml) trigger exactly as stated. */
class CompilerRulesExamplesTest {
  @Test
  void compilerRuleExamplesBehaveAsStated() throws Exception {
    RuleSet all = RuleSet.builtIn();
    List<Rule> mine = all.rules().stream().filter(r -> r.id().startsWith("EDGETPU-COMPILER-")).toList();
    assertFalse(mine.isEmpty(), "rules/compiler-*.yaml not packaged");
    RuleEngine engine = new RuleEngine(RuleSet.of(mine));
    ObjectMapper json = new ObjectMapper();
    for (Rule rule : mine) {
      for (RuleExample example : rule.examples()) {
        ObjectNode model = example.model().deepCopy();
        model.put("format", DescriptionReader.FORMAT);
        Model graph = DescriptionReader.parse(json.writeValueAsString(model), rule.id() + ".tflite.yaml");
        // An error must carry the compiler's status (it decides the placement); a warning has none.
        boolean fired = engine.evaluate(graph, new EvaluationContext(example.runtime(), example.compiler()))
            .stream().anyMatch(f -> f.ruleId().equals(rule.id())
                && (f.compilerStatus() != null || rule.severity() != Severity.ERROR));
        assertEquals(example.triggers(), fired, rule.id() + " example '" + example.name() + "'");
      }
    }
  }
}
