package dev.edgetpulint.tflite;

import dev.edgetpulint.graph.OptionValues;
import dev.edgetpulint.util.PackagedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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

  private static final String RESOURCE = "dev/edgetpulint/tflite/builtin-options.tsv";

  private static volatile OptionsSchema instance;

  /**
   * Where one options table's lines are in the schema text, and the table once it is asked for. A
   * check meets a handful of the 147 tables, and parsing all of them at every start cost about 12 ms
   * of the warm-up thread's CPU, on a machine whose two cores a cold check keeps busy
   * (docs/performance.md, C18).
   */
  private static final class Member {
    final String union;
    final int index;
    final String name;
    final int start;
    int end;
    volatile OptionsTable table;

    Member(String union, int index, String name, int start) {
      this.union = union;
      this.index = index;
      this.name = name;
      this.start = start;
    }
  }

  private final String text;
  // Members by discriminant, for the reader (which looks one up per operator).
  private final Member[] members1;
  private final Member[] members2;
  private final OptionsDecoder[] decoders1;
  private final OptionsDecoder[] decoders2;

  /** Finds each table's lines (they are together, as the generator writes them); parses none. */
  OptionsSchema(String text) {
    this.text = text;
    Member[] first = new Member[0];
    Member[] second = new Member[0];
    Member current = null;
    int at = 0;
    while (at < text.length()) {
      int eol = text.indexOf('\n', at);
      int next = eol < 0 ? text.length() : eol + 1;
      int end = eol < 0 ? text.length() : eol;
      if (end > at && text.charAt(at) != '#' && !text.substring(at, end).isBlank()) {
        int tab1 = text.indexOf('\t', at);
        int tab2 = text.indexOf('\t', tab1 + 1);
        int tab3 = text.indexOf('\t', tab2 + 1);
        if (tab1 < 0 || tab2 < 0 || tab3 < 0 || tab3 > end) {
          throw new IllegalStateException("builtin-options.tsv: a line with fewer than four columns: "
              + text.substring(at, end));
        }
        boolean isSecond = text.startsWith(OPTIONS_2 + "\t", at);
        if (!isSecond && !text.startsWith(OPTIONS_1 + "\t", at)) {
          throw new IllegalStateException("builtin-options.tsv: unknown union " + text.substring(at, tab1));
        }
        String union = isSecond ? OPTIONS_2 : OPTIONS_1;
        int index = Integer.parseInt(text, tab1 + 1, tab2, 10);
        if (current == null || !current.union.equals(union) || current.index != index) {
          Member[] members = isSecond ? second : first;
          if (index >= members.length) {
            members = Arrays.copyOf(members, Math.max(index + 1, members.length * 2));
          }
          if (members[index] != null) {
            throw new IllegalStateException("builtin-options.tsv: the lines of " + members[index].name
                + " are not together");
          }
          current = new Member(union, index, text.substring(tab2 + 1, tab3), at);
          members[index] = current;
          if (isSecond) {
            second = members;
          } else {
            first = members;
          }
        }
        current.end = next;
      }
      at = next;
    }
    members1 = trim(first);
    members2 = trim(second);
    decoders1 = new OptionsDecoder[members1.length];
    decoders2 = new OptionsDecoder[members2.length];
  }

  private static Member[] trim(Member[] members) {
    int length = members.length;
    while (length > 0 && members[length - 1] == null) {
      length--;
    }
    return Arrays.copyOf(members, length);
  }

  /** The table of {@code member}, parsed from its lines at the first call. */
  private OptionsTable table(Member member) {
    OptionsTable table = member.table;
    if (table == null) {
      synchronized (member) {
        table = member.table;
        if (table == null) {
          table = new OptionsTable(member.union, member.index, member.name, fields(member));
          member.table = table;
        }
      }
    }
    return table;
  }

  private List<Field> fields(Member member) {
    List<Field> fields = new ArrayList<>();
    for (String line : text.substring(member.start, member.end).split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      int id = Integer.parseInt(c[3]);
      if (id >= 0) {
        fields.add(new Field(id, c[4], c[5], c[6], parseEnum(c.length > 7 ? c[7] : "")));
      }
    }
    return List.copyOf(fields);
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
          try {
            byte[] table = PackagedFiles.require(RESOURCE);
            s = new OptionsSchema(new String(table, StandardCharsets.UTF_8));
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
    Member[] members = union.equals(OPTIONS_1) ? members1 : union.equals(OPTIONS_2) ? members2 : null;
    return members != null && index >= 0 && index < members.length && members[index] != null
        ? table(members[index])
        : null;
  }

  /** The table named {@code name} (a linear search: only descriptions and the writer ask by name). */
  public OptionsTable table(String name) {
    for (Member[] members : new Member[][] {members1, members2}) {
      for (Member member : members) {
        if (member != null && member.name.equals(name)) {
          return table(member);
        }
      }
    }
    return null;
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
    Member[] members = second ? members2 : members1;
    OptionsDecoder[] cache = second ? decoders2 : decoders1;
    int index = def.index();
    if (index < 0 || index >= members.length || members[index] == null || members[index].table != def) {
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
