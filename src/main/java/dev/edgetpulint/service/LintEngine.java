package dev.edgetpulint.service;

import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.graph.Model;
import java.nio.file.Path;
import java.util.List;

/**
 * The rules plus the compiler path, seen from the service: analyze one model with the built-in rules
 * and those of {@code ruleDirs}. Implementations cache rule sets per directory list.
 */
public interface LintEngine {
  ModelAnalysis analyze(Model model, AnalysisOptions options, List<Path> ruleDirs) throws Exception;

  /** Every rule the engine knows with these extra directories, for reports (SARIF tool.driver.rules). */
  List<RuleInfo> rules(List<Path> ruleDirs) throws Exception;
}
