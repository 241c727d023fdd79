package dev.edgetpulint.cli;

import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.compiler.ModelAnalyzer;
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


/**
 * {@code edgetpu-lint check}: judge models, write reports, exit 0/1/2. Its options and usage message are
 * in {@link CheckCommandSpec}; {@link #call} copies the parsed values into the fields below.
 */
public final class CheckCommand implements Callable<Integer> {
  private Integer runtime;
  private String compiler;
  private boolean multipleSubgraphs;
  private List<String> formats;
  private List<Path> outputs;
  private String failOn;
  private List<String> select;
  private List<String> ignore;
  private List<String> severity;
  private List<Path> ruleDirs;
  private Path config;
  private Path baseline;
  private Path writeBaseline;
  private Path sourceRoot;
  private boolean debug;
  private final dev.edgetpulint.verify.ShowOptions show = new dev.edgetpulint.verify.ShowOptions();
  private List<Path> paths;
  /** Set by {@link CheckCommandSpec#create}. */
  CommandLine.Model.CommandSpec spec;

  private final Supplier<LintService> services;

  CheckCommand(Supplier<LintService> services) {
    this.services = services;
  }

  private void readOptions() {
    runtime = OptionSpecs.value(spec, "--runtime");
    compiler = OptionSpecs.value(spec, "--compiler");
    multipleSubgraphs = OptionSpecs.value(spec, "--enable-multiple-subgraphs");
    formats = OptionSpecs.value(spec, "--format");
    outputs = OptionSpecs.value(spec, "--output");
    failOn = OptionSpecs.value(spec, "--fail-on");
    select = OptionSpecs.value(spec, "--select");
    ignore = OptionSpecs.value(spec, "--ignore");
    severity = OptionSpecs.value(spec, "--severity");
    ruleDirs = OptionSpecs.value(spec, "--rules");
    config = OptionSpecs.value(spec, "--config");
    baseline = OptionSpecs.value(spec, "--baseline");
    writeBaseline = OptionSpecs.value(spec, "--write-baseline");
    sourceRoot = OptionSpecs.value(spec, "--source-root");
    debug = OptionSpecs.value(spec, "--debug");
    paths = spec.positionalParameters().get(0).getValue();
    show.read(spec);
  }

  /** A format and where it goes (null: standard output). */
  record Destination(String format, Path file) {}

  /**
   * A problem that ends the run with exit code 2 after one line on stderr: an unreadable configuration
   * or baseline, rules that do not load, a report or baseline that cannot be written.
   */
  private static final class RunFailure extends Exception {
    RunFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Override
  public Integer call() {
    readOptions();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (show.expectedOnly()) {
      return show.runExpected(analyzer(services.get()), out, err);
    }
    try {
      return check(out, err);
    } catch (RunFailure e) {
      err.println("edgetpu-lint: " + e.getMessage());
      if (debug && e.getCause() != null) {
        e.getCause().printStackTrace(err);
      }
      err.flush();
      return ExitCodes.ERROR;
    }
  }

  private int check(PrintWriter out, PrintWriter err) throws RunFailure {
    if (paths.isEmpty()) {
      throw usage("Missing required parameter: 'PATH' (a model file or directory; or --expected DIR)");
    }
    List<Destination> destinations = destinations();
    Severity threshold = threshold();
    String compilerVersion = compilerVersion();
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
        throw new RunFailure("configuration " + e.getMessage(), null);
      }
    }
    Baseline accepted = readBaseline();
    Map<String, Severity> severities = severities();
    LintService service = services.get();
    checkRuleNames(service, severities);

    RuleSettings cliRules = new RuleSettings(null, null, select, ignore, severities, List.of());
    LintOptions options = new LintOptions(runtime, multipleSubgraphs, ruleDirs, config, accepted, cwd,
        compilerVersion, cliRules);
    ProgressBar progress = new ProgressBar(err, ProgressBar.stderrIsTerminal());
    LintRun run = service.lint(paths, options, progress);
    progress.finish();

    boolean textOnStdout = writeReports(run, destinations, service, cwd, out);
    show.print(run, analyzer(service), textOnStdout || !writesToStandardOutput(destinations) ? out : err);
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
      writeBaseline(run, err);
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

  /** --compiler as a release number, or null; checked against --runtime (a usage error otherwise). */
  private String compilerVersion() {
    if (runtime != null && (runtime < AnalysisOptions.MIN_RUNTIME || runtime > AnalysisOptions.MAX_RUNTIME)) {
      throw usage("--runtime must be " + AnalysisOptions.MIN_RUNTIME + " to " + AnalysisOptions.MAX_RUNTIME
          + ", got " + runtime);
    }
    if (compiler == null) {
      return null;
    }
    String version;
    try {
      version = AnalysisOptions.compiler(compiler);
    } catch (IllegalArgumentException e) {
      throw usage("--compiler: " + e.getMessage());
    }
    int newest = AnalysisOptions.defaultRuntimeOf(version);
    if (runtime != null && runtime > newest) {
      throw usage("--runtime " + runtime + " is newer than compiler " + version + " can target (its -m is at most "
          + newest + "); use --compiler 16.0 for runtime 14, 14.1 or newer for 13");
    }
    return version;
  }

  private Baseline readBaseline() throws RunFailure {
    if (baseline == null) {
      return null;
    }
    try {
      return Baseline.read(baseline);
    } catch (IOException e) {
      throw new RunFailure(e.getMessage(), null);
    }
  }

  /**
   * Every rule named by --select, --ignore or --severity exists among the rules the run will load (a
   * usage error with a "did you mean" otherwise). With --rules the rules are loaded here too, so a rule
   * directory that does not load ends the run before any model is judged.
   */
  private void checkRuleNames(LintService service, Map<String, Severity> severities) throws RunFailure {
    boolean namesRules = !select.isEmpty() || !ignore.isEmpty() || !severities.isEmpty();
    if (ruleDirs.isEmpty() && !namesRules) {
      return;
    }
    List<String> knownIds;
    try {
      List<Path> dirs = new ArrayList<>(ruleDirs);
      if (namesRules) {
        dirs.addAll(configuredRuleDirs());
      }
      knownIds = service.rules(dirs).stream().map(dev.edgetpulint.service.RuleInfo::id).toList();
    } catch (Exception e) {
      throw new RunFailure("--rules: " + e.getMessage(), e);
    }
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

  /**
   * The rule directories a configuration adds (its top-level and override ones): those of the --config
   * file, else of the file found above each input, as the run will find them.
   */
  private List<Path> configuredRuleDirs() throws ConfigException {
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
    List<Path> dirs = new ArrayList<>();
    for (LintConfig loaded : governing) {
      dirs.addAll(loaded.settings().ruleDirs());
      loaded.overrides().forEach(o -> dirs.addAll(o.settings().ruleDirs()));
    }
    return dirs;
  }

  /** Writes every report; returns whether the text report went to standard output. */
  private boolean writeReports(LintRun run, List<Destination> destinations, LintService service, Path cwd,
      PrintWriter out) throws RunFailure {
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
        throw new RunFailure("cannot write " + destination.file() + ": " + e.getMessage(), null);
      }
    }
    return textOnStdout;
  }

  /** --write-baseline: every finding the run reported, or a baseline already accepted. */
  private void writeBaseline(LintRun run, PrintWriter err) throws RunFailure {
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
      throw new RunFailure("cannot write baseline " + writeBaseline + ": " + e.getMessage(), null);
    }
    err.println("edgetpu-lint: wrote " + entries.size() + " finding" + (entries.size() == 1 ? "" : "s")
        + " to baseline " + writeBaseline);
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

  /** Whether some report goes to standard output (no -o for it). */
  private static boolean writesToStandardOutput(List<Destination> destinations) {
    for (Destination d : destinations) {
      if (d.file() == null) {
        return true;
      }
    }
    return false;
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
  private ModelAnalyzer analyzer(LintService service) {
    return new EngineAnalyzer(service, ruleDirs);
  }

  /** A class rather than a lambda: every check makes one, and a lambda's first call costs its linkage at every start. */
  private record EngineAnalyzer(LintService service, List<Path> ruleDirs) implements ModelAnalyzer {
    @Override
    public ModelAnalysis analyze(dev.edgetpulint.graph.Model model, AnalysisOptions options) {
      try {
        return service.engine().analyze(model, options, ruleDirs);
      } catch (Exception e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
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
