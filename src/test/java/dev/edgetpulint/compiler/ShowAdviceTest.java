package dev.edgetpulint.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.show.FakeCompilerPath;
import dev.edgetpulint.show.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runtime matrix, cut advice, compile recipe, fix suggestions and transfer-learning readiness. */
class ShowAdviceTest {
  static final FakeCompilerPath PATH = new FakeCompilerPath(Map.of("LEAKY_RELU", 99, "DEPTHWISE_CONV_2D", 13));

  @Test
  void theMatrixSaysWhereTheCutFallsPerRuntime() {
    RuntimeMatrix m = RuntimeMatrix.compute(Fixtures.cutModel(), false, PATH);
    assertEquals(5, m.rows().size());
    RuntimeMatrix.Row r12 = m.rows().get(2);
    assertEquals(12, r12.runtime());
    assertEquals(1, r12.cut().index(), "below 13 the depthwise conv cuts");
    assertEquals(List.of("EDGETPU-OP-DEPTHWISE_CONV_2D"), r12.cutRules());
    assertEquals(2, r12.edgeTpu());
    RuntimeMatrix.Row r13 = m.rows().get(3);
    assertEquals(3, r13.cut().index(), "from 13 the LeakyReLU cuts");
    assertEquals(4, r13.edgeTpu());
    assertEquals(13, m.bestRuntime());
    assertTrue(m.render().contains("most operators map from runtime 13 on (compile with 14.1 or newer, -m 13)"), m.render());
  }

  @Test
  void anOlderCompilerGetsRowsOnlyUpToItsDefaultRuntime() {
    RuntimeMatrix m = RuntimeMatrix.compute(Fixtures.cutModel(), new AnalysisOptions(14, true, "2.0"), PATH);
    assertEquals(List.of(10, 11, 12), m.rows().stream().map(RuntimeMatrix.Row::runtime).toList());
    assertEquals("2.0", m.compilerVersion());
    assertTrue(m.multipleSubgraphs());
    assertTrue(m.render().startsWith("judged with the rules of compiler 2.0, which targets runtime 10 to 12\n"),
        m.render());
    assertEquals(m.rows().stream().anyMatch(r -> r.edgeTpu() > 0), m.bestRuntime() > 0);
    assertTrue(m.render().contains("\nruntime 13 to 14: compiler 2.0 cannot target them; 14.1 or newer can\n"), m.render());
    RuntimeMatrix newest = RuntimeMatrix.compute(Fixtures.cutModel(), false, PATH);
    assertFalse(newest.render().startsWith("judged"));
    assertEquals(null, newest.untargetable());
    assertEquals("runtime 14: compiler 14.1 cannot target it; 16.0 or newer can",
        RuntimeMatrix.compute(Fixtures.cutModel(), new AnalysisOptions(13, false, "14.1"), PATH).untargetable());
  }

  @Test
  void cutAdviceNamesTheIntermediateTensorsAndWhatMinusAWins() {
    ModelAnalysis a = PATH.analyze(Fixtures.cutModel(), new AnalysisOptions(14, false));
    CutAdvice cut = CutAdvice.of(a, PATH);
    assertEquals(List.of("block1/project", "side/conv"), cut.intermediateTensors());
    assertEquals(3, cut.cut().index());
    assertEquals(2, cut.collateral());
    assertEquals(2, cut.recoveredWithA());
    CompileRecipe recipe = CompileRecipe.of(a, cut);
    assertEquals("edgetpu_compiler -s -m 14 -i block1/project,side/conv models/cut_in_the_middle.tflite",
        recipe.commandLine());
    ModelAnalysis clean = PATH.analyze(Fixtures.classifier(), new AnalysisOptions(14, false));
    assertFalse(CutAdvice.of(clean, PATH).hasCut());
    assertEquals("edgetpu_compiler -s -m 14 classifier.tflite", CompileRecipe.of(clean, CutAdvice.of(clean, PATH)).commandLine());
  }

  @Test
  void tensorNamesWithSemicolonsAreQuotedForTheShell() {
    CompileRecipe r = new CompileRecipe("my model.tflite", 13, true, List.of("a;b/Relu6", "it's"));
    assertEquals("edgetpu_compiler -s -m 13 -a -i 'a;b/Relu6,it'\\''s' 'my model.tflite'", r.commandLine());
  }

  @Test
  void fixSuggestionsGiveTheSupportedAlternativeAndTheRuntimeItMapsFrom() {
    ModelAnalysis a = PATH.analyze(Fixtures.cutModel(), new AnalysisOptions(12, false));
    List<FixSuggestions.Suggestion> fixes = FixSuggestions.of(a, PATH);
    assertEquals(2, fixes.size());
    assertEquals("operators[1] DEPTHWISE_CONV_2D", fixes.get(0).where());
    assertTrue(fixes.get(0).fixes().stream().anyMatch(f -> f.startsWith("Supported from runtime 13: compile with 14.1")),
        fixes.get(0).fixes().toString());
    assertEquals("operators[3] LEAKY_RELU", fixes.get(1).where());
    assertTrue(fixes.get(1).fixes().stream().anyMatch(f -> f.startsWith("Use ReLU (RELU maps on every runtime), or PReLU")));
    assertFalse(fixes.get(1).fixes().stream().anyMatch(f -> f.startsWith("Supported from")), "LeakyReLU never maps");
  }

  @Test
  void aClassifierWithItsBaseMappedServesBackpropagation() {
    ModelAnalysis a = PATH.analyze(Fixtures.classifier(), new AnalysisOptions(14, false));
    TransferLearning.Readiness r = TransferLearning.backpropagation(a);
    assertTrue(r.ready(), r.reasons().toString());
    assertEquals("embedding", r.cutTensor());
    assertEquals(64, r.featureDim());
    assertFalse(TransferLearning.imprinting(a).ready());
  }

  @Test
  void aBaseThatDoesNotMapIsNotReady() {
    FakeCompilerPath noPool = new FakeCompilerPath(Map.of("AVERAGE_POOL_2D", 99));
    ModelAnalysis a = noPool.analyze(Fixtures.classifier(), new AnalysisOptions(14, false));
    TransferLearning.Readiness r = TransferLearning.backpropagation(a);
    assertFalse(r.ready());
    assertTrue(r.reasons().stream().anyMatch(s -> s.contains("operators[1] AVERAGE_POOL_2D")), r.reasons().toString());
  }

  @Test
  void theImprintingLayoutIsRecognisedWithItsCut() {
    ModelAnalysis a = PATH.analyze(Fixtures.imprintable(), new AnalysisOptions(14, false));
    TransferLearning.Readiness r = TransferLearning.imprinting(a);
    assertTrue(r.ready(), r.reasons().toString());
    assertEquals("l2norm", r.cutTensor());
    assertEquals(16, r.featureDim());
    TransferLearning.Readiness badBias = TransferLearning.imprinting(
        PATH.analyze(Fixtures.imprintable(-3), new AnalysisOptions(14, false)));
    assertFalse(badBias.ready());
    assertTrue(badBias.reasons().toString().contains("bias zero point -3 is outside [0, 255]"), badBias.reasons().toString());
    ModelAnalysis cut = PATH.analyze(Fixtures.cutModel(), new AnalysisOptions(14, false));
    TransferLearning.Readiness no = TransferLearning.imprinting(cut);
    assertFalse(no.ready());
    assertTrue(no.reasons().get(0).contains("exactly one L2_NORMALIZATION"));
  }
}
