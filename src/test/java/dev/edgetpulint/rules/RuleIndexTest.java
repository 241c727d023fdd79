package dev.edgetpulint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.util.JarDirectory;
import dev.edgetpulint.util.TestZips;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build-time index must describe exactly what the YAML says, and be ignored once the YAML changes. */
class RuleIndexTest {
  @Test
  void indexMatchesTheYaml() {
    Map<String, String> files = RuleSet.builtInFiles();
    List<Rule> fromIndex = RuleIndex.read(files).orElseThrow(() -> new AssertionError(
        "no usable " + RuleIndex.RESOURCE + " on the class path; the build (process-classes) writes it"));
    List<Rule> fromYaml = RuleSet.parseAll(files, false, false);
    assertEquals(fromYaml.size(), fromIndex.size());
    for (int i = 0; i < fromYaml.size(); i++) {
      Rule y = fromYaml.get(i);
      Rule x = fromIndex.get(i);
      assertEquals(withoutExamples(y), withoutExamples(x), y.id());
      assertEquals(y.examples(), x.examples(), y.id() + " examples, read lazily from the YAML");
    }
  }

  @Test
  void staleIndexIsIgnored() {
    Map<String, String> files = new TreeMap<>(RuleSet.builtInFiles());
    String first = files.keySet().iterator().next();
    files.put(first, files.get(first) + "\n# edited after the build\n");
    assertTrue(RuleIndex.read(files).isEmpty());
    files.remove(first);
    assertTrue(RuleIndex.read(files).isEmpty());
  }

  @Test
  void aTruncatedIndexIsIgnored() throws Exception {
    byte[] index;
    try (java.io.InputStream in = RuleIndex.class.getClassLoader().getResourceAsStream(RuleIndex.RESOURCE)) {
      index = in.readAllBytes();
    }
    Map<String, String> files = RuleSet.builtInFiles();
    Map<String, String> sums = new TreeMap<>();
    files.forEach((name, text) -> sums.put(name, RuleIndex.checksum(text)));
    assertEquals(RuleIndex.read(sums, files::get).orElseThrow().size(),
        RuleIndex.read(index, indexed -> sums, files::get).orElseThrow().size());
    for (int length : new int[] {0, 3, 8, 40, index.length / 2, index.length - 1}) {
      byte[] truncated = java.util.Arrays.copyOf(index, length);
      assertTrue(RuleIndex.read(truncated, indexed -> sums, files::get).isEmpty(), "length " + length);
    }
  }

  @Test
  void indexIsReadWithoutReadingTheYamlUntilExamplesAreAskedFor() {
    Map<String, String> files = RuleSet.builtInFiles();
    Map<String, String> sums = new TreeMap<>();
    files.forEach((name, text) -> sums.put(name, RuleIndex.checksum(text)));
    List<String> read = new ArrayList<>();
    List<Rule> rules = RuleIndex.read(sums, name -> {
      read.add(name);
      return files.get(name);
    }).orElseThrow();
    assertEquals(List.of(), read);
    Rule first = rules.get(0);
    assertEquals(RuleSet.parseAll(Map.of(first.file(), files.get(first.file())), false, false).get(0).examples(),
        first.examples());
    assertEquals(List.of(first.file()), read);
  }

  @Test
  void checksumsFromAJarDirectoryMatchTheTexts(@TempDir Path dir) throws Exception {
    String deflated = "rules:\n  - id: A # \u00e9\n";
    String stored = "rules: []\n";
    Path jar = dir.resolve("lint.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      put(out, "rules/a.yaml", deflated, false);
      put(out, "rules/b.yaml", stored, true);
      put(out, "rules/sub/c.yaml", stored, false);
      put(out, "rules/readme.txt", stored, false);
      put(out, "other/d.yaml", stored, false);
    }
    assertEquals(Map.of("rules/a.yaml", RuleIndex.checksum(deflated), "rules/b.yaml", RuleIndex.checksum(stored)),
        jarChecksums(jar, List.of("rules/a.yaml", "rules/b.yaml", "rules/sub/c.yaml", "rules/readme.txt",
            "other/d.yaml", "rules/missing.yaml")));
  }

  @Test
  void builtInChecksumsDescribeThePackagedTexts() throws Exception {
    Map<String, String> expected = new TreeMap<>();
    RuleSet.builtInFiles().forEach((name, text) -> expected.put(name, RuleIndex.checksum(text)));
    assertEquals(expected, RuleSet.builtInChecksums(List.copyOf(expected.keySet())));
  }

  @Test
  void aJarWithThePackagedRuleFilesUsesTheIndexAndAChangedOneDoesNot(@TempDir Path dir) throws Exception {
    Map<String, String> files = RuleSet.builtInFiles();
    Path jar = dir.resolve("lint.jar");
    Path changed = dir.resolve("changed.jar");
    String first = files.keySet().iterator().next();
    try (JarOutputStream same = new JarOutputStream(Files.newOutputStream(jar));
        JarOutputStream other = new JarOutputStream(Files.newOutputStream(changed))) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        put(same, f.getKey(), f.getValue(), false);
        put(other, f.getKey(), f.getKey().equals(first) ? f.getValue() + "\n" : f.getValue(), true);
      }
    }
    assertTrue(RuleIndex.read(indexed -> jarChecksums(jar, indexed), files::get).isPresent());
    assertTrue(RuleIndex.read(indexed -> jarChecksums(changed, indexed), files::get).isEmpty());
  }

  private static Map<String, String> jarChecksums(Path jar, List<String> names) throws IOException {
    try (JarDirectory directory = JarDirectory.open(jar).orElseThrow()) {
      return RuleSet.jarChecksums(directory, names);
    }
  }

  private static void put(JarOutputStream out, String name, String text, boolean stored) throws Exception {
    TestZips.put(out, name, text.getBytes(StandardCharsets.UTF_8), stored);
  }

  private static Rule withoutExamples(Rule r) {
    return new Rule(r.id(), r.title(), r.scope(), r.ops(), r.excludeOps(), r.runtimes(), r.compilers(), r.forEach(),
        r.let(), r.when(), r.severity(), r.message(), r.compilerStatus(), r.why(), r.fix(), r.help(), r.evidence(),
        r.suppresses(), List.of(), r.file(), r.line(), r.positions());
  }
}
