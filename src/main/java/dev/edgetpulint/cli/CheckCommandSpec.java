package dev.edgetpulint.cli;

import dev.edgetpulint.verify.ShowOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The picocli model of {@code check}, built by code rather than read from annotations. Reading
 * annotations is most of picocli's start-up (the JDK parses each one and spins a proxy class for each
 * annotation type, none of which class-data sharing keeps): about 100 ms of every check
 * (docs/performance.md). The options keep their values in the model (no binding to fields: each
 * lambda of such a binding would cost its own call-site linkage at start-up). The usage message is the
 * same as the annotated command's was.
 */
final class CheckCommandSpec {
  static final String NAME = "check";

  private CheckCommandSpec() {}

  /** The model of {@code command}; the command reads the parsed values from it ({@link CheckCommand#call}). */
  static CommandSpec create(CheckCommand command) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    command.spec = spec;
    spec.name(NAME);
    spec.versionProvider(new VersionProvider());
    spec.usageMessage().sortOptions(false).description(DESCRIPTION).footer(FOOTER);
    spec.addOption(OptionSpecs.option("--runtime", "N", Integer.class,
        "Edge TPU runtime version to target (the compiler's -m), 10 to 14. Default: the "
            + "configuration's, else the compiler's default (14 for 16.0, 13 for 14.1-15.0, 12 for 2.0, 10 for 1.0)."));
    spec.addOption(OptionSpecs.option("--compiler", "VERSION", String.class,
        "edgetpu_compiler release to judge for: 16.0, 15.0, 14.1, 2.1, 2.0 or 1.0 (the long form "
            + "16.0.384591198 is accepted). Rules for old compilers (operator versions, data types) use it. "
            + "Default: the configuration's, else 16.0 whatever --runtime says."));
    spec.addOption(OptionSpecs.flag(new String[] {"-a", "--enable-multiple-subgraphs"},
        "Allow several Edge TPU subgraphs, as the compiler's -a: ops after a CPU island can map again."));
    spec.addOption(OptionSpecs.list(new String[] {"-f", "--format"}, "FORMAT", String.class, null,
        "text, json, sarif, html or model-explorer. Repeatable; pairs in order with -o."));
    spec.addOption(OptionSpecs.list(new String[] {"-o", "--output"}, "FILE", Path.class, null,
        "Write the matching --format to FILE instead of standard output. Repeatable."));
    spec.addOption(OptionSpecs.option("--fail-on", "LEVEL", String.class,
        "Lowest severity that makes the exit code 1: error, warning or info. Default: the "
            + "configuration's fail-on, else error."));
    spec.addOption(OptionSpecs.list(new String[] {"--select"}, "RULE", String.class, ",",
        "Report only these rule ids or id prefixes (EDGETPU-OP, ALL). Repeatable. Replaces the "
            + "configuration's select."));
    spec.addOption(OptionSpecs.list(new String[] {"--ignore"}, "RULE", String.class, ",",
        "Never report these rule ids or id prefixes. Repeatable. Added to the configuration's ignore."));
    spec.addOption(OptionSpecs.list(new String[] {"--severity"}, "RULE=LEVEL", String.class, ",",
        "Report rule RULE (an exact id) at LEVEL: error, warning, info or off. Repeatable. "
            + "Overrides the configuration's severity for that rule."));
    spec.addOption(OptionSpecs.list(new String[] {"--rules"}, "DIR", Path.class, null,
        "Extra directory of rule YAML files. Repeatable."));
    spec.addOption(OptionSpecs.option("--config", "FILE", Path.class,
        "Use this configuration file for every model instead of looking for .edgetpu-lint.yaml."));
    spec.addOption(OptionSpecs.option("--baseline", "FILE", Path.class,
        "Findings listed in FILE (written by --write-baseline) are reported as suppressed and do not fail."));
    spec.addOption(OptionSpecs.option("--write-baseline", "FILE", Path.class,
        "Write every current finding to FILE as accepted, then exit 0 (2 if an input could not be read)."));
    spec.addOption(OptionSpecs.option("--source-root", "DIR", Path.class,
        "Directory SARIF paths are relative to (%%SRCROOT%%). Default: the git work tree around "
            + "the current directory, else the current directory."));
    spec.addOption(OptionSpecs.flag(new String[] {"--debug"},
        "Show stack traces for inputs that could not be read."));
    for (OptionSpec option : ShowOptions.options()) {
      spec.addOption(option);
    }
    spec.addPositional(PositionalParamSpec.builder()
        .paramLabel("PATH").arity("0..*").index("0+")
        .type(List.class).auxiliaryTypes(Path.class)
        .initialValue(new ArrayList<Path>())
        .description("Model files (*.tflite, *.tflite.yaml) or directories.")
        .build());
    OptionSpecs.addStandardHelpOptions(spec);
    return spec;
  }

  private static final String[] DESCRIPTION = {
    "Predicts, for each model, which operators the Edge TPU compiler will map and which will run on the "
        + "CPU, with the reason and the fix for each. Directories are searched for *.tflite and "
        + "*.tflite.yaml files (hidden directories are skipped).",
  };

  private static final String[] FOOTER = {
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
    "  edgetpu-lint check --select EDGETPU-OP --ignore EDGETPU-OPVERSION- \\",
    "      --severity EDGETPU-PARTITION-COLLATERAL=info models/",
    "      Operator rules (EDGETPU-OP...) without the version warnings; one rule",
    "      demoted to info.",
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
  };
}
