package dev.edgetpulint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.edgetpulint.service.StandardServices;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Path values without picocli's reflective converter, which Main leaves out (C21). */
class PathConverterTest {
  @Test
  void convertsAsPathsGetDoes() {
    assertEquals(Path.of("models/a b.tflite"), new PathConverter().convert("models/a b.tflite"));
  }

  @Test
  void aValueThatIsNoPathGetsPicocliSMessage() {
    CommandLine.TypeConversionException e = assertThrows(CommandLine.TypeConversionException.class,
        () -> new PathConverter().convert("a\0b"));
    assertEquals("cannot convert 'a\0b' to interface java.nio.file.Path "
        + "(java.nio.file.InvalidPathException: Nul character not allowed: a\0b)", e.getMessage());
  }

  @Test
  void everyPathOptionOfTheCommandLineUsesIt() {
    CliRunner.Result result = CliRunner.run(StandardServices::lintService, "check", "--config", "a\0b", "x.tflite");
    assertEquals(ExitCodes.ERROR, result.exitCode(), result.err());
    assertEquals("edgetpu-lint: Invalid value for option '--config': cannot convert 'a\0b' to interface "
        + "java.nio.file.Path (java.nio.file.InvalidPathException: Nul character not allowed: a\0b)",
        result.err().lines().findFirst().orElseThrow());
  }
}
