package dev.edgetpulint.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
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
