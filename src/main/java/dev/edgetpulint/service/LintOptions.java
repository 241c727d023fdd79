package dev.edgetpulint.service;

import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.service.baseline.Baseline;
import dev.edgetpulint.service.config.RuleSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * What the caller (CLI flags, LSP settings) asks for. Values given here win over configuration files.
 *
 * @param runtime the Edge TPU runtime version, or null to take it from configuration (default 14)
 * @param multipleSubgraphs the compiler's -a; true here wins, false lets configuration decide
 * @param ruleDirs extra rule directories, added to those of the configuration
 * @param configFile a configuration file to use for every model, or null to look for
 *     .edgetpu-lint.yaml from each model's directory upwards
 * @param baseline findings to suppress as already known, or null
 * @param workingDirectory the directory reported paths are relative to
 * @param compilerVersion the edgetpu_compiler release to judge for ("16.0", "2.0", ...; the long form
 *     "16.0.384591198" is accepted), or null to take it from configuration (default 16.0)
 * @param ruleSettings rule selection and severity given by the caller (--select, --ignore, --severity),
 *     laid over each model's configuration last: a non-empty select replaces the file's, ignore and
 *     severity add to / override it. Only select, ignore and severity are read from it.
 */
public record LintOptions(
    Integer runtime,
    boolean multipleSubgraphs,
    List<Path> ruleDirs,
    Path configFile,
    Baseline baseline,
    Path workingDirectory,
    String compilerVersion,
    RuleSettings ruleSettings) {

  /** Options without rule settings of the caller's own (configuration decides selection and severity). */
  public LintOptions(Integer runtime, boolean multipleSubgraphs, List<Path> ruleDirs, Path configFile,
      Baseline baseline, Path workingDirectory, String compilerVersion) {
    this(runtime, multipleSubgraphs, ruleDirs, configFile, baseline, workingDirectory, compilerVersion, null);
  }

  /** Options without a compiler version (configuration or the default decides). */
  public LintOptions(Integer runtime, boolean multipleSubgraphs, List<Path> ruleDirs, Path configFile,
      Baseline baseline, Path workingDirectory) {
    this(runtime, multipleSubgraphs, ruleDirs, configFile, baseline, workingDirectory, null);
  }

  public LintOptions {
    compilerVersion = compilerVersion == null ? null : AnalysisOptions.compiler(compilerVersion);
    ruleDirs = ruleDirs == null ? List.of() : List.copyOf(ruleDirs);
    ruleSettings = ruleSettings == null ? RuleSettings.EMPTY
        : new RuleSettings(null, null, ruleSettings.select(), ruleSettings.ignore(), ruleSettings.severity(), List.of());
    workingDirectory = (workingDirectory == null ? Path.of("") : workingDirectory).toAbsolutePath().normalize();
  }

  public static LintOptions defaults() {
    return new LintOptions(null, false, List.of(), null, null, null);
  }

  public LintOptions withBaseline(Baseline newBaseline) {
    return new LintOptions(runtime, multipleSubgraphs, ruleDirs, configFile, newBaseline, workingDirectory, compilerVersion,
        ruleSettings);
  }

  public LintOptions withWorkingDirectory(Path directory) {
    return new LintOptions(runtime, multipleSubgraphs, ruleDirs, configFile, baseline, directory, compilerVersion,
        ruleSettings);
  }

  /** How reports name {@code file}: relative to the working directory when inside it, '/'-separated. */
  public String displayPath(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
    String text = shown.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }
}
