package dev.edgetpulint.verify;

import dev.edgetpulint.cli.OptionSpecs;
import dev.edgetpulint.compiler.AgreementReport;
import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.CompileRecipe;
import dev.edgetpulint.compiler.CutAdvice;
import dev.edgetpulint.compiler.ExpectedPair;
import dev.edgetpulint.compiler.FixSuggestions;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.compiler.ModelAnalyzer;
import dev.edgetpulint.compiler.RuntimeMatrix;
import dev.edgetpulint.compiler.TransferLearning;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.service.LintRun;
import dev.edgetpulint.service.ModelReport;
import dev.edgetpulint.tflite.TfliteReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code check} options that show more than findings: {@code --matrix}, {@code --explain-compile},
 * {@code --transfer-learning} and {@code --expected DIR}. The check command adds {@link #options()} to its
 * model, takes their values with {@link #read} and calls {@link #expectedOnly()} / {@link #runExpected} /
 * {@link #print}.
 */
public final class ShowOptions {
  private boolean matrix;
  private boolean explainCompile;
  private boolean transferLearning;
  private Path expected;

  /** These options for the check command's model (built by code: see {@code cli.CheckCommandSpec}). */
  public static List<OptionSpec> options() {
    return List.of(
        OptionSpecs.flag("--matrix", "Also print, per model, how many operators map and where the cut falls for runtimes 10 to 14."),
        OptionSpecs.flag("--explain-compile", "Also print, per model, the exact edgetpu_compiler command line (-m, -a, -i) that reproduces "
                + "the prediction, where the Edge TPU part ends, and a fix for each operator that cuts the graph."),
        OptionSpecs.flag("--transfer-learning", "Also print, per model, whether it can serve on-device transfer learning (backpropagation, "
                + "weight imprinting) and which tensor to cut at."),
        OptionSpecs.option("--expected", "DIR", Path.class, "Judge every pair of DIR (expected/ID.json and models/, as `verify --write-expected` "
                + "writes them) and report the agreement with the real compiler as one number. Exit 0 when every "
                + "pair agrees, 1 otherwise, 2 when DIR cannot be read."));
  }

  /** Takes the values of these options from the parsed check command. */
  public void read(CommandSpec spec) {
    matrix = OptionSpecs.value(spec, "--matrix");
    explainCompile = OptionSpecs.value(spec, "--explain-compile");
    transferLearning = OptionSpecs.value(spec, "--transfer-learning");
    expected = OptionSpecs.value(spec, "--expected");
  }

  /** Whether {@code --expected} was given (then no model paths are needed). */
  public boolean expectedOnly() {
    return expected != null;
  }

  public boolean anyPrint() {
    return matrix || explainCompile || transferLearning;
  }

  /** {@code check --expected DIR}: the agreement, as the project's own corpus test prints it. */
  public int runExpected(ModelAnalyzer analyzer, PrintWriter out, PrintWriter err) {
    Path dir = expected;
    if (!Files.isDirectory(dir)) {
      err.println("edgetpu-lint: --expected " + dir + ": not a directory (give a folder holding expected/*.json)");
      err.flush();
      return 2;
    }
    Path expectedDir = Files.isDirectory(dir.resolve("expected")) ? dir.resolve("expected") : dir;
    Path root = expectedDir.equals(dir) && dir.toAbsolutePath().getParent() != null
        ? dir.toAbsolutePath().getParent() : dir;
    List<ExpectedPair> pairs = new java.util.ArrayList<>();
    Path current = expectedDir;
    try (var files = Files.list(expectedDir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        current = file;
        pairs.add(ExpectedPair.read(file, root));
      }
    } catch (IOException | RuntimeException e) {
      err.println("edgetpu-lint: --expected " + current + ": cannot read the pair: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")));
      err.flush();
      return 2;
    }
    if (pairs.isEmpty()) {
      err.println("edgetpu-lint: --expected " + dir + ": no expected/*.json pairs found");
      err.flush();
      return 2;
    }
    AgreementReport report = new AgreementReport();
    for (ExpectedPair pair : pairs) {
      try {
        Model model = TfliteReader.read(pair.model());
        report.add(pair, analyzer.analyze(model, pair.options()));
      } catch (RuntimeException e) {
        report.addFailure(pair, e.getMessage());
      }
    }
    out.print(report.render());
    out.flush();
    boolean failures = report.pairs().stream().anyMatch(p -> p.error() != null);
    return failures ? 2 : report.exactPairs() == report.pairs().size() ? 0 : 1;
  }

  /** Prints the chosen extra views for every judged model. */
  public void print(LintRun run, ModelAnalyzer given, PrintWriter out) {
    if (!anyPrint()) {
      return;
    }
    ModelAnalyzer analyzer = dev.edgetpulint.compiler.CachingAnalyzer.of(given);
    for (ModelReport model : run.models()) {
      ModelAnalysis a = model.analysis();
      out.println();
      out.println("== " + model.path() + " (runtime " + a.options().runtime()
          + (a.options().multipleSubgraphs() ? ", -a" : "")
          + (a.options().defaultCompiler() ? "" : ", compiler " + a.options().compilerVersion()) + ")");
      if (matrix) {
        out.println("Runtime matrix" + (a.options().multipleSubgraphs() ? " (-a)" : "") + ":");
        out.print(RuntimeMatrix.compute(a.model(), a.options(), analyzer).render());
      }
      if (explainCompile) {
        CutAdvice cut = CutAdvice.of(a, analyzer);
        CompileRecipe recipe = CompileRecipe.of(withSource(a, model.file()), cut);
        out.println("Compile command:");
        out.print(recipe.explain());
        cut.advice(a.options().runtime()).forEach(line -> out.println("  " + line));
        List<FixSuggestions.Suggestion> fixes = FixSuggestions.of(a, analyzer);
        if (!fixes.isEmpty()) {
          out.println("Fixes:");
          for (String line : FixSuggestions.render(fixes).split("\n")) {
            out.println("  " + line);
          }
        }
      }
      if (transferLearning) {
        out.println("Transfer learning on the device:");
        for (String line : TransferLearning.render(TransferLearning.assess(a)).split("\n")) {
          out.println("  " + line);
        }
      }
    }
    out.flush();
  }

  /** The recipe names the file as the user gave it. */
  private static ModelAnalysis withSource(ModelAnalysis a, Path file) {
    Model m = a.model();
    Model renamed = new Model(file == null ? m.source() : file.toString(), m.schemaVersion(), m.description(),
        m.subgraphs(), m.metadataNames(), m.signatureKeys(), m.edgeTpuPackages(), m.spans());
    return new ModelAnalysis(renamed, a.options(), a.quantization(), a.placements(), a.memory(), a.findings());
  }
}
