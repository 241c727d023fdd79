package dev.edgetpulint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/edgetpu-lint with class-data sharing: the archive `mvn package` writes
 * (bench/cds-training/CdsArchive.java) is passed only with the jar it was written for; a moved jar runs
 * silently without it, and its first check writes an archive to the cache that later runs use. The jar
 * here holds the classes under test and names the dependencies in its manifest (the shaded jar is not
 * built yet during the test phase).
 */
class LauncherArchiveTest {
  private static final Path LAUNCHER = Path.of("bin/edgetpu-lint").toAbsolutePath();
  private static final Path TRAINING = Path.of("bench/cds-training/conv.tflite").toAbsolutePath();

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
  void packagedArchiveOnlyWithItsJarAndACachedOneForAMovedJar() throws Exception {
    Path jar = writeJar(Files.createDirectories(temp.resolve("build")).resolve("edgetpu-lint.jar"));
    Path archive = temp.resolve("build/edgetpu-lint.jsa");
    Run dump = run(List.of(java(), "bench/cds-training/CdsArchive.java", jar.toString(), archive.toString(),
        "check", TRAINING.toString()), Map.of());
    assertEquals(0, dump.exitCode(), dump.output());
    assertTrue(Files.isRegularFile(archive) && Files.isRegularFile(Path.of(archive + ".key")), dump.output());

    String expected = launch(jar, "off", "check", TRAINING.toString()).output();
    assertTrue(expected.contains("Checked 1 model"), expected);
    assertEquals(expected, launch(jar, "on", "check", TRAINING.toString()).output());
    assertTrue(launchLoggingCds(jar).contains("Opened archive " + archive), "the packaged archive is used");
    assertFalse(Files.exists(cache), "nothing written to the cache while the packaged archive fits");

    // Moved with its archive and key (as a copy keeping the times): the key names another jar path.
    Path moved = Files.createDirectories(temp.resolve("moved"));
    for (String name : List.of("edgetpu-lint.jar", "edgetpu-lint.jsa", "edgetpu-lint.jsa.key")) {
      Files.copy(temp.resolve("build").resolve(name), moved.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
    }
    Path movedJar = moved.resolve("edgetpu-lint.jar");
    assertFalse(launchLoggingCds(movedJar).contains("Opened archive " + moved.resolve("edgetpu-lint.jsa")));
    assertEquals(expected, launch(movedJar, "on", "check", TRAINING.toString()).output(), "silent first run");
    List<Path> written = cached();
    assertEquals(1, written.size(), "the first check writes one archive: " + written);
    assertTrue(written.get(0).getFileName().toString().endsWith(".jsa"), "no temporary file left: " + written);
    assertEquals(expected, launch(movedJar, "on", "check", TRAINING.toString()).output());
    assertTrue(launchLoggingCds(movedJar).contains("Opened archive " + written.get(0)), "later runs use it");
  }

  private List<Path> cached() throws IOException {
    try (Stream<Path> files = Files.list(cache.resolve("edgetpu-lint"))) {
      return files.toList();
    }
  }

  /** The output of `--version` with the JVM's CDS log on (after the launcher's -Xlog:cds=off). */
  private String launchLoggingCds(Path jar) throws Exception {
    return run(List.of(LAUNCHER.toString(), "--version"), Map.of("EDGETPU_LINT_JAR", jar.toString(),
        "EDGETPU_LINT_JAVA_OPTS", "-Xlog:cds=info")).output();
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
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), String.join(" ", command));
    return new Run(process.exitValue(), output);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A jar of the main classes that names the rest of the test class path in its manifest. */
  private static Path writeJar(Path jar) throws IOException {
    Path classes = null;
    List<String> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath();
      if (Files.isRegularFile(path.resolve("dev/edgetpulint/cli/Main.class"))) {
        classes = path;
      } else if (Files.isRegularFile(path) && entry.endsWith(".jar")) {
        classPath.add(path.toUri().toString());
      }
    }
    Assumptions.assumeTrue(classes != null, "the main classes are a directory on the class path");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
    Path root = classes;
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        Stream<Path> files = Files.walk(root)) {
      for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(root.relativize(path).toString().replace(File.separatorChar, '/')));
        Files.copy(path, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
