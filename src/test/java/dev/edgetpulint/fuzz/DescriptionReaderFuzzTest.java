package dev.edgetpulint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.edgetpulint.description.DescriptionException;
import dev.edgetpulint.description.DescriptionReader;
import dev.edgetpulint.graph.Model;
import java.nio.charset.StandardCharsets;

/**
 * Hostile model descriptions: any text either reads as a model or is refused with a
 * {@link DescriptionException} (line:column message); anything else thrown (a runtime exception, a
 * stack overflow, an out-of-memory) is a finding. In `mvn test` this runs the committed seeds
 * (DescriptionReaderFuzzTestInputs/parse); bench/fuzz.sh fuzzes it.
 */
class DescriptionReaderFuzzTest {
  /**
   * Called by Jazzer once before fuzzing: loads and initializes what the first input would (schemas,
   * expression engine), so that the per-input timeout measures inputs, not class loading.
   */
  public static void fuzzerInitialize() {
    parseOrRefuse(new byte[0]);
    parseOrRefuse("rules: []\nformat: x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Jazzer's stand-alone entry point (bench/fuzz.sh). */
  public static void fuzzerTestOneInput(byte[] input) {
    parseOrRefuse(input);
  }

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] input) {
    parseOrRefuse(input);
  }

  static void parseOrRefuse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    try {
      Model model = DescriptionReader.parse(text, "fuzz.tflite.yaml");
      Invariants.checkModel(model);
    } catch (DescriptionException refused) {
      Invariants.checkOneLineMessage(refused.getMessage());
    }
  }
}
