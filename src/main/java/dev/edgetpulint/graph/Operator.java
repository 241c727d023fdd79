package dev.edgetpulint.graph;

import java.util.List;
import java.util.Map;

/**
 * One operator of a subgraph, in execution order.
 *
 * @param opName the builtin name ("CONV_2D"), "CUSTOM", or "BUILTIN_&lt;code&gt;" for a code this
 *     version does not know by name
 * @param builtinCode the builtin operator code (32 for custom)
 * @param customCode the custom code of a CUSTOM op ("edgetpu-custom-op"), else null
 * @param inputs tensor indices, -1 for an omitted optional input
 * @param options the builtin options as named values: Integer, Long, Float, Boolean, String (enum
 *     names such as "RELU6" or "SAME"), or List of those; empty when the op has none
 */
public record Operator(
    int index,
    String opName,
    int builtinCode,
    String customCode,
    int version,
    List<Integer> inputs,
    List<Integer> outputs,
    Map<String, Object> options) {

  public static final int CUSTOM_CODE = 32;

  public Operator {
    inputs = IntList.copyOf(inputs);
    outputs = IntList.copyOf(outputs);
    options = options instanceof OptionValues ? options : Map.copyOf(options); // read-only already
  }

  /** {@link #inputs()} as the int list it is: read with {@link IntList#getInt} in loops that run per operator. */
  public IntList inputIndices() {
    return (IntList) inputs;
  }

  /** {@link #outputs()} as the int list it is (see {@link #inputIndices()}). */
  public IntList outputIndices() {
    return (IntList) outputs;
  }

  public boolean isCustom() {
    return builtinCode == CUSTOM_CODE || customCode != null;
  }

  /** The name used in reports and the corpus: "CONV_2D", or "CUSTOM:name" for custom ops. */
  public String displayName() {
    return isCustom() ? "CUSTOM:" + (customCode == null ? "" : customCode) : opName;
  }

  public Object option(String name) {
    return options.get(name);
  }
}
