package dev.edgetpulint.service;

import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.compiler.Placement;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Span;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Severity;
import dev.edgetpulint.service.baseline.Baseline;
import dev.edgetpulint.service.baseline.BaselineEntry;
import dev.edgetpulint.service.config.ConfigException;
import dev.edgetpulint.service.config.ConfigLoader;
import dev.edgetpulint.service.config.ConfigSuppression;
import dev.edgetpulint.service.config.LintConfig;
import dev.edgetpulint.service.config.RuleSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The protocol-free lint service that the CLI and the language server share: load a model, run the
 * rules and the compiler path, apply configuration (runtime, rule selection, severity overrides,
 * suppressions, baseline), and return one outcome per input.
 */
public final class LintService {
  /** Called after each model file, for progress on long runs. */
  @FunctionalInterface
  public interface Progress {
    void done(int finished, int total, String path);
  }

  /** The outcome for one model file: a report, or the one-line reason it could not be judged. */
  public record Outcome(ModelReport report, InputError error) {}

  private final ModelLoader loader;
  private final LintEngine engine;
  private final ConfigLoader configs = new ConfigLoader();

  /** Which configured suppressions applied to a linted model, and which silenced a finding (per run). */
  private static final class SuppressionUse {
    private final Map<ConfigSuppression, String> applicable = new java.util.IdentityHashMap<>();
    private final Set<ConfigSuppression> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final List<UnusedSuppression> unusedInline = new ArrayList<>();

    synchronized void applies(ConfigSuppression s, String source) {
      applicable.putIfAbsent(s, source);
    }

    synchronized void used(ConfigSuppression s) {
      used.add(s);
    }

    synchronized void unusedInline(UnusedSuppression u) {
      unusedInline.add(u);
    }

    /** Configured suppressions that applied to some model and silenced nothing, with their source. */
    synchronized Map<ConfigSuppression, String> unusedConfigured() {
      Map<ConfigSuppression, String> out = new java.util.IdentityHashMap<>(applicable);
      for (ConfigSuppression s : used) {
        out.remove(s);
      }
      return out;
    }

    synchronized List<UnusedSuppression> unusedInline() {
      return List.copyOf(unusedInline);
    }
  }

  public LintService(ModelLoader loader, LintEngine engine) {
    this.loader = loader;
    this.engine = engine;
  }

  /** The engine behind the service (rules plus compiler path), for re-analysis at other runtimes. */
  public LintEngine engine() {
    return engine;
  }

  /**
   * The rules known with these extra directories; loads (and so checks) the directories' rule files.
   *
   * @throws Exception naming every problem of the rule files (file:line:column: what is wrong)
   */
  public List<RuleInfo> rules(List<Path> ruleDirs) throws Exception {
    return engine.rules(ruleDirs.stream().map(d -> d.toAbsolutePath().normalize()).toList());
  }

  public LintRun lint(List<Path> inputs, LintOptions options) {
    return lint(inputs, options, (finished, total, path) -> { });
  }

  /** Lints every input; each input path ends up exactly once in models or errors. */
  public LintRun lint(List<Path> inputs, LintOptions options, Progress progress) {
    List<ModelReport> models = new ArrayList<>();
    List<InputError> errors = new ArrayList<>();
    Baseline.Matcher matcher = options.baseline() == null ? null : options.baseline().matcher();
    SuppressionUse use = new SuppressionUse();
    List<ModelFiles.Expanded> expanded = ModelFiles.expand(inputs);
    List<Path> files = new ArrayList<>();
    for (ModelFiles.Expanded input : expanded) {
      files.addAll(input.files());
    }
    Outcome[] outcomes = lintAll(files, options, matcher, use, progress);
    int next = 0;
    Set<List<Path>> ruleDirSets = new LinkedHashSet<>();
    ruleDirSets.add(options.ruleDirs());
    for (ModelFiles.Expanded input : expanded) {
      if (input.error() != null) {
        errors.add(new InputError(options.displayPath(input.input()), input.error(), null));
        continue;
      }
      for (Path file : input.files()) {
        Outcome outcome = outcomes[next++];
        if (outcome.report() != null) {
          models.add(outcome.report());
          ruleDirSets.add(outcome.report().analysis() == null ? List.of() : ruleDirsUsed(file, options));
        } else {
          errors.add(outcome.error());
        }
      }
    }
    return new LintRun(models, errors, rules(ruleDirSets, models), unused(models, options, matcher, use));
  }

  /**
   * Baseline entries that name a linted model (by content or path) but matched no finding, and
   * configured suppressions that applied to a linted model but silenced nothing. Entries for models
   * outside this run are not judged.
   */
  private static List<UnusedSuppression> unused(List<ModelReport> models, LintOptions options,
      Baseline.Matcher matcher, SuppressionUse use) {
    List<UnusedSuppression> out = new ArrayList<>(use.unusedInline());
    if (matcher != null) {
      Set<String> hashes = new java.util.HashSet<>();
      Set<String> paths = new java.util.HashSet<>();
      for (ModelReport model : models) {
        hashes.add(model.contentHash());
        paths.add(model.path());
      }
      String source = options.baseline().file() == null ? "baseline" : options.baseline().displayPath(options);
      for (BaselineEntry entry : matcher.unused()) {
        if (hashes.contains(entry.sha256()) || paths.contains(entry.path())) {
          out.add(new UnusedSuppression("baseline", source, entry.path(), entry.rule(), entry.location(), entry.reason()));
        }
      }
    }
    for (Map.Entry<ConfigSuppression, String> entry : use.unusedConfigured().entrySet()) {
      ConfigSuppression s = entry.getKey();
      out.add(new UnusedSuppression("config", entry.getValue(), String.join(", ", s.paths()), s.rule(),
          s.location(), s.reason()));
    }
    if (out.size() > 1) {
      out.sort(java.util.Comparator.comparing(UnusedSuppression::source).thenComparing(UnusedSuppression::path)
          .thenComparing(UnusedSuppression::rule).thenComparing(u -> String.valueOf(u.location())));
    }
    return out;
  }

  /**
   * Lints {@code files} on every core (models are independent; the reader, rules and compiler path
   * are thread-safe), keeping the results in input order. With a baseline the files are judged one
   * after the other, so that which of two identical files uses up a baseline entry never depends on
   * timing. {@code progress} is told in completion order.
   */
  private Outcome[] lintAll(List<Path> files, LintOptions options, Baseline.Matcher matcher, SuppressionUse use,
      Progress progress) {
    Outcome[] outcomes = new Outcome[files.size()];
    Runnable worker = new Worker(files, options, matcher, use, progress, outcomes);
    int threads = matcher != null ? 1 : Math.min(files.size(), Runtime.getRuntime().availableProcessors());
    List<Thread> helpers = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      Thread helper = new Thread(worker, "edgetpu-lint-worker-" + t);
      helper.setDaemon(true);
      helper.start();
      helpers.add(helper);
    }
    worker.run();
    for (Thread helper : helpers) {
      try {
        helper.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return outcomes;
  }

  /** Lints one model file. */
  public Outcome lintFile(Path file, LintOptions options) {
    return lintFile(file, options, options.baseline() == null ? null : options.baseline().matcher(),
        new SuppressionUse());
  }

  /**
   * The work of {@link #lintAll}, shared by its threads: each takes the next file no thread has taken.
   * A class rather than a lambda: every check makes one, and a lambda's first call costs its linkage
   * at every start (docs/performance.md, C19).
   */
  private final class Worker implements Runnable {
    private final List<Path> files;
    private final LintOptions options;
    private final Baseline.Matcher matcher;
    private final SuppressionUse use;
    private final Progress progress;
    private final Outcome[] outcomes;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();

    Worker(List<Path> files, LintOptions options, Baseline.Matcher matcher, SuppressionUse use, Progress progress,
        Outcome[] outcomes) {
      this.files = files;
      this.options = options;
      this.matcher = matcher;
      this.use = use;
      this.progress = progress;
      this.outcomes = outcomes;
    }

    @Override
    public void run() {
      for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
        Path file = files.get(i);
        try {
          outcomes[i] = lintFile(file, options, matcher, use);
        } catch (RuntimeException | Error e) {
          outcomes[i] = new Outcome(null, new InputError(options.displayPath(file),
              "analysis failed: " + ModelFiles.oneLine(e), e));
        }
        synchronized (progress) {
          progress.done(finished.incrementAndGet(), files.size(), options.displayPath(file));
        }
      }
    }
  }

  private Outcome lintFile(Path file, LintOptions options, Baseline.Matcher matcher, SuppressionUse use) {
    String path = options.displayPath(file);
    Model model;
    String hash;
    try {
      // The SHA-256 of the bytes costs more CPU than judging the model (half of a corpus batch):
      // compute it here only to match a baseline; reports that print it ask ModelReport later.
      hash = matcher == null ? null : ContentHash.ofFile(file);
      model = loader.load(file);
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      return new Outcome(null, new InputError(path, ModelFiles.oneLine(e), e));
    }
    try {
      return new Outcome(analyze(model, file, hash, options, matcher, use), null);
    } catch (ConfigException e) {
      return new Outcome(null, new InputError(path, "configuration " + e.getMessage(), e));
    } catch (Exception | StackOverflowError e) {
      return new Outcome(null, new InputError(path, "analysis failed: " + ModelFiles.oneLine(e), e));
    }
  }

  /**
   * Analyzes a model that is already in memory (a description being edited): {@code file} locates its
   * configuration and names it in reports, {@code contentHash} keys the baseline.
   */
  public ModelReport analyze(Model model, Path file, String contentHash, LintOptions options) throws Exception {
    return analyze(model, file, contentHash, options,
        options.baseline() == null ? null : options.baseline().matcher(), new SuppressionUse());
  }

  private ModelReport analyze(Model model, Path file, String contentHash, LintOptions options,
      Baseline.Matcher matcher, SuppressionUse use) throws Exception {
    LintConfig config = configFor(file, options);
    // The caller's --select/--ignore/--severity go over the file and its overrides, last.
    RuleSettings settings = config.settingsFor(file).overlay(options.ruleSettings());
    String compiler = options.compilerVersion() != null ? options.compilerVersion() : settings.compiler();
    // Without a runtime, the compiler's own default -m, as edgetpu_compiler does (14 for 16.0).
    int runtime = options.runtime() != null ? options.runtime()
        : settings.runtime() != null ? settings.runtime()
        : compiler != null ? AnalysisOptions.defaultRuntimeOf(compiler) : AnalysisOptions.DEFAULT_RUNTIME;
    boolean multiple = options.multipleSubgraphs() || Boolean.TRUE.equals(settings.multipleSubgraphs());
    List<Path> ruleDirs = ruleDirs(settings, options);
    ModelAnalysis raw = engine.analyze(model, new AnalysisOptions(runtime, multiple, compiler), ruleDirs);
    ModelAnalysis configured = configure(raw, settings);
    String path = options.displayPath(file);
    List<ConfigSuppression> suppressions = config.suppressionsFor(file);
    for (ConfigSuppression s : suppressions) {
      use.applies(s, options.displayPath(config.file()));
    }
    List<InlineSuppressions.Entry> inline = inlineSuppressions(file);
    Set<InlineSuppressions.Entry> inlineUsed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    List<ReportedFinding> reported = new ArrayList<>();
    for (Finding finding : configured.findings()) {
      String logical = finding.location() == null ? "model" : finding.location().logical();
      Suppression suppression = null;
      Span span = model.spans().get(logical);
      for (InlineSuppressions.Entry entry : inline) {
        if (entry.covers(finding.ruleId(), span)) {
          suppression = new Suppression("inSource", entry.reason(), path + ":" + entry.line());
          inlineUsed.add(entry);
          break;
        }
      }
      for (ConfigSuppression s : suppression != null ? List.<ConfigSuppression>of() : suppressions) {
        if (s.rule().equals(finding.ruleId()) && (s.location() == null || s.location().equals(logical))) {
          suppression = new Suppression("config", s.reason(), options.displayPath(config.file()));
          use.used(s);
          break;
        }
      }
      if (suppression == null && matcher != null) {
        BaselineEntry entry = matcher.match(contentHash, finding.ruleId(), logical);
        if (entry != null) {
          suppression = new Suppression("baseline", entry.reason(),
              options.baseline().file() == null ? "baseline" : options.baseline().displayPath(options));
        }
      }
      reported.add(new ReportedFinding(finding, path, logical, suppression));
    }
    for (InlineSuppressions.Entry entry : inline) {
      if (!inlineUsed.contains(entry)) {
        use.unusedInline(new UnusedSuppression("inSource", path + ":" + entry.line(), "",
            String.join(", ", entry.rules()), null, entry.reason()));
      }
    }
    return new ModelReport(path, file, contentHash, configured, reported, config.failOn());
  }

  /** The ignore comments of a description file; none for binary models or unreadable files. */
  private static List<InlineSuppressions.Entry> inlineSuppressions(Path file) {
    if (!ModelFiles.isDescriptionFile(file) || !java.nio.file.Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return InlineSuppressions.parse(java.nio.file.Files.readString(file));
    } catch (java.io.IOException | RuntimeException e) {
      return List.of();
    }
  }

  private LintConfig configFor(Path file, LintOptions options) throws ConfigException {
    return options.configFile() != null ? configs.load(options.configFile()) : configs.forModel(file);
  }

  /** Reads the configuration that governs {@code file}; for callers that want to fail early. */
  public LintConfig configuration(Path file, LintOptions options) throws ConfigException {
    return configFor(file, options);
  }

  private List<Path> ruleDirsUsed(Path file, LintOptions options) {
    try {
      return ruleDirs(configFor(file, options).settingsFor(file), options);
    } catch (ConfigException e) {
      return options.ruleDirs();
    }
  }

  private static List<Path> ruleDirs(RuleSettings settings, LintOptions options) {
    List<Path> dirs = new ArrayList<>(settings.ruleDirs());
    for (Path dir : options.ruleDirs()) {
      Path normalized = dir.toAbsolutePath().normalize();
      if (!dirs.contains(normalized)) {
        dirs.add(normalized);
      }
    }
    return List.copyOf(dirs);
  }

  /** Applies rule selection and severity overrides to the findings and to the placements' findings. */
  static ModelAnalysis configure(ModelAnalysis analysis, RuleSettings settings) {
    // Loops rather than a stream and a lambda: this runs in every check, and each lambda's first call
    // costs its linkage at every start (docs/performance.md, C19).
    List<Finding> findings = configured(analysis.findings(), settings);
    List<Placement> placements = new ArrayList<>(analysis.placements().size());
    for (Placement p : analysis.placements()) {
      placements.add(new Placement(p.subgraph(), p.index(), p.op(), p.version(), p.target(), p.status(), p.reason(),
          p.causeOperator(), configured(p.findings(), settings)));
    }
    return new ModelAnalysis(analysis.model(), analysis.options(), analysis.quantization(),
        Collections.unmodifiableList(placements), analysis.memory(), findings, analysis.edgeTpuSubgraphs());
  }

  /** {@code findings} that {@code settings} select, at the severity they give; none that they turn off. */
  private static List<Finding> configured(List<Finding> findings, RuleSettings settings) {
    List<Finding> out = new ArrayList<>();
    for (Finding finding : findings) {
      if (!settings.selects(finding.ruleId())) {
        continue;
      }
      Severity override = settings.severity().get(finding.ruleId());
      Finding result = override == null ? finding : finding.withSeverity(override);
      if (result.severity() != Severity.OFF) {
        out.add(result);
      }
    }
    return out;
  }

  private List<RuleInfo> rules(Set<List<Path>> ruleDirSets, List<ModelReport> models) {
    Map<String, RuleInfo> byId = new LinkedHashMap<>();
    for (List<Path> dirs : ruleDirSets) {
      try {
        for (RuleInfo rule : engine.rules(dirs)) {
          byId.putIfAbsent(rule.id(), rule);
        }
      } catch (Exception e) {
        // A rule directory that does not load has already failed the models that use it.
      }
    }
    for (ModelReport model : models) {
      for (ReportedFinding f : model.findings()) {
        byId.putIfAbsent(f.finding().ruleId(), RuleInfo.fromFinding(f.finding()));
      }
    }
    return List.copyOf(byId.values());
  }
}
