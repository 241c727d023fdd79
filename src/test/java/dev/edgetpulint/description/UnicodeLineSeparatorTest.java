package dev.edgetpulint.description;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * YAML counts U+0085, U+2028 and U+2029 as line breaks; editors and the Language Server Protocol do not.
 * Positions in a description that holds one are the editor's lines (the line table's). Columns count
 * UTF-16 code units, as editors do, also after a character outside the Basic Multilingual Plane.
 */
class UnicodeLineSeparatorTest {
  private static final String TENSORS = """
      format: edgetpu-lint/description/v1
      description: "a separator here:%s and 😀, a character outside the BMP"
      subgraphs:
        - inputs: [x]
          outputs: [y]
          tensors:
            - {name: x, type: INT8, shape: [1, 4]}
            - {name: y, type: INT8, shape: [1, 4], colour: red}
          operators:
            - {op: RELU, inputs: [x], outputs: [y]}
      """;

  private static DescriptionProblem onlyProblem(String text) {
    DescriptionException e = assertThrows(DescriptionException.class, () -> DescriptionReader.parse(text, "m.yaml"));
    List<DescriptionProblem> problems = e.problems();
    assertEquals(1, problems.size(), problems.toString());
    return problems.get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u2028", "\u2029", "\u0085", ""})
  void aSchemaProblemIsOnTheEditorsLine(String separator) {
    DescriptionProblem p = onlyProblem(TENSORS.formatted(separator));
    assertEquals(8, p.line(), p.toString());
    assertEquals(9, p.column(), p.toString());
    assertEquals(8, p.endLine(), p.toString());
    assertEquals("    - {name: y, type: INT8, shape: [1, 4], colour: red}".length() + 3, p.endColumn(), p.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u2028", ""})
  void aSyntaxErrorAndADuplicateKeyAreOnTheEditorsLine(String separator) {
    String syntax = "format: edgetpu-lint/description/v1\ndescription: \"x" + separator + "😀 y\"\nsubgraphs: [\n";
    assertEquals(4, onlyProblem(syntax).line());
    String duplicate = "format: edgetpu-lint/description/v1\ndescription: \"x" + separator + "y\"\nformat: again\nsubgraphs: []\n";
    DescriptionProblem p = onlyProblem(duplicate);
    assertEquals("duplicate key 'format'", p.message());
    assertEquals(3, p.line(), p.toString());
    assertEquals(1, p.column(), p.toString());
  }

  @Test
  void anEmojiAcrossTheYamlReadersBufferIsRead() {
    // SnakeYAML 2.3 threw IndexOutOfBoundsException when a surrogate pair straddled its 1024-char buffer.
    String head = "format: edgetpu-lint/description/v1\n# ";
    String text = head + "x".repeat(1023 - head.length()) + "😀\nsubgraphs: []\n";
    assertEquals(Character.MIN_HIGH_SURROGATE, (char) (text.charAt(1023) & 0xFC00));
    assertEquals(0, DescriptionReader.parse(text, "m.yaml").subgraphs().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u2028", ""})
  void columnsCountUtf16UnitsAfterACharacterOutsideTheBmp(String separator) {
    // In a double-quoted scalar the separator is folded like any line break; the duplicate is the second 😀.
    String text = "format: edgetpu-lint/description/v1\nsubgraphs: []\nx: {note: \"a" + separator + "b\", 😀: 1, 😀: 2}\n";
    DescriptionException e = assertThrows(DescriptionException.class, () -> DescriptionReader.parse(text, "m.yaml"));
    DescriptionProblem p = e.problems().stream().filter(q -> q.message().equals("duplicate key '😀'")).findFirst()
        .orElseThrow(() -> new AssertionError(e.problems().toString()));
    assertEquals(3, p.line(), p.toString());
    assertEquals(24 + separator.length(), p.column(), p.toString()); // 23 + separator in code points
  }
}
