package dev.edgetpulint.compiler;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact {@code edgetpu_compiler} command line that reproduces a predicted placement: {@code -m}
 * for the runtime, {@code -a} when chosen, {@code -i} for a suggested cut.
 */
public record CompileRecipe(String model, int runtime, boolean multipleSubgraphs, List<String> intermediateTensors) {

  public CompileRecipe {
    intermediateTensors = List.copyOf(intermediateTensors);
  }

  /** The oldest compiler release whose default runtime is at least {@code runtime} (facts, Section 4). */
  public static String compilerFor(int runtime) {
    if (runtime >= 14) {
      return "16.0";
    }
    if (runtime >= 13) {
      return "14.1";
    }
    if (runtime >= 11) {
      return "2.0";
    }
    return "1.0";
  }

  public static CompileRecipe of(ModelAnalysis analysis, CutAdvice cut) {
    return new CompileRecipe(analysis.model().source(), analysis.options().runtime(),
        analysis.options().multipleSubgraphs(), cut == null ? List.of() : cut.intermediateTensors());
  }

  public List<String> arguments() {
    List<String> args = new ArrayList<>();
    args.add("edgetpu_compiler");
    args.add("-s");
    args.add("-m");
    args.add(Integer.toString(runtime));
    if (multipleSubgraphs) {
      args.add("-a");
    }
    if (!intermediateTensors.isEmpty()) {
      args.add("-i");
      args.add(String.join(",", intermediateTensors));
    }
    args.add(model);
    return args;
  }

  /** The command line, each argument quoted for a POSIX shell when it needs it. */
  public String commandLine() {
    StringBuilder out = new StringBuilder();
    for (String arg : arguments()) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(shellQuote(arg));
    }
    return out.toString();
  }

  /** A few lines for people: the command and what each option does here. */
  public String explain() {
    StringBuilder out = new StringBuilder(commandLine()).append('\n');
    out.append("  -s      print the per-operator table (compare it with the linter's prediction)\n");
    out.append(String.format(java.util.Locale.ROOT, "  %-8s", "-m " + runtime)).append("target Edge TPU runtime ").append(runtime)
        .append(" (needs compiler ").append(compilerFor(runtime)).append(" or newer)\n");
    if (multipleSubgraphs) {
      out.append("  -a      allow several Edge TPU subgraphs (resume on the Edge TPU after CPU islands)\n");
    }
    if (!intermediateTensors.isEmpty()) {
      out.append("  -i      end the Edge TPU part at ").append(intermediateTensors.size())
          .append(" tensor(s); the operators after them run on the CPU\n");
    }
    return out.toString();
  }

  static String shellQuote(String arg) {
    if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_./:,=+-]+")) {
      return arg;
    }
    return "'" + arg.replace("'", "'\\''") + "'";
  }
}
