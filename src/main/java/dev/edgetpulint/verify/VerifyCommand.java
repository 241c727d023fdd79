package dev.edgetpulint.verify;

import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.CompilerPath;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.ModelReadException;
import dev.edgetpulint.rules.RuleEngine;
import dev.edgetpulint.rules.RuleSet;
import dev.edgetpulint.tflite.TfliteReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edgetpu-lint verify SOURCE COMPILED [--log LOG] [--write-expected DIR]}. */
@Command(
    name = "verify",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Compares the linter's prediction with what the real edgetpu_compiler did. Reads the model you "
          + "compiled and the _edgetpu.tflite the compiler wrote (and its log), derives each operator's "
          + "real placement (an operator stayed on the CPU when the compiled model still holds an "
          + "operator of the same type writing a tensor of the same name; the others were folded into an "
          + "edgetpu-custom-op), reads the runtime version from the compiled model's package, and judges "
          + "the source at that runtime (with -a when the compiler made several Edge TPU subgraphs) and "
          + "with the rules of the compiler release the log names (--compiler when there is no log).",
    },
    footer = {
      "",
      "Examples:",
      "  edgetpu-lint verify model.tflite model_edgetpu.tflite \\",
      "      --log model_edgetpu.log",
      "  edgetpu-lint verify model.tflite model_edgetpu.tflite \\",
      "      --write-expected my-pairs/",
      "  edgetpu-lint check --expected my-pairs/",
      "      Agreement over every pair written so far, as one number.",
      "",
      "Exit codes:",
      "  0  the prediction agrees with the compiler on every operator",
      "  1  some operator was placed differently; each is listed with both",
      "     placements and the rule (or the missing rule) behind the prediction",
      "  2  the pair does not correspond (a compiled operator with no counterpart",
      "     in the source, different inputs or outputs, a log of another model)",
      "     or a file cannot be read",
    })
public final class VerifyCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SOURCE", description = "The model given to edgetpu_compiler.")
  Path source;

  @Parameters(index = "1", paramLabel = "COMPILED", description = "The _edgetpu.tflite it wrote.")
  Path compiled;

  @Option(names = "--log", paramLabel = "LOG", description = "The compiler's _edgetpu.log (or captured output).")
  Path log;

  @Option(names = "--write-expected", paramLabel = "DIR",
      description = "Also write the pair to DIR in the corpus layout (expected/ID.json, models/, logs/) for "
          + "`check --expected DIR`.")
  Path writeExpected;

  @Option(names = "--rules", paramLabel = "DIR", description = "Extra directory of rule YAML files. Repeatable.")
  List<Path> ruleDirs = new ArrayList<>();

  @Option(names = "--compiler", paramLabel = "VERSION",
      description = "The edgetpu_compiler release that compiled the pair (16.0, 15.0, 14.1, 2.1, 2.0, 1.0). "
          + "Default: the version line of --log, else 16.0.")
  String compilerVersion;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static final int AGREE = 0;
  public static final int DISAGREE = 1;
  public static final int MISMATCH = 2;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Every input is read before any is reported, so one run names every unreadable file.
    List<String> unreadable = new ArrayList<>();
    Model sourceModel = readModel(source, unreadable);
    Model compiledModel = readModel(compiled, unreadable);
    LogTable table = log == null ? null : readLog(log, unreadable);
    if (!unreadable.isEmpty()) {
      for (String line : unreadable) {
        err.println("edgetpu-lint: " + line);
      }
      err.flush();
      return MISMATCH;
    }
    ObservedPair pair;
    try {
      pair = ObservedPair.derive(sourceModel, compiledModel, table);
    } catch (PairMismatchException e) {
      return fail(err, "edgetpu-lint: " + compiled + " is not the compilation of " + source + ": " + e.getMessage());
    }
    String judgedCompiler;
    try {
      judgedCompiler = compilerVersion != null ? AnalysisOptions.compiler(compilerVersion)
          : AnalysisOptions.compilerOrNull(table == null ? null : table.compilerVersion());
    } catch (IllegalArgumentException e) {
      return fail(err, "edgetpu-lint: --compiler: " + e.getMessage());
    }
    AnalysisOptions options = new AnalysisOptions(pair.runtime(), pair.multipleSubgraphs(), judgedCompiler);
    ModelAnalysis predicted;
    try {
      RuleSet rules = ruleDirs.isEmpty() ? RuleSet.builtIn() : RuleSet.load(ruleDirs);
      predicted = new CompilerPath(new RuleEngine(rules)::evaluate).analyze(sourceModel, options);
    } catch (RuntimeException e) {
      return fail(err, "edgetpu-lint: cannot judge " + source + ": " + e.getMessage());
    }
    Verification verification = Verification.compare(pair, predicted);
    out.print(verification.render(source.toString(), compiled.toString()));
    out.flush();
    if (writeExpected != null) {
      try {
        Path written = ExpectedPairWriter.write(writeExpected, source, compiled, log, pair);
        err.println("edgetpu-lint: wrote " + written);
        err.flush();
      } catch (IOException e) {
        return fail(err, "edgetpu-lint: cannot write to " + writeExpected + ": " + e.getMessage());
      }
    }
    return verification.agrees() ? AGREE : DISAGREE;
  }

  private static Model readModel(Path file, List<String> unreadable) {
    try {
      return TfliteReader.read(file);
    } catch (ModelReadException e) {
      unreadable.add(e.source() + ": " + e.getMessage());
      return null;
    }
  }

  private static LogTable readLog(Path file, List<String> unreadable) {
    try {
      LogTable table = LogTable.parse(Files.readString(file, StandardCharsets.UTF_8));
      if (table.compilerVersion() == null && table.rows().isEmpty()) {
        unreadable.add(file + ": not an edgetpu_compiler log (no version line, no operator table)");
      }
      return table;
    } catch (NoSuchFileException e) {
      unreadable.add(file + ": no such file");
      return null;
    } catch (IOException e) {
      unreadable.add(file + ": cannot read the log: " + e.getMessage());
      return null;
    }
  }

  private static int fail(PrintWriter err, String line) {
    err.println(line);
    err.flush();
    return MISMATCH;
  }
}
