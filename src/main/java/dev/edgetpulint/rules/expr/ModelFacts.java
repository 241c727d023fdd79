package dev.edgetpulint.rules.expr;

import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts about a whole model, and the factory of operator facts. One instance per evaluation of a
 * model (one runtime and compiler): tensor facts are shared by every rule that reads them, and
 * remember the verdicts of rules that judge tensors alone ({@link TensorFacts#verdict(int)}).
 */
public final class ModelFacts extends Facts {
  /** The facts, documented in docs/rules-engine.md. */
  public static final List<String> NAMES = List.of(
      "source", "description", "schema_version", "compiled", "subgraph_count", "operator_count",
      "tensors", "operators", "inputs", "outputs", "op_types");

  private final Model model;
  private final GraphIndex[] graphs;

  public ModelFacts(Model model) {
    super(POSITIONS);
    this.model = model;
    this.graphs = new GraphIndex[model.subgraphs().size()];
  }

  private GraphIndex graph(int subgraph) {
    if (graphs[subgraph] == null) {
      graphs[subgraph] = new GraphIndex(model.subgraphs().get(subgraph));
    }
    return graphs[subgraph];
  }

  /** Facts of one operator (cheap; computed on first read). */
  public OperatorFacts operator(int subgraph, Operator op) {
    return new OperatorFacts(graph(subgraph), op);
  }

  /** Every tensor of every subgraph, in subgraph and index order (the {@code tensors} fact). */
  @SuppressWarnings("unchecked")
  public List<TensorFacts> allTensors() {
    return (List<TensorFacts>) get("tensors");
  }

  /**
   * A tensor for each combination of values that the facts in {@code mask} (a bit set over {@link
   * TensorFacts#NAMES}, see {@link TensorFacts#mask}) take in the model: the first tensor, in the order
   * of {@link #allTensors()}, with those values. An expression that reads nothing of a tensor but
   * these facts is false for every tensor of the model if it is false for each of these. Worked out
   * once per mask. When a grouping by a wider mask was made before, its tensors are returned: one for
   * each combination of the wider mask's facts, so at least one for each combination of these.
   */
  public List<TensorFacts> distinctTensors(long mask) {
    for (Map.Entry<Long, List<TensorFacts>> e : distinctTensors.entrySet()) {
      if ((e.getKey() & mask) == mask) {
        return e.getValue();
      }
    }
    // Only the tensors kept by what the shared facts are computed from are grouped: each is the first
    // of the tensors that agree with it on every shared fact.
    List<TensorFacts> out = new FirstOfEach.ByFacts(mask).of(sharedSourceRepresentatives());
    distinctTensors.put(mask, out);
    return out;
  }

  /**
   * The first tensor of each combination of what the shared facts are computed from ({@link
   * TensorFacts#sharedSourceHash}), in the order of {@link #allTensors()}. Every combination of
   * shared fact values that some tensor has is had first by one of these, so grouping these by any
   * shared facts keeps the same tensors as grouping all. Worked out once per model.
   */
  private List<TensorFacts> sharedSourceRepresentatives() {
    if (sharedSourceRepresentatives == null) {
      sharedSourceRepresentatives = new FirstOfEach.BySources().of(allTensors());
    }
    return sharedSourceRepresentatives;
  }

  private List<TensorFacts> sharedSourceRepresentatives;

  /** {@link #distinctTensors(long)} by mask; one or two masks per model. */
  private final Map<Long, List<TensorFacts>> distinctTensors = new HashMap<>(4);

  /** The most tensors (inputs and outputs) any operator of the model has; counted on first use. */
  public int mostOperatorTensors() {
    if (mostOperatorTensors < 0) {
      int most = 0;
      for (Subgraph s : model.subgraphs()) {
        for (Operator op : s.operators()) {
          most = Math.max(most, op.inputs().size() + op.outputs().size());
        }
      }
      mostOperatorTensors = most;
    }
    return mostOperatorTensors;
  }

  private int mostOperatorTensors = -1;

  private static final Map<String, Integer> POSITIONS = positions(NAMES);

  @Override
  public List<String> names() {
    return NAMES;
  }

  @Override
  protected String kind() {
    return "model";
  }

  @Override
  protected Object compute(String name) {
    return switch (name) {
      case "source" -> model.source();
      case "description" -> model.description();
      case "schema_version" -> model.schemaVersion();
      case "compiled" -> model.isCompiled();
      case "subgraph_count" -> model.subgraphs().size();
      case "operator_count" -> model.subgraphs().stream().mapToInt(s -> s.operators().size()).sum();
      case "tensors" -> {
        List<TensorFacts> out = new ArrayList<>();
        for (Subgraph s : model.subgraphs()) {
          for (int i = 0; i < s.tensors().size(); i++) {
            out.add(graph(s.index()).tensor(i));
          }
        }
        yield out;
      }
      case "operators" -> {
        List<OperatorFacts> out = new ArrayList<>();
        for (Subgraph s : model.subgraphs()) {
          for (Operator op : s.operators()) {
            out.add(operator(s.index(), op));
          }
        }
        yield out;
      }
      case "inputs" -> mainTensors(true);
      case "outputs" -> mainTensors(false);
      case "op_types" -> {
        List<String> out = new ArrayList<>();
        for (Subgraph s : model.subgraphs()) {
          for (Operator op : s.operators()) {
            if (!out.contains(op.displayName())) {
              out.add(op.displayName());
            }
          }
        }
        yield out;
      }
      default -> throw new IllegalStateException(name);
    };
  }

  private List<TensorFacts> mainTensors(boolean inputs) {
    List<TensorFacts> out = new ArrayList<>();
    if (model.subgraphs().isEmpty()) {
      return out;
    }
    GraphIndex g = graph(0);
    for (int i : inputs ? g.subgraph.inputs() : g.subgraph.outputs()) {
      TensorFacts t = g.tensor(i);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "model";
  }
}
