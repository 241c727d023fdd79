package dev.edgetpulint.rules;

/** Shared test data: a valid extra rule file (see {@link RuleLoaderTest}). */
public final class RuleLoaderTestSupport {
  public static final String EXTRA_RULE = RuleLoaderTest.EXTRA_RULE;

  private RuleLoaderTestSupport() {}
}
