package dev.edgetpulint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/edgetpu-lint with class-data sharing: the archive written next to the jar (as `mvn package`
 * does) is passed while it is newer than the jar; a jar without a fitting archive writes one to the
 * cache on its first check, which later runs use; a jar moved with its archive runs silently with the
 * JDK's archive alone; `lsp` maps the archive of a language-server session when there is one. Every
 * run's output is the output without class-data sharing. The jar here is a
 * {@link TestJar} (the shaded jar is not built yet during the test phase).
 */
class LauncherArchiveTest {
  private static final Path LAUNCHER = Path.of("bin/edgetpu-lint").toAbsolutePath();
  private static final Path TRAINING = Path.of("bench/cds-training/conv.tflite").toAbsolutePath();
  private static final Path DESCRIPTION = Path.of("bench/cds-training/example.tflite.yaml").toAbsolutePath();

  @TempDir Path temp;
  private Path cache;

  private record Run(int exitCode, String output) {}

  @BeforeEach
  void requireLinux() {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
    Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "class-data sharing as on Linux");
    cache = temp.resolve("cache");
  }

  @Test
  void archiveNextToTheJarOrWrittenToTheCache() throws Exception {
    Path jar = TestJar.write(Files.createDirectories(temp.resolve("build")).resolve("edgetpu-lint.jar"));
    Path archive = temp.resolve("build/edgetpu-lint.jsa");
    // The pom's training run and dump, on one input.
    String training = pomArchive(archive, jar);
    assertTrue(Files.isRegularFile(archive), training);

    String expected = launch(jar, "off", "check", TRAINING.toString()).output();
    assertTrue(expected.contains("Checked 1 model"), expected);
    assertEquals(expected, launch(jar, "on", "check", TRAINING.toString()).output());
    assertTrue(launchLoggingCds(jar).contains("Opened archive " + archive), "the packaged archive is used");
    // ... and fits: the classes come from it, on the boot class path as when it was written. It is a
    // static archive, in place of the JDK's: no archive is mapped on top of another.
    String classLoading = run(List.of(LAUNCHER.toString(), "--version"), Map.of("EDGETPU_LINT_JAR", jar.toString(),
        "EDGETPU_LINT_JAVA_OPTS", "-Xlog:class+load")).output();
    assertTrue(classLoading.contains(Main.class.getName() + " source: shared objects file\n"), classLoading);
    assertFalse(Files.exists(cache), "nothing written to the cache while the packaged archive fits");

    // Moved with its archive, times kept: the JVM finds that the archive records another jar path and
    // runs without an archive, silently.
    Path moved = Files.createDirectories(temp.resolve("moved"));
    for (String name : List.of("edgetpu-lint.jar", "edgetpu-lint.jsa")) {
      Files.copy(temp.resolve("build").resolve(name), moved.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
    }
    assertEquals(expected, launch(moved.resolve("edgetpu-lint.jar"), "on", "check", TRAINING.toString()).output());

    // Installed without an archive: the first check writes one to the cache, silently.
    Path installed = Files.createDirectories(temp.resolve("installed")).resolve("edgetpu-lint.jar");
    Files.copy(jar, installed);
    assertFalse(launchLoggingCds(installed).contains("Opened archive " + temp), "--version writes none");
    assertFalse(Files.exists(cache), "only a check writes one");
    assertEquals(expected, launch(installed, "on", "check", TRAINING.toString()).output(), "silent first run");
    List<Path> written = cached();
    assertEquals(1, written.size(), "the first check writes one archive: " + written);
    assertTrue(written.get(0).getFileName().toString().endsWith(".jsa"), "no temporary file left: " + written);
    assertEquals(expected, launch(installed, "on", "check", TRAINING.toString()).output());
    assertTrue(launchLoggingCds(installed).contains("Opened archive " + written.get(0)), "later runs use it");
  }

  @Test
  void aCheckOfTfliteFilesAloneMapsTheArchiveOfSuchChecks() throws Exception {
    Path jar = TestJar.write(Files.createDirectories(temp.resolve("build")).resolve("edgetpu-lint.jar"));
    Path all = temp.resolve("build/edgetpu-lint.jsa");
    Path tflite = temp.resolve("build/edgetpu-lint-tflite.jsa");
    pomArchive(all, jar, TRAINING, DESCRIPTION);
    pomArchive(tflite, jar, TRAINING);
    Path project = Files.createDirectories(temp.resolve("project/models"));
    Path governed = Files.copy(TRAINING, project.resolve("conv.tflite"));
    Files.writeString(temp.resolve("project/.edgetpu-lint.yaml"), "runtime: 13\n");

    assertMaps(tflite, jar, "check", TRAINING.toString());
    assertMaps(tflite, jar, "check", TRAINING.toString(), TRAINING.toString());
    // A configuration above the model, an option, a description, a folder, a file that is not there:
    // the classes of YAML, Jackson or the error path may be needed, and the archive of all checks serves.
    assertMaps(all, jar, "check", governed.toString());
    assertMaps(all, jar, "check", "--fail-on", "warning", TRAINING.toString());
    assertMaps(all, jar, "check", DESCRIPTION.toString());
    assertMaps(all, jar, "check", TRAINING.getParent().toString());
    assertMaps(all, jar, "check", temp.resolve("missing.tflite").toString());
    assertMaps(all, jar, "describe", TRAINING.toString());
  }

  /** The launcher maps {@code archive} for {@code args}, and prints what it prints without one. */
  private void assertMaps(Path archive, Path jar, String... args) throws Exception {
    String logged = launchLoggingCds(jar, args);
    assertTrue(logged.contains("Opened archive " + archive + "."), String.join(" ", args) + ": " + logged);
    assertEquals(launch(jar, "off", args).output(), launch(jar, "on", args).output(), String.join(" ", args));
  }

  @Test
  void languageServerMapsTheArchiveOfItsOwnTraining() throws Exception {
    Path jar = TestJar.write(Files.createDirectories(temp.resolve("build")).resolve("edgetpu-lint.jar"));
    Path checkArchive = temp.resolve("build/edgetpu-lint.jsa");
    Path serverArchive = temp.resolve("build/edgetpu-lint-lsp.jsa");
    pomArchive(checkArchive, jar);
    // The pom's lsp-archive execution: one session of the server, in the training JVM.
    Run training = run(List.of(java(), "-XX:ArchiveClassesAtExit=" + serverArchive, "-XX:+UseSerialGC",
        "-cp", jar.toString(), ServerArchiveTraining.class.getName(), "bench/cds-training/example.tflite.yaml"), Map.of());
    assertEquals(0, training.exitCode(), "the training session ends as the protocol asks: " + training.output());
    assertTrue(Files.isRegularFile(serverArchive), training.output());

    assertTrue(launchLoggingCds(jar, "lsp").contains("Opened archive " + serverArchive), "lsp maps the server's archive");
    assertTrue(launchLoggingCds(jar, "check", TRAINING.toString()).contains("Opened archive " + checkArchive),
        "check keeps the check archive");
    Files.delete(serverArchive);
    // The check archive's classes come from the boot class path, which lsp does not use.
    assertFalse(launchLoggingCds(jar, "lsp").contains("Opened archive " + checkArchive), "without its own, lsp maps none");
  }

  /**
   * What the pom's appcds-classlist and appcds-archive executions (and their -tflite twins) do: a
   * training check of {@code inputs} (default: one model), with the jar on the boot class path as the
   * launcher runs it, lists the classes it loads, and a static dump archives them. Returns both runs' output.
   */
  private String pomArchive(Path archive, Path jar, Path... inputs) throws Exception {
    Path classList = archive.resolveSibling(archive.getFileName().toString().replace(".jsa", ".classlist"));
    List<String> training = new ArrayList<>(List.of(java(), "-XX:DumpLoadedClassList=" + classList,
        "-XX:TieredStopAtLevel=1", "-Xbootclasspath/a:" + jar, "-Dedgetpulint.jar=" + jar, "-cp", jar.toString(),
        Main.class.getName(), "check"));
    for (Path input : inputs.length == 0 ? new Path[] {TRAINING} : inputs) {
      training.add(input.toString());
    }
    Run trained = run(training, Map.of());
    Run dump = run(List.of(java(), "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
        "-XX:SharedArchiveFile=" + archive, "-Xbootclasspath/a:" + jar, "-cp", jar.toString()), Map.of());
    assertEquals(0, dump.exitCode(), dump.output());
    return trained.output() + dump.output();
  }

  private List<Path> cached() throws IOException {
    try (Stream<Path> files = Files.list(cache.resolve("edgetpu-lint"))) {
      return files.toList();
    }
  }

  /** The output of `--version` with the JVM's CDS log on (after the launcher's -Xlog:cds=off). */
  private String launchLoggingCds(Path jar) throws Exception {
    return launchLoggingCds(jar, "--version");
  }

  /** The output of the launcher running {@code args} (standard input empty) with the JVM's CDS log on. */
  private String launchLoggingCds(Path jar, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    return run(command, Map.of("EDGETPU_LINT_JAR", jar.toString(), "EDGETPU_LINT_JAVA_OPTS", "-Xlog:cds=info")).output();
  }

  private Run launch(Path jar, String cds, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    return run(command, Map.of("EDGETPU_LINT_JAR", jar.toString(), "EDGETPU_LINT_CDS", cds));
  }

  private Run run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .directory(Path.of("").toAbsolutePath().toFile());
    builder.environment().remove("EDGETPU_LINT_CLASSPATH");
    builder.environment().remove("EDGETPU_LINT_JAVA_OPTS");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("XDG_CACHE_HOME", cache.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close(); // no input: a language server stops when its input ends
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), String.join(" ", command));
    return new Run(process.exitValue(), output);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
