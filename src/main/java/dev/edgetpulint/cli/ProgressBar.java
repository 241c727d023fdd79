package dev.edgetpulint.cli;

import dev.edgetpulint.service.LintService;
import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr for long runs ({@code [#######-----] 120/290 path}). Shown only
 * when stderr is a terminal and the run has lasted longer than {@link #DELAY_MILLIS}, so that short
 * runs, pipes and CI logs never see it; erased when the run ends.
 */
final class ProgressBar implements LintService.Progress {
  static final long DELAY_MILLIS = 400;
  /** Set by bin/edgetpu-lint when file descriptor 2 is a terminal (Java cannot ask for stderr alone). */
  static final String STDERR_TTY_PROPERTY = "edgetpulint.stderr.tty";
  private static final int WIDTH = 24;

  private final PrintWriter err;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private boolean shown;

  ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** Whether stderr is a terminal: the launcher's word for it, else a console (stdin and stdout). */
  static boolean stderrIsTerminal() {
    String told = System.getProperty(STDERR_TTY_PROPERTY);
    return told != null ? Boolean.parseBoolean(told) : System.console() != null;
  }

  @Override
  public void done(int finished, int total, String path) {
    if (!enabled || total < 2 || finished >= total) {
      return;
    }
    if (!shown && (System.nanoTime() - start) / 1_000_000 < DELAY_MILLIS) {
      return;
    }
    shown = true;
    int filled = (int) ((long) finished * WIDTH / total);
    String name = path.length() > 48 ? "..." + path.substring(path.length() - 45) : path;
    err.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + finished + "/" + total + " " + name + "\u001b[K");
    err.flush();
  }

  /** Erases the bar, if it was shown. */
  void finish() {
    if (shown) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }
}
