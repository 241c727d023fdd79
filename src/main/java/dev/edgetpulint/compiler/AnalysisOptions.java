package dev.edgetpulint.compiler;

import dev.edgetpulint.rules.EvaluationContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the compiler path.
 *
 * @param runtime the Edge TPU runtime version targeted (the compiler's -m), 10 to 14
 * @param multipleSubgraphs the compiler's -a: allow several Edge TPU custom ops
 * @param compilerVersion the edgetpu_compiler release assumed, one of {@link #COMPILERS} ("16.0",
 *     "2.0", ...); null means {@link #DEFAULT_COMPILER}. Rules with a {@code compilers} range use it.
 */
public record AnalysisOptions(int runtime, boolean multipleSubgraphs, String compilerVersion) {
  public static final int DEFAULT_RUNTIME = 14;
  public static final int MIN_RUNTIME = 10;
  public static final int MAX_RUNTIME = 14;
  /** The last public compiler release; the default whatever the runtime (it targets 10 to 14). */
  public static final String DEFAULT_COMPILER = EvaluationContext.DEFAULT_COMPILER;
  /** The compiler releases the facts (Section 4) know, newest first. */
  public static final List<String> COMPILERS = List.of("16.0", "15.0", "14.1", "2.1", "2.0", "1.0");
  /** Each release's default -m, the newest runtime it can target (facts, Section 4: -m only lowers it). */
  private static final Map<String, Integer> DEFAULT_RUNTIME_OF = Map.of(
      "16.0", 14, "15.0", 13, "14.1", 13, "2.1", 13, "2.0", 12, "1.0", 10);

  public AnalysisOptions {
    compilerVersion = compilerVersion == null ? DEFAULT_COMPILER : compiler(compilerVersion);
  }

  /** The default compiler. */
  public AnalysisOptions(int runtime, boolean multipleSubgraphs) {
    this(runtime, multipleSubgraphs, null);
  }

  public static AnalysisOptions defaults() {
    return new AnalysisOptions(DEFAULT_RUNTIME, false);
  }

  /** The same options at another runtime (the compiler is kept). */
  public AnalysisOptions withRuntime(int newRuntime) {
    return new AnalysisOptions(newRuntime, multipleSubgraphs, compilerVersion);
  }

  /** The same options with or without -a (the compiler is kept). */
  public AnalysisOptions withMultipleSubgraphs(boolean multiple) {
    return new AnalysisOptions(runtime, multiple, compilerVersion);
  }

  /**
   * The runtime a compiler release targets by default (its -m without the flag), which is also the
   * newest it can target; {@code compiler} as {@link #compiler(String)} accepts it.
   */
  public static int defaultRuntimeOf(String compiler) {
    return DEFAULT_RUNTIME_OF.get(compiler(compiler));
  }

  /** Whether the compiler is the default one (reports then need not name it). */
  public boolean defaultCompiler() {
    return DEFAULT_COMPILER.equals(compilerVersion);
  }

  /**
   * A compiler version as {@link #COMPILERS} spells it: "2.0" stays, the long build form
   * "16.0.384591198" becomes "16.0". Throws {@link IllegalArgumentException} (its message names the
   * accepted versions) for anything else.
   */
  public static String compiler(String version) {
    Objects.requireNonNull(version, "version");
    String v = version.trim();
    String[] parts = v.split("\\.", -1);
    if (parts.length == 2 || parts.length == 3 && parts[2].matches("[0-9]+")) {
      String shortForm = parts[0] + "." + parts[1];
      if (COMPILERS.contains(shortForm)) {
        return shortForm;
      }
    }
    throw new IllegalArgumentException("unknown edgetpu_compiler version '" + version + "'; expected one of "
        + String.join(", ", COMPILERS) + " (or a long form such as 16.0.384591198)");
  }

  /** {@link #compiler(String)}, or null for a version that is not known (an expected file's log line). */
  public static String compilerOrNull(String version) {
    if (version == null) {
      return null;
    }
    try {
      return compiler(version);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
