package dev.edgetpulint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.service.TestModels;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@link Main#commandLine(java.util.function.Supplier, String...)} registers only the named subcommand. */
class SubcommandRegistrationTest {
  private static final List<String> NAMES = List.of("check", "rules", "describe", "lsp", "verify", "help");

  @Test
  void aNamedSubcommandIsRegisteredAlone() {
    for (String name : NAMES.subList(0, NAMES.size() - 1)) {
      CommandLine alone = Main.commandLine(TestModels::service, name, "x");
      assertEquals(List.of(name), List.copyOf(alone.getSubcommands().keySet()), name);
    }
  }

  @Test
  void anythingElseGetsEverySubcommandInHelpOrder() {
    for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"chek", "m.tflite"},
        new String[] {"-V"}, new String[] {"help", "check"})) {
      CommandLine all = Main.commandLine(TestModels::service, args);
      assertEquals(NAMES, List.copyOf(all.getSubcommands().keySet()), String.join(" ", args));
    }
  }

  @Test
  void aSubcommandAloneHasTheSameUsageAsInTheFullTree() {
    CommandLine full = Main.commandLine(TestModels::service);
    for (String name : NAMES) {
      CommandLine alone = Main.commandLine(TestModels::service, name).getSubcommands().get(name);
      assertEquals(full.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF),
          alone.getUsageMessage(CommandLine.Help.Ansi.OFF), name);
    }
  }

  @Test
  void helpShowsASiblingsUsage() {
    CliRunner.Result help = CliRunner.run(TestModels::service, "help", "check");
    assertEquals(0, help.exitCode(), help.err());
    assertEquals(Main.commandLine(TestModels::service).getSubcommands().get("check")
        .getUsageMessage(CommandLine.Help.Ansi.OFF), help.out());
  }

  @Test
  void aSubcommandAloneStillUsesTheToolsErrorHandling() {
    CliRunner.Result result = CliRunner.run(TestModels::service, "check", "--no-such-option", "m.tflite");
    assertEquals(ExitCodes.ERROR, result.exitCode());
    assertTrue(result.err().startsWith("edgetpu-lint: "), result.err());
    assertTrue(result.err().contains("Try 'edgetpu-lint check --help'"), result.err());
  }
}
