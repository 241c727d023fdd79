package dev.edgetpulint.service;

import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.CompilerPath;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.rules.Rule;
import dev.edgetpulint.rules.RuleEngine;
import dev.edgetpulint.rules.RuleSet;
import dev.edgetpulint.rules.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in rules (plus extra rule directories) evaluated along the compiler path. One rule engine
 * per distinct list of directories, built on first use.
 */
final class StandardEngine implements LintEngine {
  /** Where relative help links (the generated rule reference) resolve for SARIF. */
  static final String DOCS_BASE = "https://github.com/edgetpu-lint/edgetpu-lint/blob/main/";

  private final Map<List<Path>, RuleEngine> engines = new HashMap<>();

  // Synchronized rather than computeIfAbsent with a lambda, whose linkage costs every start (docs/performance.md, C19).
  private synchronized RuleEngine engine(List<Path> ruleDirs) {
    RuleEngine engine = engines.get(ruleDirs);
    if (engine == null) {
      List<Path> dirs = List.copyOf(ruleDirs);
      engine = new RuleEngine(dirs.isEmpty() ? RuleSet.builtIn() : RuleSet.load(dirs));
      engines.put(dirs, engine);
    }
    return engine;
  }

  @Override
  public ModelAnalysis analyze(Model model, AnalysisOptions options, List<Path> ruleDirs) {
    RuleEngine engine = engine(ruleDirs);
    return new CompilerPath(dev.edgetpulint.compiler.MappingRules.of(engine)).analyze(model, options);
  }

  @Override
  public List<RuleInfo> rules(List<Path> ruleDirs) {
    List<RuleInfo> out = new ArrayList<>();
    for (Rule rule : engine(ruleDirs).ruleSet().rules()) {
      out.add(info(rule));
    }
    out.addAll(CompilerPathRules.ALL);
    return out;
  }

  static RuleInfo info(Rule rule) {
    String why = rule.why() == null ? "" : rule.why().strip();
    String fix = rule.fix() == null ? "" : rule.fix().strip();
    boolean fixIsTemplate = fix.contains("{{");
    StringBuilder text = new StringBuilder(why.isEmpty() ? rule.title() : why);
    StringBuilder markdown = new StringBuilder("**").append(rule.title()).append("**\n\n");
    if (!why.isEmpty()) {
      markdown.append(why).append("\n\n");
    }
    if (!fix.isEmpty() && !fixIsTemplate) {
      text.append("\n\nFix: ").append(fix);
      markdown.append("**Fix:** ").append(fix).append("\n\n");
    } else if (fixIsTemplate) {
      text.append("\n\nEach finding names the fix for its operator.");
      markdown.append("Each finding names the fix for its operator.\n\n");
    }
    String help = rule.helpUri();
    String helpUri = help.contains("://") ? help : DOCS_BASE + help;
    markdown.append("[Rule reference](").append(helpUri).append(')');
    return new RuleInfo(rule.id(), rule.id(), rule.title(), why.isEmpty() ? rule.title() : why,
        text.toString(), markdown.toString(), helpUri, rule.severity() == null ? Severity.ERROR : rule.severity());
  }

  /** The findings the compiler path itself makes (partitioning, quantization stage, memory, compiled models). */
  static final class CompilerPathRules {
    static final List<RuleInfo> ALL = List.of(
        rule(CompilerPath.RULE_COLLATERAL, "A supported operator runs on the CPU because an earlier operator cut the graph",
            "Without -a the compiler makes one Edge TPU subgraph; supported operators that depend on an operator "
                + "that runs on the CPU stay on the CPU too (\"More than one subgraph is not supported\").",
            "Make the cutting operator mappable or move it to the end of the graph, or compile with -a.",
            "https://coral.ai/docs/edgetpu/compiler/", Severity.WARNING),
        rule(CompilerPath.RULE_SUBGRAPHS, "Several Edge TPU subgraphs with CPU islands between them",
            "With -a the Edge TPU resumes after operators that run on the CPU; every hand-off costs a round trip.",
            "Replace the operators that run on the CPU between the Edge TPU subgraphs.",
            "https://coral.ai/docs/edgetpu/compiler/", Severity.INFO),
        rule(CompilerPath.RULE_QUANTIZATION, "What the converter produced, and whether the compiler accepts it",
            "The Edge TPU runs 8-bit integer arithmetic only; float, dynamic-range and float16 models map nothing.",
            "Convert with full integer quantization (a representative dataset, int8 ops).",
            "https://coral.ai/docs/edgetpu/models-intro/#quantization", Severity.ERROR),
        rule(CompilerPath.RULE_MEMORY, "Parameters do not fit the Edge TPU's on-chip cache and will be streamed",
            "Parameters that do not fit the on-chip SRAM are streamed from host memory on every inference.",
            "Use a smaller model, or pipeline it across Edge TPUs (edgetpu_compiler -n N).",
            "https://coral.ai/docs/edgetpu/compiler/#parameter-data-caching", Severity.WARNING),
        rule(CompilerPath.RULE_COMPILED, "The model is already compiled for the Edge TPU",
            "A compiled model holds edgetpu-custom-op; the listed operators stay on the CPU.",
            "Lint the source model (before edgetpu_compiler) to see why operators stay on the CPU.",
            "https://coral.ai/docs/edgetpu/compiler/", Severity.INFO));

    private CompilerPathRules() {}

    private static RuleInfo rule(String id, String title, String why, String fix, String helpUri, Severity severity) {
      return new RuleInfo(id, id, title, why, why + "\n\nFix: " + fix,
          "**" + title + "**\n\n" + why + "\n\n**Fix:** " + fix + "\n\n[Documentation](" + helpUri + ")",
          helpUri, severity);
    }
  }
}
