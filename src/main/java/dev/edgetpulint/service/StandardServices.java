package dev.edgetpulint.service;

/** The service as the tool ships it: the real readers, the built-in rules and the compiler path. */
public final class StandardServices {
  private StandardServices() {}

  public static LintService lintService() {
    return new LintService(new StandardModelLoader(), new StandardEngine());
  }
}
