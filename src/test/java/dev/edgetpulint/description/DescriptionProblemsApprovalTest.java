package dev.edgetpulint.description;

import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;

/**
 * Every problem message and its line:column range, for about a thousand broken variants of a
 * description (each scalar or key of the example replaced by a value of another kind, lines removed or
 * doubled, CRLF endings, the fuzz seeds), plus the spans of the valid example. The approved file pins
 * what the reader says, so that making the parse faster (positions looked up on demand, schema checks)
 * cannot change a single message or position.
 */
class DescriptionProblemsApprovalTest {
  private static final String EXAMPLE = DescriptionReaderTest.EXAMPLE;
  private static final List<String> REPLACEMENTS = List.of("null", "-3", "1.5", "[1]", "{a/b~: 1}", "\"\"");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:\\-]+");

  @Test
  void problems() {
    Approvals.verify(render());
  }

  static String render() {
    StringBuilder out = new StringBuilder();
    out.append("## the example's spans\n");
    Model model = DescriptionReader.parse(EXAMPLE, "m.yaml");
    for (Map.Entry<String, Span> e : new TreeMap<>(model.spans()).entrySet()) {
      Span s = e.getValue();
      out.append(e.getKey()).append(' ').append(s.startLine()).append(':').append(s.startColumn()).append('-')
          .append(s.endLine()).append(':').append(s.endColumn()).append('\n');
    }
    for (String[] variant : variants()) {
      case_(out, variant[0], variant[1]);
    }
    return out.toString();
  }

  /** The broken (and a few valid) variants: {name, text}, in a fixed order. */
  static List<String[]> variants() {
    List<String[]> out = new ArrayList<>();
    String[] lines = EXAMPLE.split("\n", -1);
    for (int l = 0; l < lines.length; l++) {
      Matcher m = TOKEN.matcher(lines[l]);
      while (m.find()) {
        for (String replacement : REPLACEMENTS) {
          String line = lines[l].substring(0, m.start()) + replacement + lines[l].substring(m.end());
          out.add(new String[] {"line " + (l + 1) + " '" + m.group() + "' -> " + replacement, with(lines, l, line)});
        }
      }
      out.add(new String[] {"line " + (l + 1) + " removed", with(lines, l, null)});
      out.add(new String[] {"line " + (l + 1) + " doubled", with(lines, l, lines[l] + "\n" + lines[l])});
    }
    out.add(new String[] {"CRLF line endings, a misspelled key", EXAMPLE.replace("\n", "\r\n").replace("shape: [2]", "shap: [2]")});
    out.add(new String[] {"CR line endings, a duplicate tensor", EXAMPLE.replace("\n", "\r").replace("name: bias", "name: filter")});
    out.add(new String[] {"an unknown top-level key with a slash", EXAMPLE + "a/b~c: 1\n"});
    out.add(new String[] {"a duplicate top-level key", EXAMPLE + "format: x\n"});
    out.add(new String[] {"an alias for the tensors", EXAMPLE.replace("tensors:", "tensors: &t").replace("operators:", "extra: *t\n    operators:")});
    out.add(new String[] {"edgetpu_packages of the wrong kinds", EXAMPLE + "edgetpu_packages:\n  - {subgraph: -1, operator: x, extra: 1}\n  - 3\n"});
    out.add(new String[] {"metadata and signatures of the wrong kinds", EXAMPLE + "metadata: [1, [2]]\nsignatures: x\n"});
    for (Path seed : seeds()) {
      try {
        out.add(new String[] {"fuzz seed " + seed.getFileName(), new String(Files.readAllBytes(seed), StandardCharsets.UTF_8)});
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static String with(String[] lines, int index, String replacement) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = i == index ? replacement : lines[i];
      if (line != null) {
        text.append(line).append(i + 1 < lines.length ? "\n" : "");
      }
    }
    return text.toString();
  }

  private static void case_(StringBuilder out, String name, String text) {
    out.append("## ").append(name).append('\n');
    try {
      DescriptionReader.parse(text, "m.yaml");
      out.append("valid\n");
    } catch (DescriptionException e) {
      for (DescriptionProblem p : e.problems()) {
        out.append(p.line()).append(':').append(p.column()).append('-').append(p.endLine()).append(':')
            .append(p.endColumn()).append(' ').append(p.message().replace("\n", "\\n")).append('\n');
      }
    } catch (RuntimeException e) {
      out.append("refused: ").append(e.getClass().getSimpleName()).append(": ").append(e.getMessage()).append('\n');
    }
  }

  private static List<Path> seeds() {
    Path dir = Path.of("src/test/resources/dev/edgetpulint/fuzz/DescriptionReaderFuzzTestInputs/parse");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
