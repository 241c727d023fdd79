package dev.edgetpulint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.ModelReadException;
import dev.edgetpulint.tflite.TfliteReader;
import java.nio.ByteBuffer;

/**
 * Hostile .tflite bytes (truncations, bit flips, offsets out of the buffer or into loops, huge
 * vector lengths, wrong identifiers): the reader either returns a model that can be walked or
 * refuses with a {@link ModelReadException} whose message is one line. Anything else is a finding.
 * Seeds: small real corpus models (plain, quantized, sparse, multi-subgraph, compiled for the Edge
 * TPU) under TfliteReaderFuzzTestInputs/read.
 */
class TfliteReaderFuzzTest {
  /**
   * Called by Jazzer once before fuzzing: loads and initializes what the first input would (schemas,
   * expression engine), so that the per-input timeout measures inputs, not class loading.
   */
  public static void fuzzerInitialize() {
    readOrRefuse(new byte[0]);
    readOrRefuse("rules: []\nformat: x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Jazzer's stand-alone entry point (bench/fuzz.sh). */
  public static void fuzzerTestOneInput(byte[] input) {
    readOrRefuse(input);
  }

  @FuzzTest(maxDuration = "10s")
  void read(byte[] input) {
    readOrRefuse(input);
  }

  static void readOrRefuse(byte[] input) {
    try {
      Model model = TfliteReader.read(ByteBuffer.wrap(input), "fuzz.tflite");
      Invariants.checkModel(model);
    } catch (ModelReadException refused) {
      Invariants.checkOneLineMessage(refused.getMessage());
    }
  }
}
