package dev.edgetpulint.cli;

import dev.edgetpulint.service.LintService;
import dev.edgetpulint.service.StandardServices;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The edgetpu-lint command line. Subcommands register in {@link #SUBCOMMANDS}. */
@Command(
    name = "edgetpu-lint",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Tells you, before you compile, which operators of a TensorFlow Lite model will run on the Coral "
          + "Edge TPU and which on the CPU, why, and how to fix it.",
    },
    footer = {
      "",
      "Examples:",
      "  edgetpu-lint check model.tflite",
      "  edgetpu-lint check --runtime 13 -a models/",
      "  edgetpu-lint verify model.tflite model_edgetpu.tflite --log model_edgetpu.log",
      "  edgetpu-lint help check",
      "",
      "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable input.",
    })
public final class Main implements Callable<Integer> {
  /** The subcommands, in the order {@code --help} lists them. */
  private static final List<Class<?>> SUBCOMMANDS = List.of(
      CheckCommand.class,
      RulesCommand.class,
      DescribeCommand.class,
      LspCommand.class,
      dev.edgetpulint.verify.VerifyCommand.class,
      CommandLine.HelpCommand.class);

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    Warmup.start(args);
    System.exit(run(args));
  }

  public static int run(String... args) {
    return commandLine(StandardServices::lintService, args).execute(args);
  }

  /** The command line with {@code services} behind check (tests pass their own), all subcommands. */
  public static CommandLine commandLine(Supplier<LintService> services) {
    return commandLine(services, new String[0]);
  }

  /**
   * The command line for {@code args}: when the first argument names a subcommand, only that one is
   * registered. picocli builds its model of a command's options by reflection when the command is
   * registered, which was a good part of a check's start (docs/performance.md), and a run only ever
   * executes the subcommand its first argument names. Any other first argument (none, an option,
   * {@code help}, which prints a sibling's usage, a misspelt name) gets all of them.
   */
  public static CommandLine commandLine(Supplier<LintService> services, String... args) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        if (type == CheckCommand.class) {
          return type.cast(new CheckCommand(services));
        }
        if (type == LspCommand.class) {
          return type.cast(new LspCommand(services));
        }
        return defaults.create(type);
      }
    };
    CommandLine commandLine = new CommandLine(new Main(), factory);
    // Before the handlers below: picocli copies settings only to the subcommands registered so far.
    for (Class<?> subcommand : subcommandsFor(args)) {
      commandLine.addSubcommand(subcommand);
    }
    commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
      boolean debug = parseResult.hasMatchedOption("--debug");
      PrintWriter err = cl.getErr();
      err.println("edgetpu-lint: internal error: " + (e.getMessage() == null ? e.getClass().getName() : e.getMessage()));
      if (debug) {
        e.printStackTrace(err);
      } else {
        err.println("(run again with --debug for the stack trace)");
      }
      err.flush();
      return ExitCodes.ERROR;
    });
    commandLine.setParameterExceptionHandler((e, unused) -> {
      CommandLine cl = e.getCommandLine();
      PrintWriter err = cl.getErr();
      err.println("edgetpu-lint: " + e.getMessage());
      err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
      err.flush();
      return ExitCodes.ERROR;
    });
    return commandLine;
  }

  private static List<Class<?>> subcommandsFor(String... args) {
    if (args.length > 0) {
      for (Class<?> c : SUBCOMMANDS) {
        if (c.getAnnotation(Command.class).name().equals(args[0])) {
          // help shows the usage of its siblings, so it needs them all.
          return c == CommandLine.HelpCommand.class ? SUBCOMMANDS : List.of(c);
        }
      }
    }
    return SUBCOMMANDS;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.ERROR;
  }
}
