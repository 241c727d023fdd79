package dev.edgetpulint.cli;

import dev.edgetpulint.rules.RuleDocs;
import dev.edgetpulint.rules.RuleEngine;
import dev.edgetpulint.rules.RuleLoadException;
import dev.edgetpulint.rules.RuleSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code edgetpu-lint rules}: lists the rules, or writes the rule reference. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Lists the rules edgetpu-lint checks: the packaged rules (Table 1 of the Edge TPU documentation, the model "
          + "requirements, operator versions and empirical compiler limits) plus any from --rules directories.",
      "Every rule file is checked against the rule schema and its expressions compiled; a broken file is reported as "
          + "file:line:column: what is wrong.",
    },
    footer = {
      "",
      "Examples:",
      "  edgetpu-lint rules",
      "  edgetpu-lint rules --format markdown > docs/rules.md",
      "  edgetpu-lint rules --rules my-rules/ --format json",
      "",
      "Exit codes: 0 listed, 2 a rule file is broken or an option is wrong.",
    })
public final class RulesCommand implements Callable<Integer> {
  enum Format { text, json, markdown }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text (one line a rule), json (everything, for scripts) or markdown (the rule reference). "
          + "Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--rules", paramLabel = "DIR", description = "Extra directory of rule YAML files. Repeatable.")
  List<Path> ruleDirs = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    RuleSet rules;
    try {
      rules = ruleDirs.isEmpty() ? RuleSet.builtIn() : RuleSet.load(ruleDirs);
      new RuleEngine(rules).compileAll();
    } catch (RuleLoadException e) {
      for (String problem : e.problems()) {
        err.println("edgetpu-lint: " + problem);
      }
      err.flush();
      return ExitCodes.ERROR;
    }
    RuleDocs docs = new RuleDocs(rules);
    String text = switch (format) {
      case json -> docs.json();
      case markdown -> docs.markdown();
      default -> docs.text();
    };
    if (output != null) {
      try {
        Files.writeString(output, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("edgetpu-lint: " + output + ": cannot write: " + e.getMessage());
        err.flush();
        return ExitCodes.ERROR;
      }
    } else {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    }
    return ExitCodes.CLEAN;
  }
}
