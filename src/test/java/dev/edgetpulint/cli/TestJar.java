package dev.edgetpulint.cli;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A jar for launcher tests, which run bin/edgetpu-lint as users do: the shaded jar is not built yet
 * during the test phase. Like the shaded jar it holds everything: the main classes and the classes of
 * every runtime dependency (target/runtime-classpath.txt, written by the build), service files merged,
 * signatures left out. A jar that named its dependencies in its manifest would not do: bin/edgetpu-lint
 * puts the jar on the boot class path, which reads no manifest (docs/performance.md, C20).
 */
final class TestJar {
  private static final Path RUNTIME_CLASS_PATH = Path.of("target/runtime-classpath.txt");
  private static byte[] bytes;

  private TestJar() {}

  /** Writes the jar to {@code jar} (built once per test run). */
  static synchronized Path write(Path jar) throws IOException {
    if (bytes == null) {
      bytes = build();
    }
    Files.write(jar, bytes);
    return jar;
  }

  private static byte[] build() throws IOException {
    Path classes = null;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath();
      if (Files.isRegularFile(path.resolve("dev/edgetpulint/cli/Main.class"))) {
        classes = path;
      }
    }
    Assumptions.assumeTrue(classes != null, "the main classes are a directory on the class path");
    Assumptions.assumeTrue(Files.isRegularFile(RUNTIME_CLASS_PATH),
        RUNTIME_CLASS_PATH + " is written by `mvn` (dependency:build-classpath)");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    Set<String> written = new HashSet<>();
    Map<String, ByteArrayOutputStream> services = new LinkedHashMap<>();
    ByteArrayOutputStream jar = new ByteArrayOutputStream();
    try (JarOutputStream out = new JarOutputStream(jar, manifest)) {
      written.add(JarFile.MANIFEST_NAME);
      Path root = classes;
      try (Stream<Path> files = Files.walk(root)) {
        for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
          String name = root.relativize(path).toString().replace(File.separatorChar, '/');
          try (InputStream data = Files.newInputStream(path)) {
            add(out, name, data, written, services);
          }
        }
      }
      for (Path library : runtimeLibraries()) {
        try (JarFile in = new JarFile(library.toFile())) {
          for (JarEntry entry : java.util.Collections.list(in.entries())) {
            if (!entry.isDirectory()) {
              try (InputStream data = in.getInputStream(entry)) {
                add(out, entry.getName(), data, written, services);
              }
            }
          }
        }
      }
      for (Map.Entry<String, ByteArrayOutputStream> service : services.entrySet()) {
        out.putNextEntry(new JarEntry(service.getKey()));
        service.getValue().writeTo(out);
        out.closeEntry();
      }
    }
    return jar.toByteArray();
  }

  /** As the shade plugin: service files merged, signatures and module descriptors left out, the first of a name kept. */
  private static void add(JarOutputStream out, String name, InputStream data, Set<String> written,
      Map<String, ByteArrayOutputStream> services) throws IOException {
    if (name.startsWith("META-INF/services/")) {
      ByteArrayOutputStream merged = services.computeIfAbsent(name, n -> new ByteArrayOutputStream());
      data.transferTo(merged);
      merged.write('\n');
      return;
    }
    if (isSignature(name) || name.endsWith("module-info.class") || !written.add(name)) {
      return;
    }
    out.putNextEntry(new JarEntry(name));
    data.transferTo(out);
    out.closeEntry();
  }

  private static List<Path> runtimeLibraries() throws IOException {
    List<Path> libraries = new ArrayList<>();
    for (String entry : Files.readString(RUNTIME_CLASS_PATH, StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        libraries.add(Path.of(entry));
      }
    }
    return libraries;
  }

  private static boolean isSignature(String name) {
    return name.startsWith("META-INF/") && name.indexOf('/', "META-INF/".length()) < 0
        && (name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".DSA") || name.endsWith(".EC"));
  }
}
