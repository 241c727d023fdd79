package dev.edgetpulint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/edgetpu-lint: runs Main with the exit code passed through, and says clearly when there is no jar. */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("bin/edgetpu-lint").toAbsolutePath();

  @TempDir Path temp;

  private record Run(int exitCode, String output) {}

  private Run run(Path launcher, String classpath, String... args) throws Exception {
    return run(launcher, classpath, Map.of(), args);
  }

  private Run run(Path launcher, String classpath, Map<String, String> env, String... args) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
    String[] command = new String[args.length + 1];
    command[0] = launcher.toString();
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(temp.toFile());
    builder.environment().remove("EDGETPU_LINT_JAR");
    builder.environment().remove("EDGETPU_LINT_JAVA_OPTS");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("XDG_CACHE_HOME", temp.resolve("cache").toString());
    if (classpath == null) {
      builder.environment().remove("EDGETPU_LINT_CLASSPATH");
    } else {
      builder.environment().put("EDGETPU_LINT_CLASSPATH", classpath);
    }
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(5, TimeUnit.MINUTES);
    return new Run(process.exitValue(), output);
  }

  @Test
  void passesArgumentsAndExitCodeThrough() throws Exception {
    Path model = temp.resolve("model.tflite");
    Files.writeString(model, "not a model");
    Run run = run(LAUNCHER, System.getProperty("java.class.path"), "check", model.toString());
    assertEquals(ExitCodes.ERROR, run.exitCode(), run.output());
    assertTrue(run.output().contains("model.tflite: error: "), run.output());
    assertEquals(0, run(LAUNCHER, System.getProperty("java.class.path"), "--version").exitCode());
  }

  @Test
  void aJitChosenInTheJavaOptionsIsHonoured() throws Exception {
    // Short commands run C1 alone with one compiler thread; a user who picks the full tiered JIT needs
    // the JVM's own thread count (one is refused: "CICompilerCount (1) must be at least 2").
    Path jar = TestJar.write(temp.resolve("edgetpu-lint.jar"));
    Path model = temp.resolve("model.tflite");
    Files.writeString(model, "not a model");
    for (String options : new String[] {"", "-XX:TieredStopAtLevel=4", "-XX:+TieredCompilation"}) {
      Run run = run(LAUNCHER, null, Map.of("EDGETPU_LINT_JAR", jar.toString(), "EDGETPU_LINT_CDS", "off",
          "EDGETPU_LINT_JAVA_OPTS", options), "check", model.toString());
      assertEquals(ExitCodes.ERROR, run.exitCode(), options + ": " + run.output());
      assertTrue(run.output().contains("model.tflite: error: "), options + ": " + run.output());
    }
  }

  @Test
  void aCheckFromAJarReadsTheTablesAndRulesPackagedInIt() throws Exception {
    // From a jar, the operator and options tables, the rule index and the rule files' checksums are
    // read through util.PackagedFiles' own reader of the jar, not the class loader.
    Path jar = TestJar.write(temp.resolve("edgetpu-lint.jar"));
    Path model = Path.of("bench/cds-training/conv.tflite").toAbsolutePath();
    Run run = run(LAUNCHER, null, Map.of("EDGETPU_LINT_JAR", jar.toString(), "EDGETPU_LINT_CDS", "off"),
        "check", model.toString());
    assertEquals(ExitCodes.CLEAN, run.exitCode(), run.output());
    assertTrue(run.output().contains("CONV_2D                        1          Mapped to Edge TPU"), run.output());
  }

  @Test
  void everyKindOfCommandSaysFromTheBootClassPathWhatItSaysFromTheClassPath() throws Exception {
    // The launcher puts the jar on the boot class path for short commands (C20): its classes have no
    // class loader and no code source there. Packaged files, JSON Schemas (rule files, descriptions),
    // YAML and the SARIF model must work as from the class path.
    Path jar = TestJar.write(temp.resolve("edgetpu-lint.jar"));
    String model = Path.of("bench/cds-training/conv.tflite").toAbsolutePath().toString();
    String description = Path.of("bench/cds-training/example.tflite.yaml").toAbsolutePath().toString();
    Path rules = Files.createDirectories(temp.resolve("my-rules"));
    Files.copy(Path.of("src/test/resources/dev/edgetpulint/fuzz/RuleLoaderFuzzTestInputs/load/valid-rule.yaml"),
        rules.resolve("valid-rule.yaml"));
    String[][] commands = {
      {"--version"},
      {"rules", "--format", "json", "--rules", rules.toString()},
      {"describe", model},
      {"check", "--format", "sarif", model, description},
      {"check", "--rules", rules.toString(), model},
    };
    for (String[] command : commands) {
      Run fromBoot = run(LAUNCHER, null, Map.of("EDGETPU_LINT_JAR", jar.toString(), "EDGETPU_LINT_CDS", "off"), command);
      Run fromClassPath = run(LAUNCHER, jar.toString(), command);
      assertEquals(fromClassPath, fromBoot, String.join(" ", command));
      assertTrue(fromBoot.exitCode() != ExitCodes.ERROR, String.join(" ", command) + ": " + fromBoot.output());
    }
  }

  @Test
  void missingJarIsAClearErrorWithExitCodeTwo() throws Exception {
    Path bin = Files.createDirectories(temp.resolve("install/bin"));
    Path copy = bin.resolve("edgetpu-lint");
    Files.copy(LAUNCHER, copy);
    copy.toFile().setExecutable(true);
    Run run = run(copy, null, "--version");
    assertEquals(2, run.exitCode(), run.output());
    assertTrue(run.output().contains("edgetpu-lint.jar not found"), run.output());
  }
}
