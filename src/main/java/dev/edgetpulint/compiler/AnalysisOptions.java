package dev.edgetpulint.compiler;

/**
 * How to run the compiler path.
 *
 * @param runtime the Edge TPU runtime version targeted (the compiler's -m), 10 to 14
 * @param multipleSubgraphs the compiler's -a: allow several Edge TPU custom ops
 */
public record AnalysisOptions(int runtime, boolean multipleSubgraphs) {
  public static final int DEFAULT_RUNTIME = 14;
  public static final int MIN_RUNTIME = 10;
  public static final int MAX_RUNTIME = 14;

  public static AnalysisOptions defaults() {
    return new AnalysisOptions(DEFAULT_RUNTIME, false);
  }
}
