package dev.edgetpulint.tflite;

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

  private final Map<String, Map<Integer, OptionsTable>> byUnion = new HashMap<>();
  private final Map<String, OptionsTable> byName = new HashMap<>();

  private OptionsSchema(BufferedReader in) throws IOException {
    Map<String, List<Field>> fields = new LinkedHashMap<>();
    Map<String, String[]> heads = new LinkedHashMap<>();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      String key = c[0] + "\t" + c[1];
      heads.putIfAbsent(key, c);
      List<Field> list = fields.computeIfAbsent(key, k -> new ArrayList<>());
      int id = Integer.parseInt(c[3]);
      if (id >= 0) {
        list.add(new Field(id, c[4], c[5], c[6], parseEnum(c.length > 7 ? c[7] : "")));
      }
    }
    for (Map.Entry<String, String[]> e : heads.entrySet()) {
      String[] c = e.getValue();
      OptionsTable table = new OptionsTable(c[0], Integer.parseInt(c[1]), c[2],
          List.copyOf(fields.get(e.getKey())));
      byUnion.computeIfAbsent(table.union(), k -> new HashMap<>()).put(table.index(), table);
      byName.put(table.name(), table);
    }
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
    Map<Integer, OptionsTable> tables = byUnion.get(union);
    return tables == null ? null : tables.get(index);
  }

  public OptionsTable table(String name) {
    return byName.get(name);
  }

  /** Decodes an options table into named values; absent scalar fields get the schema's default. */
  Map<String, Object> decode(FlatTable table, OptionsTable def) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Field f : def.fields()) {
      Object value = f.isVector() ? decodeVector(table, f) : decodeScalar(table, f);
      if (value != null) {
        out.put(f.name(), value);
      }
    }
    return out;
  }

  private static Object decodeScalar(FlatTable t, Field f) {
    int id = f.id();
    if (f.type().equals("string")) {
      return t.string(id, f.name());
    }
    if (f.type().startsWith("table:")) {
      return null;
    }
    Number raw;
    int pos = t.field(id);
    if (pos == 0) {
      raw = parseDefault(f);
    } else {
      raw = switch (f.scalar()) {
        case "bool", "ubyte" -> t.u8(id, 0);
        case "byte" -> t.i8(id, 0);
        case "short" -> t.i16(id, 0);
        case "ushort" -> t.u16(id, 0);
        case "int" -> t.i32(id, 0);
        case "uint" -> t.u32(id, 0);
        case "long", "ulong" -> t.i64(id, 0);
        case "float" -> t.f32(id, 0f);
        case "double" -> t.f64(id, 0d);
        default -> null;
      };
    }
    return raw == null ? null : present(f, f.scalar(), raw);
  }

  private static Number parseDefault(Field f) {
    String d = f.defaultValue().isEmpty() ? "0" : f.defaultValue();
    return switch (f.scalar()) {
      case "float" -> Float.parseFloat(d);
      case "double" -> Double.parseDouble(d);
      case "uint", "long", "ulong" -> Long.parseLong(d);
      default -> Integer.parseInt(d);
    };
  }

  /** The Java value of a scalar: Boolean, Integer, Long, Float, Double, or an enum's name. */
  private static Object present(Field f, String scalar, Number raw) {
    if (f.isEnum()) {
      String name = f.enumNames().get(raw.intValue());
      return name != null ? name : raw.intValue();
    }
    return switch (scalar) {
      case "bool" -> raw.intValue() != 0;
      case "uint", "long", "ulong" -> raw.longValue();
      case "float" -> raw.floatValue();
      case "double" -> raw.doubleValue();
      default -> raw.intValue();
    };
  }

  private static Object decodeVector(FlatTable t, Field f) {
    String scalar = f.scalar();
    int width = width(scalar);
    if (width == 0 || scalar.equals("ubyte")) {
      return null; // raw bytes (composite attributes, custom call data) stay out of the options
    }
    FlatVector v = t.vector(f.id(), width, f.name());
    if (v == null || v.length() > MAX_LIST) {
      return null;
    }
    return switch (scalar) {
      case "int" -> f.isEnum() ? enumList(f, v.ints()) : v.ints();
      case "long", "ulong" -> v.longs();
      case "float" -> v.floats();
      default -> {
        List<Object> out = new ArrayList<>(v.length());
        for (int i = 0; i < v.length(); i++) {
          out.add(present(f, scalar, v.element(i, scalar)));
        }
        yield out;
      }
    };
  }

  private static List<Object> enumList(Field f, List<Integer> raw) {
    List<Object> out = new ArrayList<>(raw.size());
    for (Integer r : raw) {
      String name = f.enumNames().get(r);
      out.add(name != null ? name : r);
    }
    return out;
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
