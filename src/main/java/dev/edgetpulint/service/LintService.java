package dev.edgetpulint.service;

import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.compiler.Placement;
import dev.edgetpulint.graph.Model;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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

  public LintService(ModelLoader loader, LintEngine engine) {
    this.loader = loader;
    this.engine = engine;
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
    List<ModelFiles.Expanded> expanded = ModelFiles.expand(inputs);
    int total = expanded.stream().mapToInt(e -> e.files().size()).sum();
    int finished = 0;
    Set<List<Path>> ruleDirSets = new LinkedHashSet<>();
    ruleDirSets.add(options.ruleDirs());
    for (ModelFiles.Expanded input : expanded) {
      if (input.error() != null) {
        errors.add(new InputError(options.displayPath(input.input()), input.error(), null));
        continue;
      }
      for (Path file : input.files()) {
        Outcome outcome = lintFile(file, options, matcher);
        if (outcome.report() != null) {
          models.add(outcome.report());
          ruleDirSets.add(outcome.report().analysis() == null ? List.of() : ruleDirsUsed(file, options));
        } else {
          errors.add(outcome.error());
        }
        progress.done(++finished, total, options.displayPath(file));
      }
    }
    return new LintRun(models, errors, rules(ruleDirSets, models));
  }

  /** Lints one model file. */
  public Outcome lintFile(Path file, LintOptions options) {
    return lintFile(file, options, options.baseline() == null ? null : options.baseline().matcher());
  }

  private Outcome lintFile(Path file, LintOptions options, Baseline.Matcher matcher) {
    String path = options.displayPath(file);
    Model model;
    String hash;
    try {
      hash = ContentHash.ofFile(file);
      model = loader.load(file);
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      return new Outcome(null, new InputError(path, ModelFiles.oneLine(e), e));
    }
    try {
      return new Outcome(analyze(model, file, hash, options, matcher), null);
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
        options.baseline() == null ? null : options.baseline().matcher());
  }

  private ModelReport analyze(Model model, Path file, String contentHash, LintOptions options,
      Baseline.Matcher matcher) throws Exception {
    LintConfig config = configFor(file, options);
    RuleSettings settings = config.settingsFor(file);
    int runtime = options.runtime() != null ? options.runtime()
        : settings.runtime() != null ? settings.runtime() : AnalysisOptions.DEFAULT_RUNTIME;
    boolean multiple = options.multipleSubgraphs() || Boolean.TRUE.equals(settings.multipleSubgraphs());
    List<Path> ruleDirs = ruleDirs(settings, options);
    ModelAnalysis raw = engine.analyze(model, new AnalysisOptions(runtime, multiple), ruleDirs);
    ModelAnalysis configured = configure(raw, settings);
    String path = options.displayPath(file);
    List<ConfigSuppression> suppressions = config.suppressionsFor(file);
    List<ReportedFinding> reported = new ArrayList<>();
    for (Finding finding : configured.findings()) {
      String logical = finding.location() == null ? "model" : finding.location().logical();
      Suppression suppression = null;
      for (ConfigSuppression s : suppressions) {
        if (s.rule().equals(finding.ruleId()) && (s.location() == null || s.location().equals(logical))) {
          suppression = new Suppression("config", s.reason(), options.displayPath(config.file()));
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
      reported.add(new ReportedFinding(finding, ContentHash.fingerprint(finding.ruleId(), path, logical), suppression));
    }
    return new ModelReport(path, file, contentHash, configured, reported, config.failOn());
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
    Function<Finding, Finding> adjust = finding -> {
      if (!settings.selects(finding.ruleId())) {
        return null;
      }
      Severity override = settings.severity().get(finding.ruleId());
      Finding result = override == null ? finding : finding.withSeverity(override);
      return result.severity() == Severity.OFF ? null : result;
    };
    List<Finding> findings = adjustAll(analysis.findings(), adjust);
    List<Placement> placements = analysis.placements().stream()
        .map(p -> new Placement(p.subgraph(), p.index(), p.op(), p.version(), p.target(), p.status(), p.reason(),
            p.causeOperator(), adjustAll(p.findings(), adjust)))
        .toList();
    return new ModelAnalysis(analysis.model(), analysis.options(), analysis.quantization(), placements,
        analysis.memory(), findings, analysis.edgeTpuSubgraphs());
  }

  private static List<Finding> adjustAll(List<Finding> findings, Function<Finding, Finding> adjust) {
    List<Finding> out = new ArrayList<>();
    for (Finding finding : findings) {
      Finding adjusted = adjust.apply(finding);
      if (adjusted != null) {
        out.add(adjusted);
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
