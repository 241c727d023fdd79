package dev.edgetpulint.cli;

import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.report.AtomicFiles;
import dev.edgetpulint.report.Report;
import dev.edgetpulint.report.ReportContext;
import dev.edgetpulint.rules.Severity;
import dev.edgetpulint.service.InputError;
import dev.edgetpulint.service.LintOptions;
import dev.edgetpulint.service.LintRun;
import dev.edgetpulint.service.LintService;
import dev.edgetpulint.service.ModelReport;
import dev.edgetpulint.service.ReportedFinding;
import dev.edgetpulint.service.baseline.Baseline;
import dev.edgetpulint.service.baseline.BaselineEntry;
import dev.edgetpulint.service.config.ConfigException;
import dev.edgetpulint.service.config.ConfigLoader;
import dev.edgetpulint.service.config.LintConfig;
import dev.edgetpulint.service.config.RuleSettings;
import dev.edgetpulint.util.EditDistance;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edgetpu-lint check}: judge models, write reports, exit 0/1/2. */
@Command(
    name = "check",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Predicts, for each model, which operators the Edge TPU compiler will map and which will run on the "
          + "CPU, with the reason and the fix for each. Directories are searched for *.tflite and "
          + "*.tflite.yaml files (hidden directories are skipped).",
    },
    footer = {
      "",
      "Output formats: text (default; compiler-style summary, Operator/Count/Status table, findings), "
          + "json (the contract in docs/schema/report.schema.json), sarif (SARIF 2.1.0 for GitHub code "
          + "scanning), html (a self-contained page per model: the graph coloured by placement, the cut, "
          + "findings linked to operators, runtime matrix, fixes), model-explorer (node data JSON for Google's "
          + "Model Explorer; one model per file). Give several: the n-th --format goes to the n-th -o; at most one format without "
          + "an -o goes to standard output. Files are replaced atomically.",
      "",
      "Configuration: the nearest .edgetpu-lint.yaml at or above each model (or --config FILE) sets "
          + "runtime, multiple-subgraphs, select, ignore, severity, rules, fail-on, overrides and "
          + "suppressions. Command-line flags win over the file: --select replaces the file's select, "
          + "--ignore and --severity add to (and override) the file's ignore and severity.",
      "",
      "Examples:",
      "  edgetpu-lint check model.tflite",
      "      Judge one model at runtime 14 and print the compiler-style report.",
      "  edgetpu-lint check --runtime 13 -a models/",
      "      Every model under models/, as `edgetpu_compiler -m 13 -a` would see it.",
      "  edgetpu-lint check --format text --format sarif -o results.sarif models/",
      "      Text on the terminal and SARIF for code scanning, in one run.",
      "  edgetpu-lint check --format json -o report.json --fail-on warning models/",
      "      JSON for scripts; fail on warnings too.",
      "  edgetpu-lint check -o report.html --matrix --explain-compile model.tflite",
      "      A picture of the partition; the runtime matrix and the exact",
      "      edgetpu_compiler command line on the terminal.",
      "  edgetpu-lint check --expected my-pairs/",
      "      Agreement with the real compiler over pairs that",
      "      `edgetpu-lint verify --write-expected my-pairs/` wrote.",
      "  edgetpu-lint check --select EDGETPU-OP --ignore EDGETPU-OP-VERSION \\",
      "      --severity EDGETPU-PARTITION-COLLATERAL=info models/",
      "      Only operator rules, without one of them; one rule demoted to info.",
      "  edgetpu-lint check --write-baseline .edgetpu-lint-baseline.json models/",
      "  edgetpu-lint check --baseline .edgetpu-lint-baseline.json models/",
      "      Accept today's findings once; afterwards only new findings fail.",
      "",
      "Exit codes:",
      "  0  no finding at or above the --fail-on level (default: error)",
      "  1  findings at or above the --fail-on level (error: an operator will run",
      "     on the CPU)",
      "  2  usage error, an input or configuration that could not be read, or an",
      "     internal error; wins over 1 (every other input is still judged)",
    })
public final class CheckCommand implements Callable<Integer> {
  @Option(names = "--runtime", paramLabel = "N",
      description = "Edge TPU runtime version to target (the compiler's -m), 10 to 14. Default: the "
          + "configuration's, else the compiler's default (14 for 16.0, 13 for 14.1-15.0, 12 for 2.0, 10 for 1.0).")
  Integer runtime;

  @Option(names = "--compiler", paramLabel = "VERSION",
      description = "edgetpu_compiler release to judge for: 16.0, 15.0, 14.1, 2.1, 2.0 or 1.0 (the long form "
          + "16.0.384591198 is accepted). Rules for old compilers (operator versions, data types) use it. "
          + "Default: the configuration's, else 16.0 whatever --runtime says.")
  String compiler;

  @Option(names = {"-a", "--enable-multiple-subgraphs"},
      description = "Allow several Edge TPU subgraphs, as the compiler's -a: ops after a CPU island can map again.")
  boolean multipleSubgraphs;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "text, json, sarif, html or model-explorer. Repeatable; pairs in order with -o.")
  List<String> formats = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the matching --format to FILE instead of standard output. Repeatable.")
  List<Path> outputs = new ArrayList<>();

  @Option(names = "--fail-on", paramLabel = "LEVEL",
      description = "Lowest severity that makes the exit code 1: error, warning or info. Default: the "
          + "configuration's fail-on, else error.")
  String failOn;

  @Option(names = "--select", paramLabel = "RULE", split = ",",
      description = "Report only these rule ids or id prefixes (EDGETPU-OP, ALL). Repeatable. Replaces the "
          + "configuration's select.")
  List<String> select = new ArrayList<>();

  @Option(names = "--ignore", paramLabel = "RULE", split = ",",
      description = "Never report these rule ids or id prefixes. Repeatable. Added to the configuration's ignore.")
  List<String> ignore = new ArrayList<>();

  @Option(names = "--severity", paramLabel = "RULE=LEVEL", split = ",",
      description = "Report rule RULE (an exact id) at LEVEL: error, warning, info or off. Repeatable. "
          + "Overrides the configuration's severity for that rule.")
  List<String> severity = new ArrayList<>();

  @Option(names = "--rules", paramLabel = "DIR", description = "Extra directory of rule YAML files. Repeatable.")
  List<Path> ruleDirs = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE",
      description = "Use this configuration file for every model instead of looking for .edgetpu-lint.yaml.")
  Path config;

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "Findings listed in FILE (written by --write-baseline) are reported as suppressed and do not fail.")
  Path baseline;

  @Option(names = "--write-baseline", paramLabel = "FILE",
      description = "Write every current finding to FILE as accepted, then exit 0 (2 if an input could not be read).")
  Path writeBaseline;

  @Option(names = "--source-root", paramLabel = "DIR",
      description = "Directory SARIF paths are relative to (%%SRCROOT%%). Default: the git work tree around "
          + "the current directory, else the current directory.")
  Path sourceRoot;

  @Option(names = "--debug", description = "Show stack traces for inputs that could not be read.")
  boolean debug;

  @CommandLine.Mixin
  dev.edgetpulint.verify.ShowOptions show = new dev.edgetpulint.verify.ShowOptions();

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Model files (*.tflite, *.tflite.yaml) or directories.")
  List<Path> paths = new ArrayList<>();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final Supplier<LintService> services;

  CheckCommand(Supplier<LintService> services) {
    this.services = services;
  }

  /** A format and where it goes (null: standard output). */
  record Destination(String format, Path file) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (show.expectedOnly()) {
      return show.runExpected(analyzer(services.get()), out, err);
    }
    if (paths.isEmpty()) {
      throw usage("Missing required parameter: 'PATH' (a model file or directory; or --expected DIR)");
    }
    List<Destination> destinations = destinations();
    Severity threshold = threshold();
    if (runtime != null && (runtime < AnalysisOptions.MIN_RUNTIME || runtime > AnalysisOptions.MAX_RUNTIME)) {
      throw usage("--runtime must be " + AnalysisOptions.MIN_RUNTIME + " to " + AnalysisOptions.MAX_RUNTIME
          + ", got " + runtime);
    }
    String compilerVersion = null;
    if (compiler != null) {
      try {
        compilerVersion = AnalysisOptions.compiler(compiler);
      } catch (IllegalArgumentException e) {
        throw usage("--compiler: " + e.getMessage());
      }
      int newest = AnalysisOptions.defaultRuntimeOf(compilerVersion);
      if (runtime != null && runtime > newest) {
        throw usage("--runtime " + runtime + " is newer than compiler " + compilerVersion + " can target (its -m is at most "
            + newest + "); use --compiler 16.0 for runtime 14, 14.1 or newer for 13");
      }
    }
    for (Path dir : ruleDirs) {
      if (!Files.isDirectory(dir)) {
        throw usage("--rules " + dir + ": not a directory");
      }
    }
    Path cwd = Path.of("").toAbsolutePath();
    if (config != null) {
      try {
        new ConfigLoader().load(config);
      } catch (ConfigException e) {
        err.println("edgetpu-lint: configuration " + e.getMessage());
        err.flush();
        return ExitCodes.ERROR;
      }
    }
    Baseline accepted = null;
    if (baseline != null) {
      try {
        accepted = Baseline.read(baseline);
      } catch (IOException e) {
        err.println("edgetpu-lint: " + e.getMessage());
        err.flush();
        return ExitCodes.ERROR;
      }
    }
    Map<String, Severity> severities = severities();
    LintService service = services.get();
    List<String> knownIds = null;
    if (!ruleDirs.isEmpty() || !select.isEmpty() || !ignore.isEmpty() || !severities.isEmpty()) {
      try {
        List<Path> dirs = new ArrayList<>(ruleDirs);
        if (!select.isEmpty() || !ignore.isEmpty() || !severities.isEmpty()) {
          // Rules a configuration adds are known too (its top-level and override rule directories):
          // the --config file, else the file found above each input, as the run will find it.
          ConfigLoader loader = new ConfigLoader();
          List<LintConfig> governing = new ArrayList<>();
          if (config != null) {
            governing.add(loader.load(config));
          } else {
            for (Path input : paths) {
              // forModel looks in the file's directory and above; a directory input is its own start.
              governing.add(loader.forModel(Files.isDirectory(input) ? input.resolve(LintConfig.FILE_NAME) : input));
            }
          }
          for (LintConfig loaded : governing) {
            dirs.addAll(loaded.settings().ruleDirs());
            loaded.overrides().forEach(o -> dirs.addAll(o.settings().ruleDirs()));
          }
        }
        knownIds = service.rules(dirs).stream().map(dev.edgetpulint.service.RuleInfo::id).toList();
      } catch (Exception e) {
        err.println("edgetpu-lint: --rules: " + e.getMessage());
        if (debug) {
          e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.ERROR;
      }
    }
    if (knownIds != null) {
      for (String pattern : select) {
        checkRule("--select", pattern, knownIds, true);
      }
      for (String pattern : ignore) {
        checkRule("--ignore", pattern, knownIds, true);
      }
      for (String id : severities.keySet()) {
        checkRule("--severity", id, knownIds, false);
      }
    }
    RuleSettings cliRules = new RuleSettings(null, null, select, ignore, severities, List.of());
    LintOptions options = new LintOptions(runtime, multipleSubgraphs, ruleDirs, config, accepted, cwd,
        compilerVersion, cliRules);
    ProgressBar progress = new ProgressBar(err, ProgressBar.stderrIsTerminal());
    LintRun run = service.lint(paths, options, progress);
    progress.finish();

    ReportContext context = new ReportContext("edgetpu-lint", VersionProvider.version(),
        "https://github.com/edgetpu-lint/edgetpu-lint", sourceRoot != null ? sourceRoot : findSourceRoot(cwd),
        cwd, spec.commandLine().getParseResult().originalArgs());
    boolean textOnStdout = false;
    for (Destination destination : destinations) {
      Report report = destination.format().equals("html")
          ? new dev.edgetpulint.report.html.HtmlReport(analyzer(service)) : Report.forFormat(destination.format());
      try {
        if (destination.file() == null) {
          StringWriter buffer = new StringWriter();
          report.write(run, context, buffer);
          out.print(buffer);
          out.flush();
          textOnStdout |= destination.format().equals("text");
        } else {
          AtomicFiles.write(destination.file(), w -> report.write(run, context, w));
        }
      } catch (IOException e) {
        err.println("edgetpu-lint: cannot write " + destination.file() + ": " + e.getMessage());
        err.flush();
        return ExitCodes.ERROR;
      }
    }
    show.print(run, analyzer(service), textOnStdout || destinations.stream().noneMatch(d -> d.file() == null) ? out : err);
    for (InputError error : run.errors()) {
      if (!textOnStdout) {
        err.println(error.path() + ": error: " + error.message());
      }
      if (debug && error.cause() != null) {
        err.println(error.path() + ":");
        error.cause().printStackTrace(err);
      }
    }
    if (writeBaseline != null) {
      List<BaselineEntry> entries = new ArrayList<>();
      for (ModelReport model : run.models()) {
        String contentHash = model.findings().isEmpty() ? null : model.contentHash(); // hashed once
        for (ReportedFinding f : model.findings()) {
          if (f.suppressed() && !"baseline".equals(f.suppression().kind())) {
            continue;
          }
          String reason = f.suppressed() ? f.suppression().reason() : Baseline.DEFAULT_REASON;
          entries.add(new BaselineEntry(model.path(), contentHash, f.finding().ruleId(),
              f.finding().location() == null ? "model" : f.finding().location().logical(), reason));
        }
      }
      try {
        AtomicFiles.write(writeBaseline, w -> w.write(Baseline.toJson(entries)));
      } catch (IOException e) {
        err.println("edgetpu-lint: cannot write baseline " + writeBaseline + ": " + e.getMessage());
        err.flush();
        return ExitCodes.ERROR;
      }
      err.println("edgetpu-lint: wrote " + entries.size() + " finding" + (entries.size() == 1 ? "" : "s")
          + " to baseline " + writeBaseline);
    }
    err.flush();
    if (!run.errors().isEmpty()) {
      return ExitCodes.ERROR;
    }
    if (writeBaseline != null) {
      return ExitCodes.CLEAN;
    }
    return run.fails(threshold) ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
  }

  private List<Destination> destinations() {
    List<String> chosen = new ArrayList<>();
    for (String format : formats) {
      String f = format.trim().toLowerCase(Locale.ROOT);
      if (!List.of("text", "json", "sarif", "html", "model-explorer").contains(f)) {
        throw usage("--format must be text, json, sarif, html or model-explorer, got '" + format + "'");
      }
      chosen.add(f);
    }
    if (chosen.isEmpty()) {
      chosen.add("text");
    }
    if (formats.isEmpty() && outputs.size() == 1) {
      chosen.set(0, formatOf(outputs.get(0)));
    } else if (outputs.size() > chosen.size()) {
      throw usage("more -o than --format: the n-th -o takes the n-th --format");
    }
    List<Destination> destinations = new ArrayList<>();
    int toStdout = 0;
    for (int i = 0; i < chosen.size(); i++) {
      Path file = i < outputs.size() ? outputs.get(i) : null;
      if (file == null && ++toStdout > 1) {
        throw usage("only one --format can go to standard output; give the others an -o FILE each");
      }
      destinations.add(new Destination(chosen.get(i), file));
    }
    return destinations;
  }

  /** "-o report.sarif" alone picks the format from the extension. */
  private static String formatOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".sarif") || name.endsWith(".sarif.json")) {
      return "sarif";
    }
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return "html";
    }
    return name.endsWith(".json") ? "json" : "text";
  }

  /** The engine behind the service, as a compiler path for other runtimes and -a (matrix, html, --expected). */
  private dev.edgetpulint.compiler.ModelAnalyzer analyzer(LintService service) {
    return (model, options) -> {
      try {
        return service.engine().analyze(model, options, ruleDirs);
      } catch (Exception e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    };
  }

  private Severity threshold() {
    if (failOn == null) {
      return null;
    }
    return switch (failOn.trim().toLowerCase(Locale.ROOT)) {
      case "error" -> Severity.ERROR;
      case "warning" -> Severity.WARNING;
      case "info" -> Severity.INFO;
      default -> throw usage("--fail-on must be error, warning or info, got '" + failOn + "'");
    };
  }

  /** --severity RULE=LEVEL, in order (a later one for the same rule wins). */
  private Map<String, Severity> severities() {
    Map<String, Severity> result = new LinkedHashMap<>();
    for (String entry : severity) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw usage("--severity takes RULE=LEVEL (e.g. EDGETPU-PARTITION-COLLATERAL=info), got '" + entry + "'");
      }
      String level = entry.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
      Severity value = switch (level) {
        case "error" -> Severity.ERROR;
        case "warning" -> Severity.WARNING;
        case "info" -> Severity.INFO;
        case "off" -> Severity.OFF;
        default -> throw usage("--severity " + entry + ": level must be error, warning, info or off, got '"
            + entry.substring(eq + 1) + "'");
      };
      result.put(entry.substring(0, eq).trim(), value);
    }
    return result;
  }

  /**
   * A rule named on the command line must exist among the loaded rules, as configuration matches it:
   * an exact id, or (for --select/--ignore) "ALL" or a prefix of some id.
   */
  private void checkRule(String flag, String pattern, List<String> knownIds, boolean prefixes) {
    if (knownIds.contains(pattern)
        || (prefixes && (pattern.equals("ALL") || (!pattern.isEmpty() && knownIds.stream().anyMatch(id -> id.startsWith(pattern)))))) {
      return;
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String wanted = pattern.toUpperCase(Locale.ROOT);
    for (String id : knownIds) {
      // Against whole ids and, for prefixes, against the id cut to the pattern's length.
      int d = EditDistance.between(wanted, id);
      if (prefixes && id.length() > wanted.length()) {
        d = Math.min(d, EditDistance.between(wanted, id.substring(0, wanted.length())));
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = id;
      }
    }
    boolean close = bestDistance <= Math.max(2, pattern.length() / 3);
    String hint = !close ? "" : " (did you mean '" + (prefixes && !best.startsWith(wanted)
        && EditDistance.between(wanted, best) > bestDistance ? best.substring(0, wanted.length()) : best) + "'?)";
    throw usage(flag + ": unknown rule '" + pattern + "'" + hint
        + (prefixes ? "; give a rule id or an id prefix" : "; give an exact rule id")
        + " (`edgetpu-lint rules` lists them)");
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  static Path findSourceRoot(Path cwd) {
    for (Path d = cwd; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"))) {
        return d;
      }
    }
    return cwd;
  }
}
