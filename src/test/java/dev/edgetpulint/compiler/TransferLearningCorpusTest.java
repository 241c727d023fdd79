package dev.edgetpulint.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.rules.RuleEngine;
import dev.edgetpulint.rules.RuleSet;
import dev.edgetpulint.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Transfer-learning readiness of Coral's own MobileNet models (the real rules and compiler path). */
class TransferLearningCorpusTest {
  static ModelAnalysis analyze(String name) {
    Path corpus = Path.of(System.getProperty("edgetpulint.corpus", "../shared/corpus"));
    Path file = corpus.resolve("models").resolve(name);
    Assumptions.assumeTrue(Files.exists(file), "corpus model not present: " + name);
    CompilerPath path = new CompilerPath(new RuleEngine(RuleSet.builtIn())::evaluate);
    return path.analyze(TfliteReader.read(file), new AnalysisOptions(14, false));
  }

  @Test
  void coralsEmbeddingExtractorIsReadyForBackpropagation() {
    TransferLearning.Readiness r = TransferLearning.backpropagation(
        analyze("coral__mobilenet_v1_1.0_224_quant_embedding_extractor.tflite"));
    assertTrue(r.ready(), r.reasons().toString());
    assertEquals(1024, r.featureDim());
  }

  @Test
  void aMobileNetClassifierIsCutBeforeItsLogitsConvolution() {
    ModelAnalysis a = analyze("coral__mobilenet_v1_0.25_128_quant.tflite");
    TransferLearning.Readiness r = TransferLearning.backpropagation(a);
    assertTrue(r.ready(), r.reasons().toString());
    assertEquals("MobilenetV1/Logits/AvgPool_1a/AvgPool", r.cutTensor());
    assertEquals(256, r.featureDim());
    assertFalse(TransferLearning.imprinting(a).ready(), "no L2Norm: not an imprinting model");
  }
}
