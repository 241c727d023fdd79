package dev.edgetpulint.rules.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Quantization;
import dev.edgetpulint.graph.TensorType;
import dev.edgetpulint.tflite.TfliteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
    return new ModelFacts(fixture());
  }

  private static Model fixture() {
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
    return g.inputs(a, c).outputs(d, f).build();
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

  /**
   * The grouping by what the shared facts are computed from ({@link TensorFacts#sharedSourceHash})
   * keeps what grouping every tensor by the facts themselves keeps: on the fixture, and on every
   * corpus model, for each shared fact alone and for all of them together.
   */
  @Test
  void theGroupingKeepsWhatGroupingEveryTensorByItsFactsKeeps() throws IOException {
    List<Model> models = new ArrayList<>();
    models.add(fixture());
    models.add(oneSourceApart());
    models.addAll(corpusModels());
    List<List<String>> groupings = new ArrayList<>();
    for (String fact : new TreeSet<>(TensorFacts.SHARED)) {
      groupings.add(List.of(fact));
    }
    groupings.add(List.copyOf(TensorFacts.SHARED));
    int judged = 0;
    for (Model model : models) {
      for (List<String> facts : groupings) {
        long mask = TensorFacts.mask(facts);
        ModelFacts fresh = new ModelFacts(model);
        assertEquals(firstOfEachCombination(fresh.allTensors(), facts), fresh.distinctTensors(mask),
            model.source() + " grouped by " + facts);
        judged++;
      }
    }
    assertTrue(judged >= groupings.size());
  }

  /** Tensors that each differ from the first in one thing a shared fact is computed from. */
  private static Model oneSourceApart() {
    GraphBuilder g = new GraphBuilder();
    int base = g.activation("base", TensorType.INT8, 1, 4);
    int signature = g.dynamicActivation("signature", TensorType.INT8, new int[] {1, 4}, new int[] {-1, 4});
    int variable = g.activation("variable", TensorType.INT8, 1, 4);
    int sparse = g.activation("sparse", TensorType.INT8, 1, 4);
    int perAxis = g.activation("per_axis", TensorType.INT8, 1, 4);
    int dimension = g.activation("dimension", TensorType.INT8, 1, 4);
    int type = g.activation("type", TensorType.UINT8, 1, 4);
    int input = g.activation("input", TensorType.INT8, 1, 4);
    int output = g.activation("output", TensorType.INT8, 1, 4);
    g.flags(variable, true, false).flags(sparse, false, true);
    g.quantization(perAxis, new Quantization(List.of(0.5f, 0.25f), List.of(0L, 0L), 0));
    g.quantization(dimension, new Quantization(List.of(0.5f), List.of(0L), 1));
    g.op("ADD").inputs(input, base).outputs(signature).add();
    g.op("ADD").inputs(signature, variable).outputs(sparse).add();
    g.op("ADD").inputs(sparse, perAxis).outputs(dimension).add();
    g.op("ADD").inputs(dimension, type).outputs(output).add();
    return g.inputs(input).outputs(output).build();
  }

  /** The plain way: every tensor's values of {@code facts}, the first tensor of each. */
  private static List<TensorFacts> firstOfEachCombination(List<TensorFacts> tensors, List<String> facts) {
    Map<List<Object>, TensorFacts> first = new LinkedHashMap<>();
    for (TensorFacts tensor : tensors) {
      List<Object> values = new ArrayList<>();
      for (String fact : facts) {
        values.add(tensor.get(fact));
      }
      first.putIfAbsent(values, tensor);
    }
    return new ArrayList<>(first.values());
  }

  /** The corpus's readable models; none when the corpus is absent. */
  private static List<Model> corpusModels() throws IOException {
    Path models = Path.of(System.getProperty("edgetpulint.corpus", "../shared/corpus")).resolve("models");
    List<Model> out = new ArrayList<>();
    if (!Files.isDirectory(models)) {
      return out;
    }
    try (Stream<Path> files = Files.list(models)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".tflite")).sorted().toList()) {
        try {
          out.add(TfliteReader.read(file));
        } catch (RuntimeException unreadable) {
          // The reader's own tests judge unreadable files; here only readable models count.
        }
      }
    }
    return out;
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
