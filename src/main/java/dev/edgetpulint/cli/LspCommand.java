package dev.edgetpulint.cli;

import dev.edgetpulint.lsp.LanguageServerLauncher;
import dev.edgetpulint.service.LintService;
import dev.edgetpulint.service.StandardServices;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code edgetpu-lint lsp}: the language server on standard input and output. */
@Command(
    name = "lsp",
    mixinStandardHelpOptions = true,
    description = {
        "Run the edgetpu-lint language server (LSP) on standard input/output.",
        "",
        // One element per paragraph: picocli wraps each element at the terminal's width.
        "It checks model descriptions (*.tflite.yaml) as you type, with diagnostics on the line of each "
            + "operator and tensor, hover (where an operator runs, why, the rule, the runtime), the operator list "
            + "as document symbols, Edge TPU / CPU inlay hints and code lenses, and quick fixes; and it reports "
            + "the .tflite models of the workspace folders (read from disk) and re-checks them when they change.",
        "",
        "Settings come from workspace/configuration, section edgetpuLint: runtime, multipleSubgraphs, "
            + "select, ignore, severity, configFile, rules. Standard output carries only the protocol; logs go "
            + "to standard error. See docs/lsp.md for editor set-up (Neovim, Emacs eglot, VS Code)."},
    footer = {"", "Exit codes: 0 after shutdown and exit, 1 when the client went away without shutdown."})
public final class LspCommand implements Callable<Integer> {
  private final Supplier<LintService> services;

  @Option(names = "--stdio", description = "Use standard input/output (the default and only transport; "
      + "accepted because editors pass it).")
  boolean stdio;

  public LspCommand() {
    this(StandardServices::lintService);
  }

  public LspCommand(Supplier<LintService> services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    // The protocol owns the real standard output; anything else printed by mistake goes to stderr.
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    // Standard input through an interruptible channel: when the server stops, its reading thread is
    // interrupted out of the blocked read. A thread left blocked in a native read holds up the JVM's
    // exit by about 300 ms (it waits for threads in native code), which an editor waits through when
    // it closes.
    InputStream in = Channels.newInputStream(new FileInputStream(FileDescriptor.in).getChannel());
    return LanguageServerLauncher.run(services.get(), in, protocol);
  }
}
