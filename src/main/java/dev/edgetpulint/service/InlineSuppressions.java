package dev.edgetpulint.service;

import dev.edgetpulint.graph.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suppressions written as comments in a description file, like ruff's {@code # noqa}:
 * <pre>
 *   - {op: LEAKY_RELU, ...}  # edgetpu-lint: ignore[EDGETPU-OP-UNSUPPORTED] runs on the CPU by design
 *   # edgetpu-lint: ignore[EDGETPU-OP-UNSUPPORTED, EDGETPU-PARTITION-COLLATERAL] on the line above works too
 *   # edgetpu-lint: ignore-file[EDGETPU-QUANTIZATION-STAGE] a float reference model
 * </pre>
 * A comment applies to the element whose lines it stands on, or to the element starting on the next
 * line; {@code ignore-file} applies to the whole file. The reason after the bracket is required: a
 * comment without one is not a suppression.
 */
public final class InlineSuppressions {
  private static final Pattern COMMENT = Pattern.compile(
      "#\\s*edgetpu-lint:\\s*ignore(-file)?\\[([A-Za-z0-9_,\\s-]+)]\\s*(\\S.*?)?\\s*$");

  /** One comment. {@code line} is 1-based. */
  public record Entry(int line, boolean wholeFile, List<String> rules, String reason) {
    public Entry {
      rules = List.copyOf(rules);
    }

    /** Whether this comment silences {@code ruleId} at {@code span} (null: a model-level finding). */
    boolean covers(String ruleId, Span span) {
      if (!rules.contains(ruleId)) {
        return false;
      }
      if (wholeFile) {
        return true;
      }
      if (span == null || !span.hasLines()) {
        return false;
      }
      int end = Math.max(span.startLine(), span.endLine());
      return (line >= span.startLine() && line <= end) || line == span.startLine() - 1;
    }
  }

  private InlineSuppressions() {}

  public static List<Entry> parse(String text) {
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int hash = lines[i].indexOf('#');
      if (hash < 0 || !lines[i].contains("edgetpu-lint:")) {
        continue;
      }
      Matcher m = COMMENT.matcher(lines[i].substring(hash));
      if (m.find() && m.group(3) != null) {
        List<String> rules = Arrays.stream(m.group(2).split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        entries.add(new Entry(i + 1, m.group(1) != null, rules, m.group(3)));
      }
    }
    return entries;
  }
}
