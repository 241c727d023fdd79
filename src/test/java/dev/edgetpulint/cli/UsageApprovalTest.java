package dev.edgetpulint.cli;

import dev.edgetpulint.service.TestModels;
import java.util.Map;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The usage message of the tool and of every subcommand, approved. {@code check} and the top-level
 * command are picocli models built by code ({@link CheckCommandSpec}), the others read from annotations:
 * either way, a change to what {@code --help} says shows up here.
 */
class UsageApprovalTest {
  @Test
  void usageOfEveryCommand() {
    CommandLine tool = Main.commandLine(TestModels::service);
    StringBuilder all = new StringBuilder(tool.getUsageMessage(CommandLine.Help.Ansi.OFF));
    for (Map.Entry<String, CommandLine> subcommand : tool.getSubcommands().entrySet()) {
      all.append("\n==== ").append(subcommand.getKey()).append(" ====\n")
          .append(subcommand.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF));
    }
    Approvals.verify(all.toString());
  }
}
