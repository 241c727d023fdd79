package dev.edgetpulint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

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

  private static Rule withoutExamples(Rule r) {
    return new Rule(r.id(), r.title(), r.scope(), r.ops(), r.excludeOps(), r.runtimes(), r.compilers(), r.forEach(),
        r.let(), r.when(), r.severity(), r.message(), r.compilerStatus(), r.why(), r.fix(), r.help(), r.evidence(),
        r.suppresses(), List.of(), r.file(), r.line(), r.positions());
  }
}
