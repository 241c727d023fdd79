package dev.edgetpulint.report.html;

import dev.edgetpulint.compiler.CachingAnalyzer;
import dev.edgetpulint.compiler.CompileRecipe;
import dev.edgetpulint.compiler.CutAdvice;
import dev.edgetpulint.compiler.FixSuggestions;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.compiler.ModelAnalyzer;
import dev.edgetpulint.compiler.RuntimeMatrix;
import dev.edgetpulint.compiler.TransferLearning;
import java.util.List;

/**
 * Everything the visual report shows about one model: the analysis and what follows from it (cut
 * advice, the compile command, fix suggestions, the runtime matrix, transfer-learning readiness).
 */
public record ModelInsights(
    ModelAnalysis analysis,
    CutAdvice cut,
    CompileRecipe recipe,
    List<FixSuggestions.Suggestion> fixes,
    RuntimeMatrix matrix,
    List<TransferLearning.Readiness> transferLearning) {

  public ModelInsights {
    fixes = List.copyOf(fixes);
    transferLearning = List.copyOf(transferLearning);
  }

  /** Computes every part; {@code analyzer} re-runs the compiler path for other runtimes and -a. */
  public static ModelInsights of(ModelAnalysis analysis, ModelAnalyzer given) {
    ModelAnalyzer analyzer = CachingAnalyzer.of(given);
    CutAdvice cut = CutAdvice.of(analysis, analyzer);
    RuntimeMatrix matrix = analyzer == null ? null
        : RuntimeMatrix.compute(analysis.model(), analysis.options(), analyzer);
    return new ModelInsights(analysis, cut, CompileRecipe.of(analysis, cut), FixSuggestions.of(analysis, analyzer),
        matrix, TransferLearning.assess(analysis));
  }
}
