package dev.edgetpulint.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import dev.edgetpulint.util.PackagedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Transfer-learning readiness (facts Section 5): whether the model can serve as an embedding extractor
 * for on-device backpropagation (SoftmaxRegression: base fully mapped, last fully-connected layer
 * separable) or for weight imprinting (ImprintingEngine: L2Norm then Conv2d, Mul, Reshape, Softmax),
 * and where to cut (the tensor for the compiler's {@code -i}). The structural requirements are data, in
 * {@code transfer-learning.yaml}.
 */
public final class TransferLearning {

  /**
   * The verdict for one method.
   *
   * @param method "backpropagation" or "weight imprinting"
   * @param ready whether the model fits
   * @param cutTensor the embedding tensor to cut at (the -i tensor), or null
   * @param featureDim the embedding size, or -1
   * @param reasons why (not) ready, one per line
   */
  public record Readiness(String method, boolean ready, String cutTensor, int featureDim, List<String> reasons) {
    public Readiness {
      reasons = List.copyOf(reasons);
    }
  }

  private static final JsonNode SPEC = load();

  private TransferLearning() {}

  private static JsonNode load() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(PackagedFiles.require("dev/edgetpulint/compiler/transfer-learning.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException("transfer-learning.yaml is missing from the jar", e);
    }
  }

  public static List<Readiness> assess(ModelAnalysis analysis) {
    return List.of(backpropagation(analysis), imprinting(analysis));
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Backpropagation: find the classifier behind the single output, check the base maps in full. */
  public static Readiness backpropagation(ModelAnalysis analysis) {
    String method = "backpropagation";
    JsonNode spec = SPEC.path("backpropagation");
    Subgraph graph = analysis.model().mainSubgraph();
    List<String> reasons = new ArrayList<>();
    if (graph == null || graph.operators().isEmpty()) {
      return new Readiness(method, false, null, -1, List.of("the model has no operators"));
    }
    if (graph.outputs().size() != 1) {
      return new Readiness(method, false, null, -1, List.of("an embedding extractor has one output; this model has "
          + graph.outputs().size()));
    }
    Map<Integer, Operator> producer = producers(graph);
    Set<String> tailOps = strings(spec.path("tail_ops"));
    Set<String> classifierOps = strings(spec.path("classifier_ops"));
    String convClassifier = spec.path("conv_as_classifier").asText();
    Set<Integer> tail = new HashSet<>();
    Operator op = producer.get(graph.outputs().get(0));
    Operator classifier = null;
    while (op != null) {
      if (classifierOps.contains(op.opName()) || (op.opName().equals(convClassifier) && isPointwiseOnUnitMap(graph, op))) {
        classifier = op;
        break;
      }
      if (!tailOps.contains(op.opName()) || op.inputs().isEmpty()) {
        break;
      }
      tail.add(op.index());
      op = producer.get(op.inputs().get(0));
    }
    Map<Integer, Placement> placements = placementsOf(analysis, graph.index());
    if (classifier == null) {
      // No classifier: the model may already be an extractor, if it maps in full.
      List<Placement> cpu = cpuOps(placements, Set.of());
      Tensor out = graph.tensor(graph.outputs().get(0));
      if (cpu.isEmpty() && out != null) {
        return new Readiness(method, true, out.name(), lastDim(out), List.of(
            "no final classifier: the model already is an embedding extractor, mapped in full",
            "SoftmaxRegression(feature_dim=" + lastDim(out) + ", num_classes=...) trains the last layer on the CPU"));
      }
      reasons.add("no final fully-connected layer found behind the output (looked through "
          + String.join(", ", new java.util.TreeSet<>(tailOps)) + ")");
      cpu.stream().limit(3).forEach(p -> reasons.add("operators[" + p.index() + "] " + p.op() + " runs on the CPU"));
      return new Readiness(method, false, null, -1, reasons);
    }
    tail.add(classifier.index());
    Tensor embedding = graph.tensor(classifier.inputs().get(0));
    boolean separable = embedding != null && consumers(graph, embedding.index()).stream().allMatch(tail::contains);
    List<Placement> cpuBase = cpuOps(placements, tail);
    boolean ready = separable && cpuBase.isEmpty() && embedding != null;
    int dim = embedding == null ? -1 : lastDim(embedding);
    if (embedding != null) {
      reasons.add("last layer: operators[" + classifier.index() + "] " + classifier.opName() + " reads the embedding '"
          + embedding.name() + "' (" + dim + " features)");
    }
    if (!separable) {
      reasons.add("the embedding is also read by operators outside the last layer: the last layer is not separable");
    }
    if (!cpuBase.isEmpty()) {
      reasons.add(cpuBase.size() + " operator(s) of the base run on the CPU, first operators[" + cpuBase.get(0).index()
          + "] " + cpuBase.get(0).op() + " (" + cpuBase.get(0).status() + "): the base must map in full");
    }
    if (ready) {
      reasons.add("cut at '" + embedding.name() + "': compile the base with -i " + embedding.name()
          + " (or remove operators from " + classifier.index() + " on), then SoftmaxRegression(feature_dim=" + dim
          + ", num_classes=...)");
    }
    return new Readiness(method, ready, embedding == null ? null : embedding.name(), dim, reasons);
  }

  /** Weight imprinting: exactly one L2Norm, the last four ops Conv2d/Mul/Reshape/Softmax, the shapes libcoral wants. */
  public static Readiness imprinting(ModelAnalysis analysis) {
    String method = "weight imprinting";
    JsonNode spec = SPEC.path("weight_imprinting");
    Subgraph graph = analysis.model().mainSubgraph();
    if (graph == null || graph.operators().isEmpty()) {
      return new Readiness(method, false, null, -1, List.of("the model has no operators"));
    }
    List<String> reasons = new ArrayList<>();
    String normOp = spec.path("normalization_op").asText();
    List<Operator> norms = graph.operators().stream().filter(o -> o.opName().equals(normOp)).toList();
    if (norms.size() != 1) {
      reasons.add("needs exactly one " + normOp + " (libcoral: \"Input model must have an L2Norm layer\"); found "
          + norms.size());
    }
    List<String> tailSpec = new ArrayList<>();
    spec.path("tail").forEach(n -> tailSpec.add(n.asText()));
    List<Operator> ops = graph.operators();
    List<String> lastOps = ops.subList(Math.max(0, ops.size() - tailSpec.size()), ops.size()).stream()
        .map(Operator::opName).toList();
    if (!lastOps.equals(tailSpec)) {
      reasons.add("the last " + tailSpec.size() + " operators must be " + tailSpec + "; they are " + lastOps);
    }
    if (!reasons.isEmpty()) {
      return new Readiness(method, false, null, -1, reasons);
    }
    Operator norm = norms.get(0);
    Tensor normOut = graph.tensor(norm.outputs().get(0));
    Operator conv = ops.get(ops.size() - tailSpec.size());
    Set<String> between = strings(spec.path("between"));
    int convInput = conv.inputs().get(0);
    boolean direct = convInput == norm.outputs().get(0);
    if (!direct) {
      Operator mid = producers(graph).get(convInput);
      direct = mid != null && between.contains(mid.opName()) && !mid.inputs().isEmpty()
          && mid.inputs().get(0).intValue() == norm.outputs().get(0);
    }
    if (!direct) {
      reasons.add("the " + normOp + " must feed the tail's CONV_2D directly (one " + between + " in between is tolerated)");
    }
    int rank = spec.path("normalization_rank").asInt(4);
    if (normOut != null) {
      boolean unit = normOut.rank() == rank;
      for (JsonNode d : spec.path("normalization_unit_dims")) {
        unit &= normOut.rank() > d.asInt() && normOut.shape().get(d.asInt()) == 1;
      }
      if (!unit) {
        reasons.add("the " + normOp + " output must be [1, 1, 1, D]; it is " + normOut.shape());
      }
    }
    JsonNode zpRange = spec.path("conv_bias_zero_point");
    if (zpRange.size() == 2 && conv.inputs().size() > 2) {
      Tensor bias = graph.tensor(conv.inputs().get(2));
      if (bias != null && bias.quantization().isPresent()) {
        for (long zp : bias.quantization().zeroPoint()) {
          if (zp < zpRange.get(0).asLong() || zp > zpRange.get(1).asLong()) {
            reasons.add("the tail CONV_2D's bias zero point " + zp + " is outside [" + zpRange.get(0).asLong() + ", "
                + zpRange.get(1).asLong() + "]");
            break;
          }
        }
      }
    }
    Operator softmax = ops.get(ops.size() - 1);
    Tensor probs = graph.tensor(softmax.outputs().get(0));
    int softmaxRank = spec.path("softmax_rank").asInt(2);
    if (probs == null || probs.rank() != softmaxRank || probs.shape().get(0) != 1) {
      reasons.add("the softmax output must be [1, N]; it is " + (probs == null ? "missing" : probs.shape()));
    }
    if (graph.outputs().size() != 1 || probs == null || graph.outputs().get(0) != probs.index()) {
      reasons.add("the softmax output must be the only graph output");
    }
    Map<Integer, Placement> placements = placementsOf(analysis, graph.index());
    Set<Integer> tailIdx = new HashSet<>();
    for (Operator o : ops) {
      if (o.index() > norm.index()) {
        tailIdx.add(o.index());
      }
    }
    List<Placement> cpuBase = cpuOps(placements, tailIdx);
    if (!cpuBase.isEmpty()) {
      reasons.add(cpuBase.size() + " operator(s) up to the " + normOp + " run on the CPU, first operators["
          + cpuBase.get(0).index() + "] " + cpuBase.get(0).op() + ": the extractor must map in full");
    }
    boolean ready = reasons.isEmpty();
    int dim = normOut == null ? -1 : lastDim(normOut);
    String name = normOut == null ? null : normOut.name();
    if (ready) {
      reasons.add("embedding '" + name + "' (" + dim + " features) -> " + String.join(", ", tailSpec));
      reasons.add("cut at '" + name + "': compile with -i " + name + " so the tail stays on the CPU for ImprintingEngine");
    }
    return new Readiness(method, ready, name, dim, reasons);
  }

  private static boolean isPointwiseOnUnitMap(Subgraph graph, Operator op) {
    if (op.inputs().size() < 2) {
      return false;
    }
    Tensor in = graph.tensor(op.inputs().get(0));
    Tensor w = graph.tensor(op.inputs().get(1));
    return in != null && w != null && in.rank() == 4 && in.shape().get(1) == 1 && in.shape().get(2) == 1
        && w.rank() == 4 && w.shape().get(1) == 1 && w.shape().get(2) == 1;
  }

  private static List<Placement> cpuOps(Map<Integer, Placement> placements, Set<Integer> excluded) {
    return placements.values().stream()
        .filter(p -> !excluded.contains(p.index()) && p.target() == Target.CPU
            && p.reason() != PlacementReason.IO_BOUNDARY)
        .sorted(java.util.Comparator.comparingInt(Placement::index)).toList();
  }

  private static Map<Integer, Placement> placementsOf(ModelAnalysis analysis, int subgraph) {
    Map<Integer, Placement> out = new HashMap<>();
    for (Placement p : analysis.placements()) {
      if (p.subgraph() == subgraph) {
        out.put(p.index(), p);
      }
    }
    return out;
  }

  private static Map<Integer, Operator> producers(Subgraph graph) {
    Map<Integer, Operator> out = new HashMap<>();
    for (Operator op : graph.operators()) {
      for (int t : op.outputs()) {
        out.put(t, op);
      }
    }
    return out;
  }

  private static List<Integer> consumers(Subgraph graph, int tensor) {
    List<Integer> out = new ArrayList<>();
    for (Operator op : graph.operators()) {
      if (op.inputs().contains(tensor)) {
        out.add(op.index());
      }
    }
    return out;
  }

  private static int lastDim(Tensor t) {
    return t.rank() == 0 ? 1 : t.shape().get(t.rank() - 1);
  }

  public static String render(List<Readiness> readiness) {
    StringBuilder out = new StringBuilder();
    for (Readiness r : readiness) {
      out.append(r.method()).append(": ").append(r.ready() ? "ready" : "not ready").append('\n');
      r.reasons().forEach(line -> out.append("  ").append(line).append('\n'));
    }
    return out.toString();
  }
}
