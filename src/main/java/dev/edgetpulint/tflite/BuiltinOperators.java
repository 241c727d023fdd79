package dev.edgetpulint.tflite;

import dev.edgetpulint.util.PackagedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Names of TFLite builtin operator codes, from {@code builtin-operators.tsv} (generated from the
 * schema's BuiltinOperator enum by {@code tools/gen_tflite_schema_tables.py}). Codes this table does
 * not know (newer schemas) are named "BUILTIN_&lt;code&gt;" and never cause a failure.
 */
public final class BuiltinOperators {
  private static final String RESOURCE = "dev/edgetpulint/tflite/builtin-operators.tsv";

  // Index = builtin code, as in the BuiltinOperator enum of the TFLite schema.
  private static final String[] NAMES = load();

  private static final Map<String, Integer> CODES = new HashMap<>();

  static {
    for (int code = 0; code < NAMES.length; code++) {
      if (NAMES[code] != null) {
        CODES.put(NAMES[code], code);
      }
    }
  }

  private BuiltinOperators() {}

  private static String[] load() {
    try {
      byte[] table = PackagedFiles.require(RESOURCE);
      // One read and index arithmetic rather than a reader and a split per line: it runs at every start.
      String text = new String(table, StandardCharsets.UTF_8);
      String[] names = new String[256];
      int count = 0;
      int at = 0;
      while (at < text.length()) {
        int eol = text.indexOf('\n', at);
        int end = eol < 0 ? text.length() : eol;
        int tab = text.indexOf('\t', at);
        if (end > at && text.charAt(at) != '#' && tab > at && tab < end) {
          int code = Integer.parseInt(text, at, tab, 10);
          int nameEnd = text.indexOf('\t', tab + 1);
          String name = text.substring(tab + 1, nameEnd < 0 || nameEnd > end ? end : nameEnd).strip();
          if (code >= names.length) {
            names = Arrays.copyOf(names, Math.max(code + 1, names.length * 2));
          }
          names[code] = name;
          count = Math.max(count, code + 1);
        }
        at = end + 1;
      }
      return Arrays.copyOf(names, count);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Highest code this table names. */
  public static int maxKnownCode() {
    return NAMES.length - 1;
  }

  public static String nameOf(int code) {
    return code >= 0 && code < NAMES.length && NAMES[code] != null ? NAMES[code] : "BUILTIN_" + code;
  }

  /** The code of a builtin name, including "BUILTIN_&lt;code&gt;" names; -1 if unknown. */
  public static int codeOf(String name) {
    Integer code = CODES.get(name);
    if (code != null) {
      return code;
    }
    if (name.startsWith("BUILTIN_")) {
      try {
        return Integer.parseInt(name.substring("BUILTIN_".length()));
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }
}
