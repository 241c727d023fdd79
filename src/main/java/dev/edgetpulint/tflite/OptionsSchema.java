package dev.edgetpulint.tflite;

import dev.edgetpulint.graph.OptionValues;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The builtin option tables of the TFLite schema, as data: loaded from {@code builtin-options.tsv}
 * (generated from schema.fbs by {@code tools/gen_tflite_schema_tables.py}). The reader decodes and
 * the writer encodes options through the same tables.
 */
public final class OptionsSchema {
  public static final String OPTIONS_1 = "BuiltinOptions";
  public static final String OPTIONS_2 = "BuiltinOptions2";

  /** Longest vector option decoded; longer ones (never seen in real models) are left out. */
  static final int MAX_LIST = 4096;

  /**
   * One field of an options table.
   *
   * @param type a scalar (bool, byte, ubyte, short, ushort, int, uint, long, ulong, float, double),
   *     string, enum:&lt;scalar&gt;, or [&lt;type&gt;] for a vector
   */
  public record Field(int id, String name, String type, String defaultValue, Map<Integer, String> enumNames) {
    public boolean isVector() {
      return type.startsWith("[");
    }

    /** The scalar storage type, for enums their underlying type, for vectors the element's. */
    public String scalar() {
      String t = isVector() ? type.substring(1, type.length() - 1) : type;
      return t.startsWith("enum:") ? t.substring("enum:".length()) : t;
    }

    public boolean isEnum() {
      return type.contains("enum:");
    }
  }

  /** A member table of BuiltinOptions or BuiltinOptions2. */
  public record OptionsTable(String union, int index, String name, List<Field> fields) {
    public Field field(String fieldName) {
      for (Field f : fields) {
        if (f.name().equals(fieldName)) {
          return f;
        }
      }
      return null;
    }
  }

  private static volatile OptionsSchema instance;

  private final Map<String, OptionsTable> byName = new HashMap<>();
  // Members by discriminant, for the reader (which looks one up per operator).
  private final OptionsTable[] tables1;
  private final OptionsTable[] tables2;
  private final OptionsDecoder[] decoders1;
  private final OptionsDecoder[] decoders2;

  private OptionsSchema(BufferedReader in) throws IOException {
    Map<String, Map<Integer, OptionsTable>> byUnion = new HashMap<>();
    Map<String, List<Field>> fields = new LinkedHashMap<>();
    Map<String, String[]> heads = new LinkedHashMap<>();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      String key = c[0] + "\t" + c[1];
      List<Field> list = fields.get(key);
      if (list == null) {
        list = new ArrayList<>();
        fields.put(key, list);
        heads.put(key, c);
      }
      int id = Integer.parseInt(c[3]);
      if (id >= 0) {
        list.add(new Field(id, c[4], c[5], c[6], parseEnum(c.length > 7 ? c[7] : "")));
      }
    }
    for (Map.Entry<String, String[]> e : heads.entrySet()) {
      String[] c = e.getValue();
      OptionsTable table = new OptionsTable(c[0], Integer.parseInt(c[1]), c[2],
          List.copyOf(fields.get(e.getKey())));
      Map<Integer, OptionsTable> members = byUnion.get(table.union());
      if (members == null) {
        members = new HashMap<>();
        byUnion.put(table.union(), members);
      }
      members.put(table.index(), table);
      byName.put(table.name(), table);
    }
    tables1 = byIndex(byUnion.getOrDefault(OPTIONS_1, Map.of()));
    tables2 = byIndex(byUnion.getOrDefault(OPTIONS_2, Map.of()));
    decoders1 = new OptionsDecoder[tables1.length];
    decoders2 = new OptionsDecoder[tables2.length];
  }

  private static OptionsTable[] byIndex(Map<Integer, OptionsTable> tables) {
    // Loops, not a stream and lambdas: the table is loaded at every start (docs/performance.md, C12).
    int max = -1;
    for (int index : tables.keySet()) {
      max = Math.max(max, index);
    }
    OptionsTable[] out = new OptionsTable[max + 1];
    for (OptionsTable table : tables.values()) {
      if (table.index() >= 0) {
        out[table.index()] = table;
      }
    }
    return out;
  }

  private static Map<Integer, String> parseEnum(String text) {
    if (text.isEmpty()) {
      return Map.of();
    }
    Map<Integer, String> names = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      int eq = pair.indexOf('=');
      names.put(Integer.parseInt(pair.substring(0, eq)), pair.substring(eq + 1));
    }
    return Collections.unmodifiableMap(names);
  }

  public static OptionsSchema get() {
    OptionsSchema s = instance;
    if (s == null) {
      synchronized (OptionsSchema.class) {
        s = instance;
        if (s == null) {
          try (InputStream stream = OptionsSchema.class.getResourceAsStream("builtin-options.tsv")) {
            if (stream == null) {
              throw new IllegalStateException("builtin-options.tsv missing from the class path");
            }
            s = new OptionsSchema(new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          instance = s;
        }
      }
    }
    return s;
  }

  /** The member of {@code union} with discriminant {@code index}, or null for one this schema lacks. */
  public OptionsTable table(String union, int index) {
    OptionsTable[] tables = union.equals(OPTIONS_1) ? tables1 : union.equals(OPTIONS_2) ? tables2 : null;
    return tables != null && index >= 0 && index < tables.length ? tables[index] : null;
  }

  public OptionsTable table(String name) {
    return byName.get(name);
  }

  /** Decodes an options table into named values; absent scalar fields get the schema's default. */
  OptionValues decode(FlatTable table, OptionsTable def) {
    return decoder(def).decode(table);
  }

  /**
   * The decoder of {@code def}, made at its first use and kept: a race between two readers makes two
   * equal decoders, and one whose fields are all final is safe to share without a lock.
   */
  private OptionsDecoder decoder(OptionsTable def) {
    boolean second = def.union().equals(OPTIONS_2);
    OptionsTable[] tables = second ? tables2 : tables1;
    OptionsDecoder[] cache = second ? decoders2 : decoders1;
    int index = def.index();
    if (index < 0 || index >= tables.length || tables[index] != def) {
      return new OptionsDecoder(def); // not one of this schema's tables
    }
    OptionsDecoder decoder = cache[index];
    if (decoder == null) {
      decoder = new OptionsDecoder(def);
      cache[index] = decoder;
    }
    return decoder;
  }

  static int width(String scalar) {
    return switch (scalar) {
      case "bool", "byte", "ubyte" -> 1;
      case "short", "ushort" -> 2;
      case "int", "uint", "float" -> 4;
      case "long", "ulong", "double" -> 8;
      default -> 0;
    };
  }
}
