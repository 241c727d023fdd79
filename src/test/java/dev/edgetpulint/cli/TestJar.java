package dev.edgetpulint.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** A jar for launcher tests, which run bin/edgetpu-lint as users do: the shaded jar is not built yet during the test phase. */
final class TestJar {
  private TestJar() {}

  /** A jar of the main classes that names the rest of the test class path in its manifest. */
  static Path write(Path jar) throws IOException {
    Path classes = null;
    List<String> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath();
      if (Files.isRegularFile(path.resolve("dev/edgetpulint/cli/Main.class"))) {
        classes = path;
      } else if (Files.isRegularFile(path) && entry.endsWith(".jar")) {
        classPath.add(unsigned(path, jar.getParent()).toUri().toString());
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

  /**
   * {@code library}, or a copy without its signature when it is signed (lsp4j's jars are), in {@code
   * directory}/unsigned: as in the shaded jar, whose signatures the shade plugin drops. A class from a
   * signed jar is never archived, and a dynamic archive dump of JDK 17.0.15 crashes on the lambdas of
   * such classes (ServerArchiveTraining's session, seen in LauncherArchiveTest).
   */
  private static Path unsigned(Path library, Path directory) throws IOException {
    try (JarFile in = new JarFile(library.toFile())) {
      if (in.stream().noneMatch(e -> isSignature(e.getName()))) {
        return library;
      }
      Path copy = Files.createDirectories(directory.resolve("unsigned")).resolve(library.getFileName());
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(copy))) {
        for (JarEntry entry : java.util.Collections.list(in.entries())) {
          if (isSignature(entry.getName())) {
            continue;
          }
          out.putNextEntry(new JarEntry(entry.getName()));
          try (InputStream data = in.getInputStream(entry)) {
            data.transferTo(out);
          }
          out.closeEntry();
        }
      }
      return copy;
    }
  }

  private static boolean isSignature(String name) {
    return name.startsWith("META-INF/") && name.indexOf('/', "META-INF/".length()) < 0
        && (name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".DSA") || name.endsWith(".EC"));
  }
}
