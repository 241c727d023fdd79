package dev.edgetpulint.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagedFilesTest {
  private static final String OPERATORS = "dev/edgetpulint/tflite/builtin-operators.tsv";
  private static final ClassLoader LOADER = PackagedFilesTest.class.getClassLoader();

  @Test
  void aPackagedFileHasTheBytesTheClassLoaderFinds() throws Exception {
    try (InputStream in = LOADER.getResourceAsStream(OPERATORS)) {
      assertArrayEquals(in.readAllBytes(), PackagedFiles.require(OPERATORS));
    }
  }

  @Test
  void aMissingFileIsEmptyOrABrokenBuild() throws Exception {
    assertEquals(Optional.empty(), PackagedFiles.read("dev/edgetpulint/no-such-file.tsv"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PackagedFiles.require("dev/edgetpulint/no-such-file.tsv"));
    assertTrue(e.getMessage().contains("dev/edgetpulint/no-such-file.tsv"), e.getMessage());
  }

  @Test
  void theJarIsReadFirstAndTheClassLoaderForWhatItLacks(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("lint.jar");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new ZipEntry(OPERATORS));
      out.write("0\tFROM_THE_JAR\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    try (JarDirectory zip = JarDirectory.open(jar).orElseThrow()) {
      assertEquals("0\tFROM_THE_JAR\n",
          new String(PackagedFiles.read(zip, LOADER, OPERATORS).orElseThrow(), StandardCharsets.UTF_8));
      String schema = "dev/edgetpulint/tflite/builtin-options.tsv";
      try (InputStream in = LOADER.getResourceAsStream(schema)) {
        assertArrayEquals(in.readAllBytes(), PackagedFiles.read(zip, LOADER, schema).orElseThrow());
      }
      assertEquals(Optional.empty(), PackagedFiles.read(zip, LOADER, "dev/edgetpulint/no-such-file.tsv"));
    }
  }

  @Test
  void theTestsRunFromADirectoryOfClasses() {
    // What the other tests here rely on: no jar is opened, the class loader is asked.
    assertTrue(Files.isDirectory(PackagedFiles.codeLocation()), PackagedFiles.codeLocation().toString());
    assertEquals(Optional.empty(), PackagedFiles.jar());
  }

  @Test
  void onTheBootClassPathTheJarIsFoundFromTheUrlOfAClassFile(@TempDir Path dir) throws Exception {
    // Classes on the boot class path have no code source (bin/edgetpu-lint, C20).
    String entry = "dev/edgetpulint/util/PackagedFiles.class";
    Path jar = dir.resolve("with space/edgetpu-lint.jar");
    assertEquals(jar, PackagedFiles.locationOf(new URL("jar:" + jar.toUri() + "!/" + entry)));
    Path classes = dir.resolve("classes");
    assertEquals(classes, PackagedFiles.locationOf(classes.resolve(entry).toUri().toURL()));
    assertThrows(IllegalArgumentException.class,
        () -> PackagedFiles.locationOf(new URL("jar:" + jar.toUri() + "!/dev/edgetpulint/Other.class")));
  }
}
