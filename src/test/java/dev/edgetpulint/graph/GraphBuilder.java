package dev.edgetpulint.graph;

import dev.edgetpulint.tflite.BuiltinOperators;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds exactly the graph a test needs, one subgraph at a time.
 *
 * <pre>
 * GraphBuilder g = new GraphBuilder();
 * int in = g.activation("input", TensorType.INT8, 1, 8, 8, 4);
 * int w = g.constant("w", TensorType.INT8, new int[] {4, 3, 3, 4});
 * int out = g.activation("out", TensorType.INT8, 1, 8, 8, 4);
 * g.op("CONV_2D").inputs(in, w).outputs(out).option("dilation_w_factor", 2).add();
 * Model model = g.inputs(in).outputs(out).build();
 * </pre>
 *
 * 8-bit tensors get per-tensor quantization (scale 0.05, zero point 0) unless a test says otherwise.
 */
public final class GraphBuilder {
  private final List<Tensor> tensors = new ArrayList<>();
  private final List<Operator> operators = new ArrayList<>();
  private final List<Integer> inputs = new ArrayList<>();
  private final List<Integer> outputs = new ArrayList<>();
  private final List<Subgraph> finished = new ArrayList<>();
  private String source = "fixture.tflite";

  public GraphBuilder source(String path) {
    this.source = path;
    return this;
  }

  /** A non-constant tensor with the given static shape. */
  public int activation(String name, TensorType type, int... shape) {
    return add(name, type, shape, null, null);
  }

  /** A non-constant tensor whose shape signature differs (use -1 for dynamic dimensions). */
  public int dynamicActivation(String name, TensorType type, int[] shape, int[] signature) {
    return add(name, type, shape, signature, null);
  }

  /** A constant tensor filled with zeros. */
  public int constant(String name, TensorType type, int[] shape) {
    long count = 1;
    for (int d : shape) {
      count *= d;
    }
    int bytes = (int) count * Math.max(1, type.bytesPerElement());
    return add(name, type, shape, null, ConstantData.view(ByteBuffer.allocate(bytes), type, -1));
  }

  /** A constant tensor filled with {@code fill} in every byte (so not all zeros unless fill is 0). */
  public int constantFilled(String name, TensorType type, int[] shape, byte fill) {
    long count = 1;
    for (int d : shape) {
      count *= d;
    }
    byte[] bytes = new byte[(int) count * Math.max(1, type.bytesPerElement())];
    Arrays.fill(bytes, fill);
    return add(name, type, shape, null, ConstantData.view(ByteBuffer.wrap(bytes), type, -1));
  }

  /** A 1-D INT32 constant with the given values (axes, paddings, strides, shapes). */
  public int int32Values(String name, int... values) {
    return int32Values(name, new int[] {values.length}, values);
  }

  /** An INT32 constant of the given shape and values (a [4,2] paddings tensor, say). */
  public int int32Values(String name, int[] shape, int... values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      buffer.putInt(v);
    }
    buffer.flip();
    return add(name, TensorType.INT32, shape, null, ConstantData.view(buffer, TensorType.INT32, -1));
  }

  /** Marks tensor {@code index} as a variable and/or sparse tensor. */
  public GraphBuilder flags(int index, boolean variable, boolean sparse) {
    Tensor t = tensors.get(index);
    tensors.set(index, new Tensor(t.index(), t.name(), t.type(), t.shape(), t.shapeSignature(),
        t.quantization(), t.data(), variable, sparse));
    return this;
  }

  /** Replace the quantization of tensor {@code index}. */
  public GraphBuilder quantization(int index, Quantization quantization) {
    Tensor t = tensors.get(index);
    tensors.set(index, new Tensor(t.index(), t.name(), t.type(), t.shape(), t.shapeSignature(),
        quantization, t.data(), t.variable(), t.sparse()));
    return this;
  }

  public OperatorBuilder op(String name) {
    return new OperatorBuilder(name);
  }

  public GraphBuilder inputs(int... indices) {
    for (int i : indices) {
      inputs.add(i);
    }
    return this;
  }

  public GraphBuilder outputs(int... indices) {
    for (int i : indices) {
      outputs.add(i);
    }
    return this;
  }

  /** Closes the current subgraph and starts another one. */
  public GraphBuilder nextSubgraph() {
    finished.add(new Subgraph(finished.size(), "", tensors, operators, inputs, outputs));
    tensors.clear();
    operators.clear();
    inputs.clear();
    outputs.clear();
    return this;
  }

  public Model build() {
    List<Subgraph> subgraphs = new ArrayList<>(finished);
    subgraphs.add(new Subgraph(subgraphs.size(), "", tensors, operators, inputs, outputs));
    return new Model(source, 3, "GraphBuilder", subgraphs, List.of(), List.of(), List.of(), Map.of());
  }

  private int add(String name, TensorType type, int[] shape, int[] signature, ConstantData data) {
    int index = tensors.size();
    Quantization q = type.isEightBitInteger()
        ? new Quantization(List.of(0.05f), List.of(0L), 0)
        : Quantization.NONE;
    tensors.add(new Tensor(index, name, type, boxed(shape), signature == null ? null : boxed(signature),
        q, data, false, false));
    return index;
  }

  private static List<Integer> boxed(int[] values) {
    List<Integer> list = new ArrayList<>(values.length);
    for (int v : values) {
      list.add(v);
    }
    return list;
  }

  /** Collects one operator; {@link #add()} appends it in execution order. */
  public final class OperatorBuilder {
    private final String name;
    private String customCode;
    private int version = 1;
    private int[] in = new int[0];
    private int[] out = new int[0];
    private final Map<String, Object> options = new LinkedHashMap<>();

    private OperatorBuilder(String name) {
      if (name.startsWith("CUSTOM:")) {
        this.name = "CUSTOM";
        this.customCode = name.substring("CUSTOM:".length());
      } else {
        this.name = name;
      }
    }

    public OperatorBuilder inputs(int... indices) {
      this.in = indices;
      return this;
    }

    public OperatorBuilder outputs(int... indices) {
      this.out = indices;
      return this;
    }

    public OperatorBuilder version(int v) {
      this.version = v;
      return this;
    }

    public OperatorBuilder option(String key, Object value) {
      options.put(key, value);
      return this;
    }

    /** Appends the operator and returns its index. */
    public int add() {
      int index = operators.size();
      int code = BuiltinOperators.codeOf(name);
      operators.add(new Operator(index, name, code, customCode, version, boxed(in), boxed(out),
          new HashMap<>(options)));
      return index;
    }
  }
}
