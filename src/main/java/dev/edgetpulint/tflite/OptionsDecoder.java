package dev.edgetpulint.tflite;

import dev.edgetpulint.graph.OptionValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes one options table of the schema into an {@link OptionValues}. What each field needs (how
 * to read it, its default as the Java value, its enum names) is worked out once per table, so that
 * decoding an operator's options reads the fields and nothing else: no type names compared, no
 * defaults parsed, no intermediate map.
 */
final class OptionsDecoder {
  // How a field is read and presented (see OptionsSchema.Field#type).
  private static final int STRING = 0;
  private static final int SKIPPED = 1; // never decoded: raw-byte vectors, nested tables
  private static final int BOOL = 2;
  private static final int UBYTE = 3;
  private static final int BYTE = 4;
  private static final int SHORT = 5;
  private static final int USHORT = 6;
  private static final int INT = 7;
  private static final int UINT = 8;
  private static final int LONG = 9;
  private static final int FLOAT = 10;
  private static final int DOUBLE = 11;
  private static final int INT_VECTOR = 12;
  private static final int LONG_VECTOR = 13;
  private static final int FLOAT_VECTOR = 14;
  private static final int OTHER_VECTOR = 15; // elements read one by one, as OptionsSchema.Field#scalar

  private final OptionsSchema.Field[] fields;
  private final String[] names;
  private final int[] kinds;
  private final Object[] defaults;
  private final String[][] enumNames;

  OptionsDecoder(OptionsSchema.OptionsTable table) {
    List<OptionsSchema.Field> list = table.fields();
    int n = list.size();
    fields = list.toArray(new OptionsSchema.Field[0]);
    names = new String[n];
    kinds = new int[n];
    defaults = new Object[n];
    enumNames = new String[n][];
    for (int i = 0; i < n; i++) {
      OptionsSchema.Field f = fields[i];
      names[i] = f.name();
      kinds[i] = kind(f);
      enumNames[i] = enumNamesByValue(f);
      if (kinds[i] >= BOOL && kinds[i] <= DOUBLE) {
        defaults[i] = present(f, parseDefault(f));
      }
    }
  }

  private static int kind(OptionsSchema.Field f) {
    String scalar = f.scalar();
    if (f.isVector()) {
      if (OptionsSchema.width(scalar) == 0 || scalar.equals("ubyte")) {
        return SKIPPED; // raw bytes (composite attributes, custom call data) stay out of the options
      }
      return switch (scalar) {
        case "int" -> f.isEnum() ? OTHER_VECTOR : INT_VECTOR;
        case "long", "ulong" -> LONG_VECTOR;
        case "float" -> FLOAT_VECTOR;
        default -> OTHER_VECTOR;
      };
    }
    if (f.type().equals("string")) {
      return STRING;
    }
    return switch (scalar) {
      case "bool" -> BOOL;
      case "ubyte" -> UBYTE;
      case "byte" -> BYTE;
      case "short" -> SHORT;
      case "ushort" -> USHORT;
      case "int" -> INT;
      case "uint" -> UINT;
      case "long", "ulong" -> LONG;
      case "float" -> FLOAT;
      case "double" -> DOUBLE;
      default -> SKIPPED;
    };
  }

  /** The options in {@code table}; absent scalar fields get the schema's default. */
  OptionValues decode(FlatTable table) {
    Object[] values = new Object[fields.length];
    String[] keys = names; // shared until a field gives no value; then this map gets its own keys
    int count = 0;
    for (int i = 0; i < fields.length; i++) {
      Object value = value(table, i);
      if (value == null) {
        if (keys == names) {
          keys = names.clone();
        }
        continue;
      }
      keys[count] = names[i];
      values[count++] = value;
    }
    return OptionValues.of(keys, values, count);
  }

  private Object value(FlatTable t, int i) {
    OptionsSchema.Field f = fields[i];
    int id = f.id();
    int kind = kinds[i];
    if (kind == STRING) {
      return t.string(id, f.name());
    }
    if (kind >= INT_VECTOR) {
      return vector(t, f, kind);
    }
    if (kind == SKIPPED) {
      return null;
    }
    if (!t.has(id)) {
      return defaults[i];
    }
    return switch (kind) {
      case BOOL -> t.u8(id, 0) != 0;
      case UBYTE -> integer(i, t.u8(id, 0));
      case BYTE -> integer(i, t.i8(id, 0));
      case SHORT -> integer(i, t.i16(id, 0));
      case USHORT -> integer(i, t.u16(id, 0));
      case INT -> integer(i, t.i32(id, 0));
      case UINT -> wide(i, t.u32(id, 0));
      case LONG -> wide(i, t.i64(id, 0));
      case FLOAT -> t.f32(id, 0f);
      default -> t.f64(id, 0d);
    };
  }

  /** An int-sized field's value: its enum name, else an Integer. */
  private Object integer(int i, int raw) {
    String[] names = enumNames[i];
    if (names != null) {
      String name = raw >= 0 && raw < names.length ? names[raw] : fields[i].enumNames().get(raw);
      return name != null ? name : (Object) raw;
    }
    return raw;
  }

  /** A long-sized field's value: its enum name (looked up by the low 32 bits), else a Long. */
  private Object wide(int i, long raw) {
    return enumNames[i] != null ? integer(i, (int) raw) : (Object) raw;
  }

  private static Object vector(FlatTable t, OptionsSchema.Field f, int kind) {
    String scalar = f.scalar();
    FlatVector v = t.vector(f.id(), OptionsSchema.width(scalar), f.name());
    if (v == null || v.length() > OptionsSchema.MAX_LIST) {
      return null;
    }
    return switch (kind) {
      case INT_VECTOR -> v.ints();
      case LONG_VECTOR -> v.longs();
      case FLOAT_VECTOR -> v.floats();
      default -> {
        List<Object> out = new ArrayList<>(v.length());
        for (int i = 0; i < v.length(); i++) {
          out.add(present(f, v.element(i, scalar)));
        }
        yield out;
      }
    };
  }

  private static Number parseDefault(OptionsSchema.Field f) {
    String d = f.defaultValue().isEmpty() ? "0" : f.defaultValue();
    return switch (f.scalar()) {
      case "float" -> Float.parseFloat(d);
      case "double" -> Double.parseDouble(d);
      case "uint", "long", "ulong" -> Long.parseLong(d);
      default -> Integer.parseInt(d);
    };
  }

  /** The Java value of a scalar: Boolean, Integer, Long, Float, Double, or an enum's name. */
  private static Object present(OptionsSchema.Field f, Number raw) {
    if (f.isEnum()) {
      String name = f.enumNames().get(raw.intValue());
      return name != null ? name : raw.intValue();
    }
    return switch (f.scalar()) {
      case "bool" -> raw.intValue() != 0;
      case "uint", "long", "ulong" -> raw.longValue();
      case "float" -> raw.floatValue();
      case "double" -> raw.doubleValue();
      default -> raw.intValue();
    };
  }

  /** Enum names by value for values 0 to 255, with gaps null; larger or negative ones are looked up. */
  private static String[] enumNamesByValue(OptionsSchema.Field f) {
    if (!f.isEnum()) {
      return null;
    }
    int max = -1;
    for (int value : f.enumNames().keySet()) {
      if (value >= 0 && value < 256) {
        max = Math.max(max, value);
      }
    }
    String[] byValue = new String[max + 1];
    for (Map.Entry<Integer, String> e : f.enumNames().entrySet()) {
      if (e.getKey() >= 0 && e.getKey() <= max) {
        byValue[e.getKey()] = e.getValue();
      }
    }
    return byValue;
  }
}
