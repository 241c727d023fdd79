package dev.edgetpulint.tflite;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which options table a builtin operator carries. The schema does not say (TFLite's C++ code does):
 * most follow the naming convention CONV_2D -> Conv2DOptions (compared case-insensitively without
 * underscores); the exceptions are listed here. Checked against every operator of the corpus by
 * {@code TfliteWriterTest}.
 */
public final class OperatorOptions {
  private static final Map<String, String> EXCEPTIONS = Map.ofEntries(
      Map.entry("AVERAGE_POOL_2D", "Pool2DOptions"),
      Map.entry("MAX_POOL_2D", "Pool2DOptions"),
      Map.entry("L2_POOL_2D", "Pool2DOptions"),
      Map.entry("L2_NORMALIZATION", "L2NormOptions"),
      Map.entry("UNIDIRECTIONAL_SEQUENCE_RNN", "SequenceRNNOptions"),
      Map.entry("MEAN", "ReducerOptions"),
      Map.entry("SUM", "ReducerOptions"),
      Map.entry("REDUCE_PROD", "ReducerOptions"),
      Map.entry("REDUCE_MAX", "ReducerOptions"),
      Map.entry("REDUCE_MIN", "ReducerOptions"),
      Map.entry("REDUCE_ANY", "ReducerOptions"),
      Map.entry("REDUCE_ALL", "ReducerOptions"),
      Map.entry("MAXIMUM", "MaximumMinimumOptions"),
      Map.entry("MINIMUM", "MaximumMinimumOptions"),
      Map.entry("CONV_3D_TRANSPOSE", "Conv3DOptions"),
      Map.entry("RANDOM_STANDARD_NORMAL", "RandomOptions"),
      Map.entry("RANDOM_UNIFORM", "RandomOptions"),
      Map.entry("MULTINOMIAL", "RandomOptions"));

  private static final Map<String, OptionsSchema.OptionsTable> BY_FOLDED_NAME = new HashMap<>();
  private static final java.util.Set<String> ALL_FIELD_NAMES = new java.util.HashSet<>();

  static {
    OptionsSchema schema = OptionsSchema.get();
    for (String union : new String[] {OptionsSchema.OPTIONS_1, OptionsSchema.OPTIONS_2}) {
      for (int index = 1; ; index++) {
        OptionsSchema.OptionsTable table = schema.table(union, index);
        if (table == null) {
          break;
        }
        BY_FOLDED_NAME.put(fold(table.name()), table);
        table.fields().forEach(field -> ALL_FIELD_NAMES.add(field.name()));
      }
    }
  }

  private OperatorOptions() {}

  private static String fold(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** The options table of builtin operator {@code opName}, or null when it has none. */
  public static OptionsSchema.OptionsTable forOperator(String opName) {
    String exception = EXCEPTIONS.get(opName);
    if (exception != null) {
      return OptionsSchema.get().table(exception);
    }
    return BY_FOLDED_NAME.get(fold(opName) + "options");
  }

  /** Whether some options table of the schema has a field {@code name}. */
  public static boolean isFieldOfAnyTable(String name) {
    return ALL_FIELD_NAMES.contains(name);
  }
}
