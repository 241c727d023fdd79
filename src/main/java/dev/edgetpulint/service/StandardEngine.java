package dev.edgetpulint.service;

import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.graph.Model;
import java.nio.file.Path;
import java.util.List;

/** The built-in rules and the compiler path (wired once the rules and compiler branches are merged). */
final class StandardEngine implements LintEngine {
  @Override
  public ModelAnalysis analyze(Model model, AnalysisOptions options, List<Path> ruleDirs) {
    throw new UnsupportedOperationException("the compiler path is not part of this build yet");
  }

  @Override
  public List<RuleInfo> rules(List<Path> ruleDirs) {
    return List.of();
  }
}
