package dev.edgetpulint.compiler;

import dev.edgetpulint.graph.Model;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Remembers analyses per model (by identity) and options, so that the runtime matrix, the -a estimate
 * and the fix suggestions of one report run the compiler path once per runtime, not once per view.
 */
public final class CachingAnalyzer implements ModelAnalyzer {
  private final ModelAnalyzer delegate;
  private final Map<Model, Map<AnalysisOptions, ModelAnalysis>> cache = new IdentityHashMap<>();

  public CachingAnalyzer(ModelAnalyzer delegate) {
    this.delegate = delegate;
  }

  /** Wraps {@code analyzer} unless it is null or already caching. */
  public static ModelAnalyzer of(ModelAnalyzer analyzer) {
    return analyzer == null || analyzer instanceof CachingAnalyzer ? analyzer : new CachingAnalyzer(analyzer);
  }

  /** Seeds the cache with an analysis already made. */
  public void remember(ModelAnalysis analysis) {
    cache.computeIfAbsent(analysis.model(), m -> new HashMap<>()).putIfAbsent(analysis.options(), analysis);
  }

  @Override
  public synchronized ModelAnalysis analyze(Model model, AnalysisOptions options) {
    return cache.computeIfAbsent(model, m -> new HashMap<>())
        .computeIfAbsent(options, o -> delegate.analyze(model, o));
  }
}
