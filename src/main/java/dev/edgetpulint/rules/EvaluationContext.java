package dev.edgetpulint.rules;

/**
 * What the rules are judged against.
 *
 * @param runtime the Edge TPU runtime version targeted (the compiler's {@code -m}), 10 to 14
 * @param compilerVersion the edgetpu_compiler release assumed ("16.0", "15.0", "2.1", ...); rules
 *     with a {@code compilers} range use it. {@link #DEFAULT_COMPILER} when the user did not say.
 */
public record EvaluationContext(int runtime, String compilerVersion) {
  /** The last public compiler release; it can target every runtime from 10 to 14. */
  public static final String DEFAULT_COMPILER = "16.0";

  public EvaluationContext {
    compilerVersion = compilerVersion == null || compilerVersion.isBlank() ? DEFAULT_COMPILER : compilerVersion.trim();
  }

  public static EvaluationContext forRuntime(int runtime) {
    return new EvaluationContext(runtime, DEFAULT_COMPILER);
  }

  // equals and hashCode by hand: a record's generated ones are linked through invokedynamic on first
  // use, about 10 ms of a cold check, which looks up the engine's plan for this context.
  @Override
  public boolean equals(Object other) {
    return other instanceof EvaluationContext that && runtime == that.runtime
        && compilerVersion.equals(that.compilerVersion);
  }

  @Override
  public int hashCode() {
    return 31 * runtime + compilerVersion.hashCode();
  }

  /** The compiler version as a number: "16.0.384591198" -> 16.0, "2.1" -> 2.1. */
  public double compilerNumber() {
    String[] parts = compilerVersion.split("\\.");
    try {
      return Double.parseDouble(parts[0] + "." + (parts.length > 1 ? parts[1] : "0"));
    } catch (NumberFormatException e) {
      return Double.parseDouble(DEFAULT_COMPILER);
    }
  }
}
