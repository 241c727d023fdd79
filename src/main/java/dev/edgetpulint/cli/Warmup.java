package dev.edgetpulint.cli;

import dev.edgetpulint.rules.RuleSet;
import dev.edgetpulint.tflite.BuiltinOperators;
import dev.edgetpulint.tflite.OptionsSchema;

/**
 * Start-up work a {@code check} needs anyway, done on a second core while the main thread starts
 * picocli and parses the command line (docs/performance.md, "Cold start"): the built-in rules (read,
 * and the rules every model meets compiled) and the TFLite reader's operator and options tables. Both are loaded once per process and guarded, so the
 * main thread uses what this thread loaded or waits for it to finish. Nothing here can change a
 * result: a failure is left for the main thread to meet again and report as usual.
 */
final class Warmup {
  private Warmup() {}

  /**
   * Starts the warm-up for {@code args} when it is a check and there is a core to spare.
   *
   * @return the warm-up thread (a daemon), or null when there is nothing to warm up
   */
  static Thread start(String... args) {
    if (args.length == 0 || !"check".equals(args[0]) || Runtime.getRuntime().availableProcessors() < 2) {
      return null;
    }
    // A Runnable class, not a method reference: the first lambda of a process links the JDK's
    // invokedynamic machinery, which should happen on the warm-up thread, not before it starts.
    Thread thread = new Thread(new Runnable() {
      @Override
      public void run() {
        Warmup.run();
      }
    }, "edgetpu-lint-warmup");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void run() {
    try {
      OptionsSchema.get();
      BuiltinOperators.maxKnownCode();
      RuleSet.builtIn().compileRulesForEveryModel();
    } catch (RuntimeException | Error e) {
      // The check loads the same and reports the problem with its own message and exit code.
    }
  }
}
