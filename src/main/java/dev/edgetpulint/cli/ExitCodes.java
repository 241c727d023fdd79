package dev.edgetpulint.cli;

/** The exit-code contract of edgetpu-lint (documented in --help and docs/cli.md). */
public final class ExitCodes {
  /** No finding at or above the failure threshold. */
  public static final int CLEAN = 0;
  /** Findings at or above the failure threshold (default: error, i.e. something will run on the CPU). */
  public static final int FINDINGS = 1;
  /** Usage error, an unreadable input or configuration, or an internal error. Wins over 1. */
  public static final int ERROR = 2;

  private ExitCodes() {}
}
