package dev.edgetpulint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.TensorType;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Rule;
import dev.edgetpulint.rules.RuleEngine;
import dev.edgetpulint.rules.RuleLoadException;
import dev.edgetpulint.rules.RuleLoader;
import dev.edgetpulint.rules.RuleSet;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Hostile rule files: YAML that is not a rule file, YAML tags naming Java classes, aliases, and rule
 * expressions that try to reach classes, files, the network or the process. A rule file either
 * loads, or is refused with a {@link RuleLoadException} (one line per problem); loaded rules are
 * compiled and evaluated on a small model, where a rule that cannot judge becomes a finding, never an
 * exception. In fuzzing mode Jazzer's sanitizers also flag any reflective call, file, network or
 * process access that an expression manages to make.
 */
class RuleLoaderFuzzTest {
  private static final Model MODEL = sampleModel();

  /**
   * Called by Jazzer once before fuzzing: loads and initializes what the first input would (schemas,
   * expression engine), so that the per-input timeout measures inputs, not class loading.
   */
  public static void fuzzerInitialize() {
    loadOrRefuse(new byte[0]);
    loadOrRefuse("rules: []\nformat: x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Jazzer's stand-alone entry point (bench/fuzz.sh). */
  public static void fuzzerTestOneInput(byte[] input) {
    loadOrRefuse(input);
  }

  @FuzzTest(maxDuration = "10s")
  void load(byte[] input) {
    loadOrRefuse(input);
  }

  static void loadOrRefuse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    List<Rule> rules;
    RuleEngine engine;
    try {
      rules = RuleLoader.parse("fuzz.yaml", text, true);
      engine = new RuleEngine(RuleSet.of(rules));
      engine.compileAll();
    } catch (RuleLoadException refused) {
      for (String problem : refused.problems()) {
        Invariants.checkOneLineMessage(problem);
      }
      return;
    }
    for (int runtime = 10; runtime <= 14; runtime += 4) {
      for (Finding finding : engine.evaluate(MODEL, runtime)) {
        if (finding.message() == null) {
          throw new AssertionError("finding without a message: " + finding);
        }
      }
    }
  }

  private static Model sampleModel() {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("input", TensorType.INT8, 1, 8, 8, 4);
    int w = g.constantFilled("w", TensorType.INT8, new int[] {4, 3, 3, 4}, (byte) 1);
    int conv = g.activation("conv", TensorType.INT8, 1, 8, 8, 4);
    g.op("CONV_2D").inputs(in, w).outputs(conv).option("dilation_w_factor", 2).option("padding", "SAME").add();
    int axes = g.int32Values("axes", 0, 3);
    int mean = g.activation("mean", TensorType.INT8, 1, 8);
    g.op("MEAN").inputs(conv, axes).outputs(mean).add();
    int out = g.activation("out", TensorType.FLOAT32, 1, 8);
    g.op("DEQUANTIZE").inputs(mean).outputs(out).add();
    g.op("CUSTOM:TFLite_Detection_PostProcess").inputs(out).outputs(out).add();
    return g.inputs(in).outputs(out).build();
  }
}
