package dev.edgetpulint.rules.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.TensorType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which tensor facts an expression reads ({@link Sandbox#tensorFactsRead}), and the model's tensors
 * kept as one per combination of some facts' values ({@link ModelFacts#distinctTensors}): the rule
 * engine judges a rule that reads only facts many tensors share on those tensors alone.
 */
class DistinctTensorsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "tensor.shape[1] > 4                                  | shape",
      "tensor['type'] == 'INT8' && (tensor).rank > 3        | rank type",
      "prod(last(tensor.shape, 2)) > 180000                 | shape",
      "{'a': tensor.float}[x] ?? [tensor.constant][0]       | constant float",
      "tensor.eight_bit ? -tensor.elements : +tensor.rank   | eight_bit elements rank",
      "runtime >= 13 && model.operator_count > 2            | ''",
  })
  void factsReadByName(String expression, String facts) {
    Set<String> read = Sandbox.tensorFactsRead(List.of(Sandbox.compile(expression)));
    assertEquals(facts, String.join(" ", new TreeSet<>(read)), expression);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "size(tensor) > 0", // the tensor itself passed to a function
      "tensor == model.tensors[0]",
      "tensor[name] == 1", // a fact named by a helper
      "tensor.shape == [1] || [tensor][0].rank > 1",
      "model.tensors[0] ?? tensor",
  })
  void anyOtherUseOfTheTensorIsUnknown(String expression) {
    assertNull(Sandbox.tensorFactsRead(List.of(Sandbox.compile(expression))), expression);
  }

  @Test
  void theFactsOfSeveralExpressionsAreJoined() {
    Set<String> read = Sandbox.tensorFactsRead(List.of(Sandbox.compile("tensor.rank > 1"), Sandbox.compile("tensor.type")));
    assertEquals(Set.of("rank", "type"), read);
    assertNull(Sandbox.tensorFactsRead(List.of(Sandbox.compile("tensor.rank > 1"), Sandbox.compile("tensor"))));
  }

  /** a and b: int8 [1, 4]; c: int8 [1, 8]; k: constant int8 [1, 4]; d: int8 [1, 4]; f: float [1, 8]. */
  private static ModelFacts model() {
    GraphBuilder g = new GraphBuilder();
    int a = g.activation("a", TensorType.INT8, 1, 4);
    int b = g.activation("b", TensorType.INT8, 1, 4);
    int c = g.activation("c", TensorType.INT8, 1, 8);
    int k = g.constant("k", TensorType.INT8, new int[] {1, 4});
    int d = g.activation("d", TensorType.INT8, 1, 4);
    int f = g.activation("f", TensorType.FLOAT32, 1, 8);
    g.op("ADD").inputs(a, k).outputs(b).add();
    g.op("ADD").inputs(b, c).outputs(d).add();
    g.op("DEQUANTIZE").inputs(c).outputs(f).add();
    Model model = g.inputs(a, c).outputs(d, f).build();
    return new ModelFacts(model);
  }

  private static String names(List<TensorFacts> tensors) {
    List<String> out = new ArrayList<>();
    for (TensorFacts t : tensors) {
      out.add((String) t.get("name"));
    }
    return String.join(" ", out);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "shape                  | a c",
      "shape constant         | a c k",
      "type                   | a f",
      "constant               | a k",
      "graph_input shape      | a b c f",
      "rank                   | a",
      "''                     | a",
  })
  void theFirstTensorOfEachCombinationOfValues(String facts, String expected) {
    long mask = TensorFacts.mask(facts.isEmpty() ? List.of() : List.of(facts.split(" ")));
    assertEquals(expected, names(model().distinctTensors(mask)), facts);
  }

  @Test
  void aWiderGroupingMadeEarlierIsReused() {
    ModelFacts facts = model();
    long shape = TensorFacts.mask(List.of("shape"));
    long shapeAndConstant = TensorFacts.mask(List.of("shape", "constant"));
    assertEquals("a c k", names(facts.distinctTensors(shapeAndConstant)));
    // Still every combination of the shape, and then some: correct for a rule that reads the shape.
    assertEquals("a c k", names(facts.distinctTensors(shape)));
    ModelFacts fresh = model();
    assertEquals("a c", names(fresh.distinctTensors(shape)));
    assertEquals("a c k", names(fresh.distinctTensors(shapeAndConstant)), "a narrower grouping is not reused");
  }

  @Test
  void theSharedFactsAreFactsOfATensor() {
    assertEquals(Set.of(), difference(TensorFacts.SHARED, Set.copyOf(TensorFacts.NAMES)));
  }

  @Test
  void theRulesEngineDocumentListsTheSharedFacts() throws IOException {
    String doc = Files.readString(Path.of("docs/rules-engine.md")).replaceAll("\\s+", " ");
    Matcher m = Pattern.compile("many tensors share \\(([^)]*)\\)").matcher(doc);
    if (!m.find()) {
      throw new AssertionError("docs/rules-engine.md no longer lists the facts many tensors share");
    }
    Set<String> listed = new TreeSet<>();
    Matcher name = Pattern.compile("`([a-z_]+)`").matcher(m.group(1));
    while (name.find()) {
      listed.add(name.group(1));
    }
    assertEquals(new TreeSet<>(TensorFacts.SHARED), listed);
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }
}
