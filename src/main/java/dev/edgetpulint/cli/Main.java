package dev.edgetpulint.cli;

import dev.edgetpulint.service.LintService;
import dev.edgetpulint.service.StandardServices;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The edgetpu-lint command line. Subcommands are named in {@link #SUBCOMMANDS} and made by
 * {@link #subcommand}. The top-level command and {@code check} are picocli models built by code
 * ({@link CheckCommandSpec}): reading picocli's annotations costs about 100 ms of a start, and a check
 * should not pay it. The other subcommands, run rarely or for long, keep their annotations.
 */
public final class Main implements Callable<Integer> {
  static final String NAME = "edgetpu-lint";
  private static final String[] DESCRIPTION = {
    "Tells you, before you compile, which operators of a TensorFlow Lite model will run on the Coral "
        + "Edge TPU and which on the CPU, why, and how to fix it.",
  };
  private static final String[] FOOTER = {
    "",
    "Examples:",
    "  edgetpu-lint check model.tflite",
    "  edgetpu-lint check --runtime 13 -a models/",
    "  edgetpu-lint verify model.tflite model_edgetpu.tflite --log model_edgetpu.log",
    "  edgetpu-lint help check",
    "",
    "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable input.",
  };

  /** The subcommands, in the order {@code --help} lists them. */
  private static final List<String> SUBCOMMANDS = List.of(
      CheckCommandSpec.NAME, "rules", "describe", "lsp", "verify", "help");

  private CommandSpec spec;

  // The supplier and the handlers below are classes, not lambdas: the first lambda of a process links
  // the JDK's invokedynamic machinery (about 10 ms), which the warm-up thread does in parallel when the
  // main thread does not need it first (docs/performance.md, step C10).
  private static final Supplier<LintService> STANDARD_SERVICES = new Supplier<>() {
    @Override
    public LintService get() {
      return StandardServices.lintService();
    }
  };

  /** An exception from a command: one line, the stack trace only with --debug. */
  private static final class InternalErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
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
    }
  }

  /** A usage error: what is wrong and where help is. */
  private static final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
      CommandLine cl = e.getCommandLine();
      PrintWriter err = cl.getErr();
      // picocli calls a first word that names no command an "unmatched argument".
      String firstWord = unknownCommand(e);
      err.println("edgetpu-lint: " + (firstWord != null ? "'" + firstWord + "' is not a command" : e.getMessage()));
      if (firstWord != null && (firstWord.contains(".") || firstWord.contains("/"))) {
        // A path where the command belongs: the command was left out, most likely check.
        err.println("Did you mean: edgetpu-lint check " + String.join(" ", args) + "?");
      } else {
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err); // "Did you mean: ... check?"
      }
      err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
      err.flush();
      return ExitCodes.ERROR;
    }

    /** The first word when it stands where a command belongs and names none; else null. */
    private static String unknownCommand(CommandLine.ParameterException e) {
      if (e instanceof CommandLine.UnmatchedArgumentException unmatched && e.getCommandLine().getParent() == null
          && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
        return unmatched.getUnmatched().get(0);
      }
      return null;
    }
  }

  public static void main(String[] args) {
    Warmup.start(args);
    // picocli registers converters for java.sql, java.time and java.nio.file types by reflection in
    // every command line it makes, loading and initialising those classes: a quarter of its start. It
    // tests each type's name against this expression, compiling it each time; ".*" is the cheapest to
    // compile and leaves all of them out. The one type used here, Path, is registered by code
    // (PathConverter, in commandLine). Its default factory looks for Groovy, which is not there.
    setPropertyIfAbsent("picocli.converters.excludes", ".*");
    setPropertyIfAbsent("picocli.disable.closures", "true");
    System.exit(run(args));
  }

  private static void setPropertyIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  public static int run(String... args) {
    return commandLine(STANDARD_SERVICES, args).execute(args);
  }

  /** The command line with {@code services} behind check (tests pass their own), all subcommands. */
  public static CommandLine commandLine(Supplier<LintService> services) {
    return commandLine(services, new String[0]);
  }

  /**
   * The command line for {@code args}: when the first argument names a subcommand, only that one is
   * registered. picocli builds an annotated command's model by reflection when the command is
   * registered, and a run only ever executes the subcommand its first argument names. Any other first argument (none, an option,
   * {@code help}, which prints a sibling's usage, a misspelt name) gets all of them.
   */
  public static CommandLine commandLine(Supplier<LintService> services, String... args) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        if (type == LspCommand.class) {
          return type.cast(new LspCommand(services));
        }
        return defaults.create(type);
      }
    };
    CommandLine commandLine = new CommandLine(new Main().createSpec(), factory);
    // Before the handlers below: picocli copies settings only to the subcommands registered so far.
    for (String name : subcommandsFor(args)) {
      commandLine.addSubcommand(name, subcommand(name, services, factory));
    }
    commandLine.registerConverter(Path.class, new PathConverter());
    commandLine.setExecutionExceptionHandler(new InternalErrorHandler());
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    return commandLine;
  }

  private static List<String> subcommandsFor(String... args) {
    if (args.length > 0 && SUBCOMMANDS.contains(args[0])) {
      // help shows the usage of its siblings, so it needs them all.
      return args[0].equals("help") ? SUBCOMMANDS : List.of(args[0]);
    }
    return SUBCOMMANDS;
  }

  private static CommandLine subcommand(String name, Supplier<LintService> services, CommandLine.IFactory factory) {
    return switch (name) {
      case CheckCommandSpec.NAME -> new CommandLine(CheckCommandSpec.create(new CheckCommand(services)), factory);
      case "rules" -> new CommandLine(RulesCommand.class, factory);
      case "describe" -> new CommandLine(DescribeCommand.class, factory);
      case "lsp" -> new CommandLine(LspCommand.class, factory);
      case "verify" -> new CommandLine(dev.edgetpulint.verify.VerifyCommand.class, factory);
      case "help" -> new CommandLine(CommandLine.HelpCommand.class, factory);
      default -> throw new IllegalArgumentException("no subcommand " + name);
    };
  }

  private CommandSpec createSpec() {
    spec = CommandSpec.wrapWithoutInspection(this);
    spec.name(NAME);
    spec.versionProvider(new VersionProvider());
    spec.usageMessage().description(DESCRIPTION).footer(FOOTER);
    OptionSpecs.addStandardHelpOptions(spec);
    return spec;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.ERROR;
  }
}
