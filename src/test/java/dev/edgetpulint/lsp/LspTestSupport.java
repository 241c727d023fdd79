package dev.edgetpulint.lsp;

import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.CompilerPath;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.rules.RuleEngine;
import dev.edgetpulint.rules.RuleSet;
import dev.edgetpulint.service.LintEngine;
import dev.edgetpulint.service.LintService;
import dev.edgetpulint.service.RuleInfo;
import dev.edgetpulint.service.StandardModelLoader;
import java.nio.file.Path;
import java.util.List;

/** The real rules and compiler path behind the lint service, and description fixtures. */
final class LspTestSupport {
  private LspTestSupport() {}

  /** The built-in rules (rules/*.yaml) and the compiler path, as the shipped engine wires them. */
  static final class RealEngine implements LintEngine {
    @Override
    public ModelAnalysis analyze(Model model, AnalysisOptions options, List<Path> ruleDirs) {
      RuleEngine rules = new RuleEngine(ruleDirs.isEmpty() ? RuleSet.builtIn() : RuleSet.load(ruleDirs));
      return new CompilerPath(rules::evaluate).analyze(model, options);
    }

    @Override
    public List<RuleInfo> rules(List<Path> ruleDirs) {
      return List.of();
    }
  }

  static LintService lintService() {
    return new LintService(new StandardModelLoader(), new RealEngine());
  }

  /** A CONV_2D with dilation 2x1 and a fused RELU6 (line 11), then a supported ADD (line 12). */
  static final String DILATED = """
      format: edgetpu-lint/description/v1
      subgraphs:
        - name: main
          inputs: [input]
          outputs: [sum]
          tensors:
            - {name: input, type: INT8, shape: [1, 8, 8, 16]}
            - {name: filter, type: INT8, shape: [16, 3, 3, 16], constant: true}
            - {name: bias, type: INT32, shape: [16], constant: true}
            - {name: conv, type: INT8, shape: [1, 8, 8, 16]}
            - {name: sum, type: INT8, shape: [1, 8, 8, 16]}
          operators:
            - {op: CONV_2D, inputs: [input, filter, bias], outputs: [conv], options: {padding: SAME, stride_w: 1, stride_h: 1, dilation_w_factor: 2, dilation_h_factor: 1, fused_activation_function: RELU6}}
            - {op: ADD, inputs: [conv, input], outputs: [sum]}
      """;

  /** The same graph, every operator mappable. */
  static final String CLEAN = DILATED.replace("dilation_w_factor: 2", "dilation_w_factor: 1")
      .replace(", fused_activation_function: RELU6", "");
}
