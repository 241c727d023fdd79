package dev.edgetpulint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgetpulint.service.TestModels;
import org.junit.jupiter.api.Test;

/** A usage error is one line saying what is wrong, the nearest correct spelling when there is one, and where help is. */
class UsageErrorTest {
  @Test
  void aMisspeltCommandIsNamedWithTheCommandsItResembles() {
    assertUsageError("""
        edgetpu-lint: 'chek' is not a command
        Did you mean: edgetpu-lint check or edgetpu-lint help?
        Try 'edgetpu-lint --help' for more information.
        """,
        "chek", "model.tflite");
  }

  @Test
  void aModelWithoutACommandIsOfferedCheck() {
    assertUsageError("""
        edgetpu-lint: 'models/a.tflite' is not a command
        Did you mean: edgetpu-lint check models/a.tflite --runtime 13?
        Try 'edgetpu-lint --help' for more information.
        """,
        "models/a.tflite", "--runtime", "13");
  }

  @Test
  void aMisspeltOptionIsNamedWithTheOptionsItResembles() {
    assertUsageError("""
        edgetpu-lint: Unknown option: '--runtim'
        Possible solutions: --runtime, --rules
        Try 'edgetpu-lint check --help' for more information.
        """,
        "check", "--runtim", "13", "model.tflite");
  }

  @Test
  void anOptionLikeNoOtherGetsNoSuggestion() {
    assertUsageError("""
        edgetpu-lint: Unknown option: '--no-such-option'
        Try 'edgetpu-lint check --help' for more information.
        """,
        "check", "--no-such-option", "model.tflite");
  }

  private static void assertUsageError(String expectedErr, String... args) {
    CliRunner.Result result = CliRunner.run(TestModels::service, args);
    assertEquals(ExitCodes.ERROR, result.exitCode());
    assertEquals(expectedErr, result.err());
  }
}
