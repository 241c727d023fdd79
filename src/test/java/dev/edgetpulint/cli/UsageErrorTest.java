package dev.edgetpulint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgetpulint.service.TestModels;
import org.junit.jupiter.api.Test;

/** A usage error is one line saying what is wrong, the nearest correct spelling when there is one, and where help is. */
class UsageErrorTest {
  @Test
  void aMisspeltCommandIsNamedWithTheCommandsItResembles() {
    CliRunner.Result result = CliRunner.run(TestModels::service, "chek", "model.tflite");
    assertEquals(ExitCodes.ERROR, result.exitCode());
    assertEquals("""
        edgetpu-lint: 'chek' is not a command
        Did you mean: edgetpu-lint check or edgetpu-lint help?
        Try 'edgetpu-lint --help' for more information.
        """, result.err());
  }

  @Test
  void aModelWithoutACommandIsOfferedCheck() {
    CliRunner.Result result = CliRunner.run(TestModels::service, "models/a.tflite", "--runtime", "13");
    assertEquals(ExitCodes.ERROR, result.exitCode());
    assertEquals("""
        edgetpu-lint: 'models/a.tflite' is not a command
        Did you mean: edgetpu-lint check models/a.tflite --runtime 13?
        Try 'edgetpu-lint --help' for more information.
        """, result.err());
  }

  @Test
  void aMisspeltOptionIsNamedWithTheOptionsItResembles() {
    CliRunner.Result result = CliRunner.run(TestModels::service, "check", "--runtim", "13", "model.tflite");
    assertEquals(ExitCodes.ERROR, result.exitCode());
    assertEquals("""
        edgetpu-lint: Unknown option: '--runtim'
        Possible solutions: --runtime, --rules
        Try 'edgetpu-lint check --help' for more information.
        """, result.err());
  }

  @Test
  void anOptionLikeNoOtherGetsNoSuggestion() {
    CliRunner.Result result = CliRunner.run(TestModels::service, "check", "--no-such-option", "model.tflite");
    assertEquals(ExitCodes.ERROR, result.exitCode());
    assertEquals("""
        edgetpu-lint: Unknown option: '--no-such-option'
        Try 'edgetpu-lint check --help' for more information.
        """, result.err());
  }
}
