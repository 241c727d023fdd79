import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Writes the static class-data-sharing archive that bin/edgetpu-lint passes to the JVM
 * (docs/performance.md, step C11). Run by `mvn package` after the shade, as a single-file program:
 *
 * <pre>java CdsArchive.java JAR ARCHIVE TRAINING-ARGS...</pre>
 *
 * <ol>
 *   <li>runs the jar once with the training arguments and {@code -XX:DumpLoadedClassList}: the classes,
 *       lambda proxies and method-handle forms the run used;</li>
 *   <li>adds that list to the JDK's own default class list ({@code lib/classlist}, which the JDK's default
 *       archive is built from: the static archive replaces that one, so it must hold what it held);</li>
 *   <li>dumps the static archive ({@code -Xshare:dump}) for exactly this jar path, with the default
 *       collector, so that it also holds the archived heap objects and the full module graph;</li>
 *   <li>writes ARCHIVE.key: the jar's and the java binary's size and modification time and the jar's
 *       path, which the launcher compares before it passes the archive (a static archive that does not
 *       fit makes the JVM run with no class sharing at all, not even the JDK's).</li>
 * </ol>
 *
 * The archive is written under a temporary name and moved into place; a failure leaves no archive (the
 * launcher then writes its own on the first check) and fails the build only for a missing jar.
 */
public final class CdsArchive {
  private CdsArchive() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: java CdsArchive.java JAR ARCHIVE TRAINING-ARGS...");
      System.exit(2);
    }
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path archive = Path.of(args[1]).toAbsolutePath();
    Path javaHome = Path.of(System.getProperty("java.home"));
    Path java = javaHome.resolve("bin").resolve("java");
    if (!Files.isRegularFile(jar)) {
      System.err.println("CdsArchive: no jar at " + jar);
      System.exit(1);
    }
    Path trained = Path.of(archive + ".classlist");
    Path merged = Path.of(archive + ".classlist.all");
    Path temporary = Path.of(archive + ".tmp");
    Path key = Path.of(archive + ".key");
    Files.deleteIfExists(archive);
    Files.deleteIfExists(key);

    List<String> training = new ArrayList<>(List.of(java.toString(), "-XX:DumpLoadedClassList=" + trained,
        "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
    training.addAll(List.of(args).subList(2, args.length));
    int status = run(training);
    if (status > 2) { // 0, 1 and 2 are a check's findings or unreadable inputs, still a full run
      System.err.println("CdsArchive: the training run exited " + status + "; no archive written");
      return;
    }

    Set<String> lines = new LinkedHashSet<>();
    Path defaults = javaHome.resolve("lib").resolve("classlist");
    if (Files.isRegularFile(defaults)) {
      addClassList(defaults, lines);
    }
    addClassList(trained, lines);
    Files.write(merged, lines, StandardCharsets.UTF_8);

    status = run(List.of(java.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + merged,
        "-XX:SharedArchiveFile=" + temporary, "-cp", jar.toString()));
    if (status != 0 || !Files.isRegularFile(temporary)) {
      System.err.println("CdsArchive: -Xshare:dump exited " + status + "; no archive written");
      Files.deleteIfExists(temporary);
      return;
    }
    Files.move(temporary, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    // The launcher compares this with `stat -L -c '%s-%Y' JAR JAVA` and the jar's path.
    Files.writeString(key, identity(jar) + " " + identity(java.toRealPath()) + " " + jar + "\n");
    Files.deleteIfExists(trained);
    Files.deleteIfExists(merged);
  }

  /** The lines of a class list, without comments; the JVM reads the merged list in this order. */
  private static void addClassList(Path list, Set<String> lines) throws IOException {
    for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        lines.add(line);
      }
    }
  }

  /** Size and modification time in whole seconds, as `stat -L -c '%s-%Y'` prints them. */
  private static String identity(Path file) throws IOException {
    return Files.size(file) + "-" + Files.getLastModifiedTime(file).to(TimeUnit.SECONDS);
  }

  private static int run(List<String> command) throws IOException, InterruptedException {
    System.out.println("CdsArchive: " + String.join(" ", command));
    Process process = new ProcessBuilder(command).inheritIO().start();
    return process.waitFor();
  }
}
