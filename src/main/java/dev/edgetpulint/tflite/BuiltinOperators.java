package dev.edgetpulint.tflite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of TFLite builtin operator codes, from {@code builtin-operators.tsv} (generated from the
 * schema's BuiltinOperator enum by {@code tools/gen_tflite_schema_tables.py}). Codes this table does
 * not know (newer schemas) are named "BUILTIN_&lt;code&gt;" and never cause a failure.
 */
public final class BuiltinOperators {
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
    try (InputStream stream = BuiltinOperators.class.getResourceAsStream("builtin-operators.tsv")) {
      if (stream == null) {
        throw new IllegalStateException("builtin-operators.tsv missing from the class path");
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
      List<String> names = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t");
        int code = Integer.parseInt(c[0]);
        while (names.size() <= code) {
          names.add(null);
        }
        names.set(code, c[1]);
      }
      return names.toArray(new String[0]);
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
