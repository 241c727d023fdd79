package dev.edgetpulint.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarDirectoryTest {
  private static final byte[] TEXT = "text that is long enough to deflate, deflate, deflate, deflate\n"
      .getBytes(StandardCharsets.UTF_8);

  @Test
  void everyJarOnTheClassPathHasTheFilesZipFileFindsButTheClasses() throws Exception {
    List<Path> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry))) {
        jars.add(Path.of(entry));
      }
    }
    assertTrue(jars.size() >= 5, "the dependencies' jars are on the test class path: " + jars);
    int files = 0;
    for (Path jar : jars) {
      try (ZipFile zip = new ZipFile(jar.toFile());
          JarDirectory directory = JarDirectory.open(jar).orElseThrow(() -> new AssertionError(jar + " not read"))) {
        TreeSet<String> expected = new TreeSet<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
          ZipEntry e = entries.nextElement();
          if (e.isDirectory() || e.getName().endsWith(".class")) {
            continue;
          }
          expected.add(e.getName());
          JarDirectory.Entry record = directory.entry(e.getName()).orElseThrow();
          assertEquals(e.getCrc(), record.crc(), jar + "!" + e.getName());
          assertEquals(e.getSize(), record.size(), jar + "!" + e.getName());
          try (InputStream in = zip.getInputStream(e)) {
            assertArrayEquals(in.readAllBytes(), directory.read(record), jar + "!" + e.getName());
          }
          files++;
        }
        assertEquals(expected, new TreeSet<>(directory.names()), jar.toString());
      }
    }
    assertTrue(files > 100, "files compared: " + files);
  }

  @Test
  void storedAndDeflatedFilesAreReadAndClassesAndFoldersLeftOut(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("lint.jar");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new ZipEntry("rules/"));
      out.closeEntry();
      TestZips.put(out, "rules/deflated.yaml", TEXT, false);
      TestZips.put(out, "rules/stored.yaml", TEXT, true);
      TestZips.put(out, "rules/Rule.class", TEXT, false);
      TestZips.put(out, "empty.txt", new byte[0], true);
      TestZips.put(out, "naïve.txt", TEXT, false);
      out.setComment("an archive comment moves the end record");
    }
    try (JarDirectory directory = JarDirectory.open(jar).orElseThrow()) {
      assertEquals(new TreeSet<>(List.of("empty.txt", "naïve.txt", "rules/deflated.yaml", "rules/stored.yaml")),
          new TreeSet<>(directory.names()));
      assertArrayEquals(TEXT, directory.read("rules/deflated.yaml").orElseThrow());
      assertArrayEquals(TEXT, directory.read("rules/stored.yaml").orElseThrow());
      assertArrayEquals(TEXT, directory.read("naïve.txt").orElseThrow());
      assertArrayEquals(new byte[0], directory.read("empty.txt").orElseThrow());
      assertEquals(Optional.empty(), directory.read("rules/Rule.class"));
      assertEquals(Optional.empty(), directory.entry("rules/"));
      assertEquals(Optional.empty(), directory.read("rules/missing.yaml"));
      CRC32 crc = new CRC32();
      crc.update(TEXT);
      JarDirectory.Entry stored = directory.entry("rules/stored.yaml").orElseThrow();
      assertEquals(crc.getValue(), stored.crc());
      assertEquals(TEXT.length, stored.size());
      assertEquals(TEXT.length, stored.compressedSize());
      assertTrue(directory.entry("rules/deflated.yaml").orElseThrow().compressedSize() < TEXT.length);
    }
  }

  @Test
  void aFileThatIsNoZipOrNotOneThisReadsIsEmpty(@TempDir Path dir) throws Exception {
    Path text = Files.writeString(dir.resolve("not.jar"), "PK but not a zip archive");
    assertEquals(Optional.empty(), JarDirectory.open(text));
    assertEquals(Optional.empty(), JarDirectory.open(Files.write(dir.resolve("empty.jar"), new byte[0])));

    byte[] zip = zipOf("a.txt", TEXT, false);
    byte[] zip64Count = zip.clone();
    int end = zip.length - 22; // no comment: the end record is the last 22 bytes
    zip64Count[end + 8] = (byte) 0xff;
    zip64Count[end + 9] = (byte) 0xff;
    zip64Count[end + 10] = (byte) 0xff;
    zip64Count[end + 11] = (byte) 0xff;
    assertEquals(Optional.empty(), JarDirectory.open(Files.write(dir.resolve("zip64.jar"), zip64Count)));

    byte[] truncated = Arrays.copyOfRange(zip, 0, zip.length - 30);
    assertEquals(Optional.empty(), JarDirectory.open(Files.write(dir.resolve("truncated.jar"), truncated)));
  }

  @Test
  void aDamagedFileIsAnErrorNamingTheJarAndTheFile(@TempDir Path dir) throws Exception {
    byte[] zip = zipOf("rules/ops.yaml", TEXT, true);
    int data = indexOf(zip, TEXT);
    zip[data + 3] ^= 1;
    Path jar = Files.write(dir.resolve("damaged.jar"), zip);
    try (JarDirectory directory = JarDirectory.open(jar).orElseThrow()) {
      ZipException e = assertThrows(ZipException.class, () -> directory.read("rules/ops.yaml"));
      assertEquals(jar + ": rules/ops.yaml does not match its recorded length and CRC-32", e.getMessage());
    }
  }

  private static byte[] zipOf(String name, byte[] bytes, boolean stored) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(buffer)) {
      TestZips.put(out, name, bytes, stored);
    }
    return buffer.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

}
