package dev.edgetpulint.description;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * An editor's successive versions read by one {@link DescriptionParser} (reusing the previous YAML tree
 * where one line changed) give exactly what a fresh {@link DescriptionReader#parse} gives: the same model
 * and spans, or the same problems at the same positions.
 */
class DescriptionParserTest {
  private static final String EXAMPLE = DescriptionReaderTest.EXAMPLE;

  /** The model as text with every span, or every problem with its range. */
  private static String outcome(java.util.function.Supplier<Model> parse) {
    try {
      Model model = parse.get();
      StringBuilder out = new StringBuilder(DescriptionWriter.write(model));
      for (Map.Entry<String, Span> e : new TreeMap<>(model.spans()).entrySet()) {
        Span s = e.getValue();
        out.append(e.getKey()).append(' ').append(s.startLine()).append(':').append(s.startColumn()).append('-')
            .append(s.endLine()).append(':').append(s.endColumn()).append('\n');
      }
      return out.toString();
    } catch (DescriptionException e) {
      StringBuilder out = new StringBuilder("problems\n");
      for (DescriptionProblem p : e.problems()) {
        out.append(p).append('\n');
      }
      return out.toString();
    }
  }

  @Test
  void everyOneLineEditReadsAsAFreshParseWould() {
    int reused = 0;
    List<String> differences = new ArrayList<>();
    DescriptionParser editor = new DescriptionParser();
    for (String[] variant : DescriptionProblemsApprovalTest.variants()) {
      for (String base : List.of(EXAMPLE, EXAMPLE.replace("\n", "\r\n"))) {
        String text = base.contains("\r\n") ? variant[1].replace("\n", "\r\n") : variant[1];
        DescriptionParser parser = new DescriptionParser();
        parser.parse(base, "m.yaml");
        String incremental = outcome(() -> parser.parse(text, "m.yaml"));
        reused += parser.lastReused() ? 1 : 0;
        String fresh = outcome(() -> DescriptionReader.parse(text, "m.yaml"));
        if (!fresh.equals(incremental)) {
          differences.add(variant[0] + (base == EXAMPLE ? "" : " (CRLF)") + ":\n" + fresh + "---\n" + incremental);
        }
        // One parser through all the versions, as an editor sends them.
        String chained = outcome(() -> editor.parse(text, "m.yaml"));
        if (!fresh.equals(chained)) {
          differences.add(variant[0] + " (after the previous variant):\n" + fresh + "---\n" + chained);
        }
      }
    }
    assertEquals(List.of(), differences);
    assertTrue(reused > 300, "reused the previous tree " + reused + " times");
  }

  @Test
  void aChangedOperatorLineReusesTheTreeAndMovesNothingElse() {
    DescriptionParser parser = new DescriptionParser();
    parser.parse(EXAMPLE, "m.yaml");
    String edited = EXAMPLE.replace("dilation_w_factor: 2", "dilation_w_factor: 1");
    Model model = parser.parse(edited, "m.yaml");
    assertTrue(parser.lastReused());
    assertEquals(1, model.mainSubgraph().operators().get(0).option("dilation_w_factor"));
    assertEquals(outcome(() -> DescriptionReader.parse(edited, "m.yaml")), outcome(() -> model));
  }

  @Test
  void otherEditsTakeTheFullParse() {
    DescriptionParser parser = new DescriptionParser();
    parser.parse(EXAMPLE, "m.yaml");
    parser.parse(EXAMPLE.replace("name: main", "name: other"), "m.yaml");
    assertFalse(parser.lastReused(), "a block mapping line");
    parser.parse(EXAMPLE + "# a comment\n", "m.yaml");
    assertFalse(parser.lastReused(), "a line added");
    parser.parse(EXAMPLE.replace("{name: post", "{name: &a post"), "m.yaml");
    assertFalse(parser.lastReused(), "an anchor");
  }

  @Test
  void aSyntaxErrorKeepsTheLastGoodTreeForTheNextVersion() {
    DescriptionParser parser = new DescriptionParser();
    parser.parse(EXAMPLE, "m.yaml");
    String broken = EXAMPLE.replace("{name: post, type: FLOAT32, shape: [1, 10]}", "{name: post, type: FLOAT32, shape: [1, 10]");
    assertEquals(outcome(() -> DescriptionReader.parse(broken, "m.yaml")), outcome(() -> parser.parse(broken, "m.yaml")));
    String fixed = EXAMPLE.replace("shape: [1, 10]", "shape: [1, 12]");
    assertEquals(outcome(() -> DescriptionReader.parse(fixed, "m.yaml")), outcome(() -> parser.parse(fixed, "m.yaml")));
    assertTrue(parser.lastReused());
  }
}
