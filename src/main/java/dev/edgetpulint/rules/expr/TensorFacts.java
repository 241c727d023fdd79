package dev.edgetpulint.rules.expr;

import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Tensor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Facts about one tensor: its type, shape, quantization, constness, small constant values, graph role. */
public final class TensorFacts extends Facts {
  /** The facts, documented in docs/rules-engine.md. */
  public static final List<String> NAMES = List.of(
      "index", "name", "type", "shape", "shape_signature", "rank", "elements", "dynamic",
      "dynamic_batch_only", "constant", "variable", "sparse", "eight_bit", "float", "quantized", "per_axis", "scales",
      "zero_points", "quantized_dimension", "values", "all_zero", "byte_size", "graph_input",
      "graph_output", "producer", "producer_index", "consumers", "consumer_types");

  /**
   * The facts that many tensors of a model have in common (the rest, such as the name, index, values
   * and graph neighbours, mostly differ from tensor to tensor): a rule that reads only these may be
   * judged once per combination of their values ({@link ModelFacts#distinctTensors(long)}).
   */
  public static final Set<String> SHARED = Set.of(
      "type", "shape", "shape_signature", "rank", "elements", "dynamic", "dynamic_batch_only", "constant",
      "variable", "sparse", "eight_bit", "float", "quantized", "per_axis", "quantized_dimension",
      "graph_input", "graph_output");

  /** {@code facts} as a bit set over their positions in {@link #NAMES}; each must be a fact. */
  public static long mask(Collection<String> facts) {
    long mask = 0;
    for (String fact : facts) {
      int position = NAMES.indexOf(fact);
      if (position < 0) {
        throw new IllegalArgumentException("not a tensor fact: " + fact);
      }
      mask |= 1L << position;
    }
    return mask;
  }

  /** How many rules can remember a verdict here (bits of {@link #verdictKnown}). */
  public static final int VERDICT_SLOTS = Long.SIZE;

  private final GraphIndex graph;
  private final Tensor tensor;
  /** Bit i set: the rule with verdict slot i has judged this tensor; {@link #verdictTrue} says how. */
  private long verdictKnown;
  private long verdictTrue;

  TensorFacts(GraphIndex graph, Tensor tensor) {
    super(POSITIONS);
    this.graph = graph;
    this.tensor = tensor;
  }

  private static final Map<String, Integer> POSITIONS = positions(NAMES);

  @Override
  public List<String> names() {
    return NAMES;
  }

  @Override
  protected String kind() {
    return "tensor";
  }

  @Override
  protected Object compute(String name) {
    return switch (name) {
      case "index" -> tensor.index();
      case "name" -> tensor.name();
      case "type" -> tensor.type().name();
      case "shape" -> tensor.shape();
      case "shape_signature" -> tensor.shapeSignature();
      case "rank" -> tensor.rank();
      case "elements" -> tensor.elementCount();
      case "dynamic" -> tensor.isDynamic();
      case "dynamic_batch_only" -> dynamicFirstDimensionOnly();
      case "constant" -> tensor.isConstant();
      case "variable" -> tensor.variable();
      case "sparse" -> tensor.sparse();
      case "eight_bit" -> tensor.type().isEightBitInteger();
      case "float" -> tensor.type().isFloat();
      case "quantized" -> tensor.quantization().isPresent();
      case "per_axis" -> tensor.quantization().isPerAxis();
      case "scales" -> tensor.quantization().scale();
      case "zero_points" -> tensor.quantization().zeroPoint();
      case "quantized_dimension" -> tensor.quantization().quantizedDimension();
      case "values" -> tensor.isConstant()
          ? tensor.data().longValues().map(TensorFacts::boxed).orElse(null)
          : null;
      case "all_zero" -> tensor.isConstant() && tensor.data().isAllZero();
      case "byte_size" -> tensor.data() == null ? 0L : (long) tensor.data().byteLength();
      case "graph_input" -> graph.isGraphInput(tensor.index());
      case "graph_output" -> graph.isGraphOutput(tensor.index());
      case "producer" -> {
        Operator p = graph.operator(graph.producer[tensor.index()]);
        yield p == null ? null : p.displayName();
      }
      case "producer_index" -> graph.producer[tensor.index()];
      case "consumers" -> graph.consumers(tensor.index()).size();
      case "consumer_types" -> {
        List<String> types = new ArrayList<>();
        for (int i : graph.consumers(tensor.index())) {
          types.add(graph.operator(i).displayName());
        }
        yield types;
      }
      default -> throw new IllegalStateException(name);
    };
  }

  /**
   * A hash of what every {@link #SHARED} fact is computed from (type, shape, shape signature, data
   * present, variable, sparse, how many scales, quantized dimension, graph input and output), read
   * from the tensor directly: nothing is computed, boxed or remembered. Tensors that
   * {@link #sameSharedSources} have equal values of every shared fact, so grouping a model's tensors
   * by these first is a cheap pass that leaves a few tensors to group by facts
   * ({@link ModelFacts#distinctTensors}). A new shared fact must be computed from these too
   * (DistinctTensorsTest checks it on every fixture and corpus model).
   */
  int sharedSourceHash() {
    int hash = tensor.type().ordinal();
    hash = 31 * hash + tensor.shape().hashCode();
    // The record keeps the shape itself when there is no signature: one hash serves both.
    hash = 31 * hash + (tensor.shapeSignature() == tensor.shape() ? 0 : tensor.shapeSignature().hashCode());
    hash = 31 * hash + tensor.quantization().quantizedDimension();
    return 31 * hash + sharedFlags();
  }

  /** Whether {@code other} has the same {@link #sharedSourceHash sources} of the shared facts. */
  boolean sameSharedSources(TensorFacts other) {
    Tensor o = other.tensor;
    return tensor.type() == o.type()
        && sharedFlags() == other.sharedFlags()
        && tensor.quantization().quantizedDimension() == o.quantization().quantizedDimension()
        && tensor.shape().equals(o.shape())
        && tensor.shapeSignature().equals(o.shapeSignature());
  }

  private int sharedFlags() {
    int scales = Math.min(tensor.quantization().scale().size(), 2); // none, one (per tensor), per axis
    return (tensor.data() != null ? 1 : 0)
        | (tensor.variable() ? 2 : 0)
        | (tensor.sparse() ? 4 : 0)
        | (graph.isGraphInput(tensor.index()) ? 8 : 0)
        | (graph.isGraphOutput(tensor.index()) ? 16 : 0)
        | scales << 5;
  }

  /**
   * The remembered verdict of the rule with verdict slot {@code slot} (0 to 63) on this tensor: 1
   * true, 0 false, -1 not judged yet. A rule whose per-tensor condition reads nothing but the
   * tensor and the evaluation's constants judges a tensor the same way at every operator that reads
   * or writes it, so the engine remembers the verdict here (tensor facts live for one evaluation,
   * see {@link ModelFacts}) instead of judging the tensor again at each of its operators.
   */
  public int verdict(int slot) {
    long bit = 1L << slot;
    return (verdictKnown & bit) == 0 ? -1 : (verdictTrue & bit) != 0 ? 1 : 0;
  }

  /** Remembers the verdict of the rule with verdict slot {@code slot} (see {@link #verdict(int)}). */
  public void verdict(int slot, boolean value) {
    long bit = 1L << slot;
    verdictKnown |= bit;
    verdictTrue = value ? verdictTrue | bit : verdictTrue & ~bit;
  }

  /** Whether the first dimension is the only dynamic one (-1 in the shape signature). */
  private boolean dynamicFirstDimensionOnly() {
    List<Integer> signature = tensor.shapeSignature();
    if (signature.isEmpty() || signature.get(0) >= 0) {
      return false;
    }
    for (int i = 1; i < signature.size(); i++) {
      if (signature.get(i) < 0) {
        return false;
      }
    }
    return true;
  }

  private static List<Long> boxed(long[] values) {
    List<Long> out = new ArrayList<>(values.length);
    for (long v : values) {
      out.add(v);
    }
    return out;
  }

  @Override
  public String toString() {
    return "tensor '" + tensor.name() + "'";
  }
}
