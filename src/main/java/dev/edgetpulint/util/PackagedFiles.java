package dev.edgetpulint.util;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files packaged with edgetpu-lint's classes: the rule index and rule files, the schema tables,
 * the JSON Schemas. When the classes run from a jar, its files are read through one
 * {@link JarDirectory} kept open on that jar rather than through the class loader: a class loader's
 * first resource lookup asks every module of the JDK for the name, then sets up its own reader of the
 * jar (its manifest, class path and multi-release checks) and a {@code jar:} URL connection, a fifth of
 * the warm-up thread's CPU in a cold check (docs/performance.md, C19); and a {@link
 * java.util.zip.ZipFile} indexes the jar's thousands of classes first (C22). From a directory of
 * classes (a developer's build, the tests), the class loader is asked.
 *
 * <p>bin/edgetpu-lint runs short commands with the jar on the boot class path (docs/performance.md,
 * C20). Its classes then have no class loader and no code source: the launcher names the jar in the
 * system property {@value #JAR_PROPERTY}, and without it the jar is found from the URL of this class.
 */
public final class PackagedFiles {
  /** The system property in which bin/edgetpu-lint names the jar it puts on the boot class path. */
  public static final String JAR_PROPERTY = "edgetpulint.jar";
  private static final String CLASS_FILE = "PackagedFiles.class";

  private PackagedFiles() {}

  /** The bytes of the packaged file {@code name} ("dev/edgetpulint/tflite/builtin-options.tsv"), if there is one. */
  public static Optional<byte[]> read(String name) throws IOException {
    return read(Jar.DIRECTORY, classLoader(), name);
  }

  /** The loader of these classes; the system class loader for the boot class path, which asks the boot loader first. */
  private static ClassLoader classLoader() {
    ClassLoader loader = PackagedFiles.class.getClassLoader();
    return loader != null ? loader : ClassLoader.getSystemClassLoader();
  }

  /** {@code name} from {@code jar} (may be null) when it has it, else from {@code loader}. */
  static Optional<byte[]> read(JarDirectory jar, ClassLoader loader, String name) throws IOException {
    Optional<byte[]> packaged = jar == null ? Optional.empty() : jar.read(name);
    if (packaged.isPresent()) {
      return packaged;
    }
    try (InputStream in = loader.getResourceAsStream(name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    }
  }

  /** As {@link #read}, for a file that is always packaged: its absence is a broken build. */
  public static byte[] require(String name) throws IOException {
    Optional<byte[]> bytes = read(name);
    if (bytes.isEmpty()) {
      throw new IllegalStateException(name + " is missing from edgetpu-lint's jar or classes");
    }
    return bytes.get();
  }

  /** The jar the classes run from, open for the life of the process; empty when they run from a directory. */
  public static Optional<JarDirectory> jar() {
    return Optional.ofNullable(Jar.DIRECTORY);
  }

  /** Where the classes run from: a jar or a directory. */
  public static Path codeLocation() {
    try {
      if (PackagedFiles.class.getClassLoader() != null) {
        return Path.of(PackagedFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      }
      String named = System.getProperty(JAR_PROPERTY);
      return named != null ? Path.of(named) : locationOf(PackagedFiles.class.getResource(CLASS_FILE));
    } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot locate edgetpu-lint's classes", e);
    }
  }

  /**
   * The jar or directory that holds this class, from the URL of its class file:
   * {@code jar:file:/path/edgetpu-lint.jar!/dev/edgetpulint/util/PackagedFiles.class} or
   * {@code file:/path/classes/dev/edgetpulint/util/PackagedFiles.class}.
   */
  static Path locationOf(URL classFile) throws URISyntaxException {
    String entry = PackagedFiles.class.getName().replace('.', '/') + ".class";
    String url = classFile.toString();
    if (!url.endsWith(entry)) {
      throw new IllegalArgumentException("not the URL of " + entry + ": " + url);
    }
    String location = url.substring(0, url.length() - entry.length());
    if (location.startsWith("jar:") && location.endsWith("!/")) {
      location = location.substring("jar:".length(), location.length() - "!/".length());
    }
    return Path.of(new URI(location));
  }

  /** Opened when a file is first read (a holder class, so that nothing is opened before). */
  private static final class Jar {
    static final JarDirectory DIRECTORY = open();

    private static JarDirectory open() {
      try {
        Path location = codeLocation();
        return Files.isRegularFile(location) ? JarDirectory.open(location).orElse(null) : null;
      } catch (IOException | RuntimeException e) {
        return null; // the class loader still finds the files, only more slowly
      }
    }
  }
}
