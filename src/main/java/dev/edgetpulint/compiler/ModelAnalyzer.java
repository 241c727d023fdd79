package dev.edgetpulint.compiler;

import dev.edgetpulint.graph.Model;

/** Runs the compiler path on a model with given options (the compiler engineer's CompilerPath fits this). */
@FunctionalInterface
public interface ModelAnalyzer {
  ModelAnalysis analyze(Model model, AnalysisOptions options);
}
