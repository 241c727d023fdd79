package dev.edgetpulint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.edgetpulint.graph.Model;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule tests as data: every example of every packaged rule, judged by the engine. A "trigger"
 * example must produce a finding of its rule, a "pass" example must not.
 */
class RuleExamplesTest {
  private static final RuleEngine ENGINE = new RuleEngine(RuleSet.builtIn());

  static Stream<Arguments> examples() {
    return RuleSet.builtIn().rules().stream()
        .flatMap(rule -> rule.examples().stream().map(example -> Arguments.of(
            rule.id() + " [" + (example.triggers() ? "trigger" : "pass") + ", runtime " + example.runtime() + "] "
                + example.name(), rule, example)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void example(String name, Rule rule, RuleExample example) {
    Model model = ExampleModels.model(rule, example);
    List<Finding> findings = ENGINE.evaluate(model, new EvaluationContext(example.runtime(), example.compiler()));
    List<Finding> mine = findings.stream().filter(f -> f.ruleId().equals(rule.id())).toList();
    for (Finding f : mine) {
      assertFalse(f.message().contains("could not be evaluated"), f.message());
    }
    String all = findings.stream().map(f -> f.ruleId() + ": " + f.message()).collect(Collectors.joining("\n  "));
    if (example.triggers()) {
      assertFalse(mine.isEmpty(), rule.origin() + " example at line " + example.line() + " must trigger " + rule.id()
          + "; findings were:\n  " + all);
      assertEquals(rule.severity(), mine.get(0).severity());
      assertEquals(rule.compilerStatus(), mine.get(0).compilerStatus());
    } else {
      assertTrue(mine.isEmpty(), rule.origin() + " example at line " + example.line() + " must not trigger " + rule.id()
          + "; got: " + (mine.isEmpty() ? "" : mine.get(0).message()));
    }
  }

  @Test
  void everyRuleHasAPositiveAndANegativeExample() {
    for (Rule rule : RuleSet.builtIn().rules()) {
      assertTrue(rule.examples().stream().anyMatch(RuleExample::triggers), rule.id() + " has no triggering example");
      assertTrue(rule.examples().stream().anyMatch(e -> !e.triggers()), rule.id() + " has no passing example");
    }
  }

  /** A rule limited to runtimes >=N or <=N shows both sides of N: it triggers inside and stays quiet outside. */
  @Test
  void everyRuntimeBoundaryIsTestedOnBothSides() {
    for (Rule rule : RuleSet.builtIn().rules()) {
      VersionRange r = rule.runtimes();
      if (r.isAll()) {
        continue;
      }
      if (r.min() != Double.NEGATIVE_INFINITY) {
        checkBoundary(rule, (int) r.min(), (int) r.min() - 1);
      }
      if (r.max() != Double.POSITIVE_INFINITY) {
        checkBoundary(rule, (int) r.max(), (int) r.max() + 1);
      }
    }
  }

  private static void checkBoundary(Rule rule, int inside, int outside) {
    boolean in = rule.examples().stream().anyMatch(e -> e.triggers() && e.runtime() == inside);
    boolean out = rule.examples().stream().anyMatch(e -> !e.triggers() && e.runtime() == outside);
    if (!in || !out) {
      fail(rule.id() + " (runtimes " + rule.runtimes() + ") needs a triggering example at runtime " + inside
          + " and a passing one at runtime " + outside);
    }
  }
}
