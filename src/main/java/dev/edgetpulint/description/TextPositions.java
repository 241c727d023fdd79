package dev.edgetpulint.description;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;

/**
 * Line and column of a SnakeYAML mark as an editor counts them: lines broken at CR, LF and CRLF only, and
 * columns in UTF-16 code units (as Java strings, editors and the Language Server Protocol count them).
 * SnakeYAML counts otherwise in two cases. It follows YAML 1.1 and also breaks lines at U+0085, U+2028
 * and U+2029, so its line numbers run ahead of the editor's after one. Its columns count code points,
 * which differ from UTF-16 units after a character outside the Basic Multilingual Plane (an emoji). A
 * text with either is positioned from the mark's offset instead. For every other text, SnakeYAML's own
 * line and column are the editor's and are used as they are.
 */
final class TextPositions {
  /** The positions of a text without U+0085, U+2028, U+2029 or a surrogate pair: SnakeYAML's own. */
  static final TextPositions PLAIN = new TextPositions(null, null, 0);

  /** Where each line starts (a char offset); null for a plain text. */
  private final int[] lineStarts;
  /**
   * The code-point index of each character written as a surrogate pair, ascending: a code-point index
   * is a char offset plus the pairs before it. Worked out once, since a document asks for thousands of
   * positions.
   */
  private final int[] pairs;
  private final int codePoints;

  private TextPositions(int[] lineStarts, int[] pairs, int codePoints) {
    this.lineStarts = lineStarts;
    this.pairs = pairs;
    this.codePoints = codePoints;
  }

  static TextPositions of(String text) {
    if (isPlain(text)) {
      return PLAIN;
    }
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    List<Integer> pairs = new ArrayList<>();
    int codePoint = 0;
    for (int i = 0; i < text.length(); i++, codePoint++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        pairs.add(codePoint);
        i++;
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i++;
        starts.add(i + 1);
      } else if (c == '\n' || c == '\r') {
        starts.add(i + 1);
      }
    }
    return new TextPositions(toArray(starts), toArray(pairs), codePoint);
  }

  private static int[] toArray(List<Integer> values) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  /** Whether SnakeYAML's lines and columns are the editor's in {@code text}. */
  private static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\u0085' && (c == '\u0085' || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c))) {
        return false;
      }
    }
    return true;
  }

  /** The 1-based line of {@code mark}. */
  int line(Mark mark) {
    return lineStarts == null ? mark.getLine() + 1 : lineOf(offset(mark)) + 1;
  }

  /** The 1-based column of {@code mark}, in UTF-16 code units. */
  int column(Mark mark) {
    if (lineStarts == null) {
      return mark.getColumn() + 1;
    }
    int offset = offset(mark);
    return offset - lineStarts[lineOf(offset)] + 1;
  }

  /** The mark's char offset in the text (SnakeYAML's index counts code points). */
  private int offset(Mark mark) {
    int index = Math.min(Math.max(0, mark.getIndex()), codePoints);
    return index + countAtOrBelow(pairs, index - 1);
  }

  /** The 0-based line holding char offset {@code offset}. */
  private int lineOf(int offset) {
    return countAtOrBelow(lineStarts, offset) - 1;
  }

  /** How many of the ascending {@code values} are at most {@code limit}. */
  private static int countAtOrBelow(int[] values, int limit) {
    int low = 0;
    int high = values.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (values[mid] <= limit) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
