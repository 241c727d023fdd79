package dev.edgetpulint.compiler;

import dev.edgetpulint.graph.EdgeTpuPackage;
import dev.edgetpulint.graph.IntList;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Location;
import dev.edgetpulint.rules.Severity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The compiler path: the stages the real toolchain takes, evaluated statically.
 *
 * <ol>
 *   <li>Quantization stage ({@link QuantizationClassifier}).
 *   <li>Per-op mapping at the target runtime: the {@link MappingRules} (an ERROR finding with a
 *       compiler status at an op = that op cannot be mapped).
 *   <li>Partitioning ({@link Partitioner}): one edgetpu-custom-op, or several with -a; supported
 *       ops cut off from it are collateral ("More than one subgraph is not supported").
 *   <li>On-chip memory ({@link MemoryEstimator}).
 * </ol>
 *
 * <p>Only the main subgraph (index 0) is compiled; the compiler leaves the ops of other TFLite
 * subgraphs (control-flow bodies, extra signatures) to the CPU.
 */
public final class CompilerPath {
  public static final String RULE_COLLATERAL = "EDGETPU-PARTITION-COLLATERAL";
  public static final String RULE_SUBGRAPHS = "EDGETPU-PARTITION-SUBGRAPHS";
  public static final String RULE_QUANTIZATION = "EDGETPU-QUANTIZATION-STAGE";
  public static final String RULE_MEMORY = "EDGETPU-MEMORY-STREAMING";
  public static final String RULE_COMPILED = "EDGETPU-COMPILED-MODEL";
  static final String HELP = "https://coral.ai/docs/edgetpu/compiler/";
  static final String NOT_MAIN_SUBGRAPH = "Not in the main subgraph: the compiler maps only subgraph 0";

  private final MappingRules rules;

  public CompilerPath(MappingRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /** The compiler path with the packaged rules (rules/*.yaml). */
  public static CompilerPath withBuiltInRules() {
    return new CompilerPath(MappingRules.of(new dev.edgetpulint.rules.RuleEngine(dev.edgetpulint.rules.RuleSet.builtIn())));
  }

  /**
   * The compiler path with the packaged rules plus the rule files of {@code ruleDirs}
   * ({@code --rules DIR}); throws {@link dev.edgetpulint.rules.RuleLoadException} for a broken file.
   */
  public static CompilerPath withRules(List<java.nio.file.Path> ruleDirs) {
    return ruleDirs.isEmpty() ? withBuiltInRules()
        : new CompilerPath(MappingRules.of(new dev.edgetpulint.rules.RuleEngine(dev.edgetpulint.rules.RuleSet.load(ruleDirs))));
  }

  public ModelAnalysis analyze(Model model, AnalysisOptions options) {
    QuantizationStage quantization = QuantizationClassifier.classify(model);
    if (model.isCompiled()) {
      return analyzeCompiled(model, options, quantization);
    }
    List<Finding> ruleFindings = rules.evaluate(model, options.runtime(), options.compilerVersion());
    // The rule findings of each operator, by subgraph and operator index (arrays, not a map keyed
    // by a string per operator: this runs for every operator of every model).
    Map<Integer, List<Finding>[]> byOperator = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (Finding f : ruleFindings) {
      Location at = f.location();
      if (at != null && at.operator() >= 0) {
        List<Finding>[] ofSubgraph = byOperator.computeIfAbsent(at.subgraph(), k -> findingsPerOperator(model, k, at.operator()));
        if (at.operator() >= ofSubgraph.length) {
          ofSubgraph = java.util.Arrays.copyOf(ofSubgraph, at.operator() + 1);
          byOperator.put(at.subgraph(), ofSubgraph);
        }
        if (ofSubgraph[at.operator()] == null) {
          ofSubgraph[at.operator()] = new ArrayList<>();
        }
        ofSubgraph[at.operator()].add(f);
      }
    }
    List<Placement> placements = new ArrayList<>();
    List<Finding> compilerFindings = new ArrayList<>();
    MemoryEstimate memory = new MemoryEstimate(0, 0, 0, MemoryEstimator.CACHE_CAPACITY_BYTES);
    int customOps = 0;
    for (Subgraph subgraph : model.subgraphs()) {
      List<Operator> ops = subgraph.operators();
      int n = ops.size();
      boolean[] mappable = new boolean[n];
      String[] status = new String[n];
      List<Finding>[] found = byOperator.get(subgraph.index());
      for (Operator op : ops) {
        Finding blocking = blockingFinding(findingsAt(found, op.index()));
        mappable[op.index()] = blocking == null && subgraph.index() == 0;
        status[op.index()] = blocking != null ? blocking.compilerStatus()
            : subgraph.index() == 0 ? null : NOT_MAIN_SUBGRAPH;
      }
      Partitioner.Result partition = Partitioner.partition(subgraph, mappable, options.multipleSubgraphs());
      if (subgraph.index() == 0) {
        customOps = partition.customOpCount();
        memory = MemoryEstimator.estimate(subgraph, partition.kept());
      }
      boolean rejected = !quantization.compatible() && partition.customOpCount() == 0;
      int[] producer = producers(subgraph);
      // Made only when an op on the CPU is a float conversion (see isIoBoundary): most models have none.
      List<List<Integer>> consumers = null;
      int[] causes = nearestUnmappableAncestors(subgraph, producer, mappable);
      for (Operator op : ops) {
        int i = op.index();
        List<Finding> here = findingsAt(found, i);
        here = here == null ? List.of() : here;
        Placement placement;
        if (partition.kept()[i]) {
          placement = new Placement(subgraph.index(), i, op.displayName(), op.version(), Target.EDGETPU,
              CompilerStatus.MAPPED, PlacementReason.MAPPED, -1, here);
        } else if (mappable[i]) {
          int cause = causes[i];
          Finding collateral = collateralFinding(subgraph, op, cause);
          compilerFindings.add(collateral);
          List<Finding> withCollateral = new ArrayList<>(here);
          withCollateral.add(collateral);
          placement = new Placement(subgraph.index(), i, op.displayName(), op.version(), Target.CPU,
              CompilerStatus.MORE_THAN_ONE_SUBGRAPH, PlacementReason.COLLATERAL, cause, withCollateral);
        } else {
          if (consumers == null && QuantizationClassifier.isConversion(op.opName())) {
            consumers = consumers(subgraph);
          }
          PlacementReason reason = rejected ? PlacementReason.MODEL_REJECTED
              : isIoBoundary(subgraph, producer, consumers, partition.kept(), op) ? PlacementReason.IO_BOUNDARY
              : PlacementReason.UNSUPPORTED;
          placement = new Placement(subgraph.index(), i, op.displayName(), op.version(), Target.CPU,
              status[i], reason, -1, here);
        }
        placements.add(placement);
      }
    }
    findings.addAll(ruleFindings);
    findings.add(quantizationFinding(quantization));
    if (customOps > 1) {
      findings.add(new Finding(RULE_SUBGRAPHS, Severity.INFO,
          String.format(Locale.ROOT, "%d Edge TPU subgraphs with CPU islands between them (-a): every "
              + "hand-off between CPU and Edge TPU costs a round trip; removing the CPU ops gives one "
              + "subgraph.", customOps),
          "Replace the ops that run on the CPU between the Edge TPU subgraphs.", HELP, null,
          Location.model()));
    }
    if (memory.streams()) {
      findings.add(memoryFinding(memory));
    }
    findings.addAll(compilerFindings);
    return new ModelAnalysis(model, options, quantization, placements, memory, findings, customOps);
  }

  /** A compiled model: the custom ops are on the Edge TPU, everything else stays on the CPU. */
  private ModelAnalysis analyzeCompiled(Model model, AnalysisOptions options, QuantizationStage quantization) {
    List<Placement> placements = new ArrayList<>();
    Map<String, Integer> cpuOps = new TreeMap<>();
    int customOps = 0;
    for (Subgraph subgraph : model.subgraphs()) {
      for (Operator op : subgraph.operators()) {
        boolean custom = Model.EDGETPU_CUSTOM_OP.equals(op.customCode());
        if (custom) {
          customOps++;
        } else {
          cpuOps.merge(op.displayName(), 1, Integer::sum);
        }
        placements.add(new Placement(subgraph.index(), op.index(), op.displayName(), op.version(),
            custom ? Target.EDGETPU : Target.CPU, custom ? CompilerStatus.MAPPED : CompilerStatus.ALREADY_COMPILED,
            custom ? PlacementReason.MAPPED : PlacementReason.UNSUPPORTED, -1, List.of()));
      }
    }
    StringBuilder message = new StringBuilder();
    message.append(String.format(Locale.ROOT, "Already compiled for the Edge TPU: %d edgetpu-custom-op", customOps));
    int runtime = model.edgeTpuPackages().stream().mapToInt(EdgeTpuPackage::minRuntimeVersion)
        .max().orElse(-1);
    if (runtime > 0) {
      message.append(String.format(Locale.ROOT, " needing runtime %d or newer", runtime));
    }
    if (cpuOps.isEmpty()) {
      message.append("; no other op, so the whole model runs on the Edge TPU.");
    } else {
      message.append("; these ops stay on the CPU: ");
      StringBuilder list = new StringBuilder();
      cpuOps.forEach((op, count) -> list.append(list.length() == 0 ? "" : ", ").append(op)
          .append(count > 1 ? " x" + count : ""));
      message.append(list).append('.');
    }
    List<Finding> findings = List.of(new Finding(RULE_COMPILED, Severity.INFO, message.toString(),
        cpuOps.isEmpty() ? null : "Lint the source model (before edgetpu_compiler) to see why these ops stay on the CPU.",
        HELP, null, Location.model()));
    return new ModelAnalysis(model, options, quantization, placements,
        new MemoryEstimate(0, 0, 0, MemoryEstimator.CACHE_CAPACITY_BYTES), findings, customOps);
  }

  /** The finding that decides an op's status: ERROR with a compiler status, by compiler precedence. */
  static Finding blockingFinding(List<Finding> findings) {
    if (findings == null) {
      return null;
    }
    return findings.stream()
        .filter(f -> f.severity() == Severity.ERROR && f.compilerStatus() != null)
        .min(Comparator.comparingInt(f -> CompilerStatus.rank(f.compilerStatus())))
        .orElse(null);
  }

  @SuppressWarnings("unchecked")
  private static List<Finding>[] findingsPerOperator(Model model, int subgraph, int operator) {
    int n = subgraph >= 0 && subgraph < model.subgraphs().size() ? model.subgraphs().get(subgraph).operators().size() : 0;
    return (List<Finding>[]) new List<?>[Math.max(n, operator + 1)];
  }

  private static List<Finding> findingsAt(List<Finding>[] found, int operator) {
    return found != null && operator >= 0 && operator < found.length ? found[operator] : null;
  }

  static int[] producers(Subgraph subgraph) {
    int[] producer = new int[subgraph.tensors().size()];
    java.util.Arrays.fill(producer, -1);
    for (Operator op : subgraph.operators()) {
      IntList outputs = op.outputIndices();
      for (int k = 0; k < outputs.size(); k++) {
        int t = outputs.getInt(k);
        if (t >= 0 && t < producer.length) {
          producer[t] = op.index();
        }
      }
    }
    return producer;
  }

  static List<List<Integer>> consumers(Subgraph subgraph) {
    List<List<Integer>> consumers = new ArrayList<>(subgraph.tensors().size());
    for (int t = 0; t < subgraph.tensors().size(); t++) {
      consumers.add(new ArrayList<>(1));
    }
    for (Operator op : subgraph.operators()) {
      IntList inputs = op.inputIndices();
      for (int k = 0; k < inputs.size(); k++) {
        int t = inputs.getInt(k);
        if (t >= 0 && t < consumers.size()) {
          consumers.get(t).add(op.index());
        }
      }
    }
    return consumers;
  }

  /**
   * For each op, the unmappable op that would cut it off: walking back through producers, the
   * unmappable ancestor reached through mappable ops only, latest in execution order; -1 if none.
   * One pass in execution order (producers come first in a TFLite subgraph).
   */
  static int[] nearestUnmappableAncestors(Subgraph subgraph, int[] producer, boolean[] mappable) {
    int n = mappable.length;
    int[] cause = new int[n];
    java.util.Arrays.fill(cause, -1);
    for (Operator op : subgraph.operators()) {
      int best = -1;
      IntList inputs = op.inputIndices();
      for (int k = 0; k < inputs.size(); k++) {
        int t = inputs.getInt(k);
        int p = t >= 0 && t < producer.length ? producer[t] : -1;
        if (p < 0 || p >= op.index()) {
          continue;
        }
        best = Math.max(best, mappable[p] ? cause[p] : p);
      }
      cause[op.index()] = best;
    }
    return cause;
  }

  /**
   * A float/integer conversion at the model's edge: a Cast or Quantize fed only from the graph
   * inputs through CPU ops, or a Dequantize/Cast whose result reaches no Edge TPU op.
   */
  static boolean isIoBoundary(Subgraph subgraph, int[] producer, List<List<Integer>> consumers,
      boolean[] kept, Operator op) {
    if (!QuantizationClassifier.isConversion(op.opName()) || !convertsFloat(subgraph, op)) {
      return false;
    }
    boolean inputSide = true;
    Deque<Integer> work = new ArrayDeque<>();
    boolean[] seen = new boolean[kept.length];
    work.add(op.index());
    while (!work.isEmpty() && inputSide) {
      for (int t : subgraph.operators().get(work.poll()).inputs()) {
        int p = t >= 0 && t < producer.length ? producer[t] : -1;
        if (p >= 0 && !seen[p]) {
          seen[p] = true;
          inputSide &= !kept[p];
          work.add(p);
        }
      }
    }
    if (inputSide) {
      return true;
    }
    // Output side: nothing downstream is on the Edge TPU.
    java.util.Arrays.fill(seen, false);
    work.clear();
    work.add(op.index());
    while (!work.isEmpty()) {
      for (int t : subgraph.operators().get(work.poll()).outputs()) {
        if (t < 0 || t >= consumers.size()) {
          continue;
        }
        for (int c : consumers.get(t)) {
          if (kept[c]) {
            return false;
          }
          if (!seen[c]) {
            seen[c] = true;
            work.add(c);
          }
        }
      }
    }
    return true;
  }

  private static boolean convertsFloat(Subgraph subgraph, Operator op) {
    boolean floatSide = false;
    for (int t : op.inputs()) {
      Tensor tensor = subgraph.tensor(t);
      floatSide |= tensor != null && tensor.type().isFloat();
    }
    for (int t : op.outputs()) {
      Tensor tensor = subgraph.tensor(t);
      floatSide |= tensor != null && tensor.type().isFloat();
    }
    return floatSide || "CAST".equals(op.opName());
  }

  private static Finding collateralFinding(Subgraph subgraph, Operator op, int cause) {
    String causeText = cause >= 0
        ? String.format(Locale.ROOT, "it depends on %s (operator %d), which cannot be mapped",
            subgraph.operators().get(cause).displayName(), cause)
        : "it is cut off from the Edge TPU subgraph by ops that run on the CPU";
    String message = String.format(Locale.ROOT,
        "%s (operator %d) is supported but runs on the CPU: %s, and a second Edge TPU subgraph is "
            + "not allowed without -a (--enable_multiple_subgraphs).",
        op.displayName(), op.index(), causeText);
    String fix = cause >= 0
        ? String.format(Locale.ROOT, "Make operator %d (%s) mappable or move it to the end of the "
            + "graph; or compile with -a to let the Edge TPU resume after it.", cause,
            subgraph.operators().get(cause).displayName())
        : "Compile with -a, or remove the CPU ops in between.";
    return new Finding(RULE_COLLATERAL, Severity.WARNING, message, fix, HELP,
        CompilerStatus.MORE_THAN_ONE_SUBGRAPH,
        Location.operator(subgraph.index(), op.index(), op.displayName()));
  }

  private static Finding quantizationFinding(QuantizationStage stage) {
    Severity severity = stage.compatible() ? Severity.INFO : Severity.ERROR;
    if (stage.kind() == QuantizationKind.MIXED || stage.kind() == QuantizationKind.FULL_INTEGER_FLOAT_IO) {
      severity = stage.kind() == QuantizationKind.MIXED ? Severity.WARNING : Severity.INFO;
    }
    return new Finding(RULE_QUANTIZATION, severity, "Quantization: " + stage.summary(), stage.fix(),
        "https://coral.ai/docs/edgetpu/models-intro/#quantization", null, Location.model());
  }

  private static Finding memoryFinding(MemoryEstimate memory) {
    String message = String.format(Locale.ROOT,
        "The mapped ops' parameters need about %s on chip but only about %s of the Edge TPU's SRAM "
            + "caches parameters: about %s will be streamed from host memory on every inference, "
            + "which is slower.",
        MemoryEstimator.format(memory.parameterBytes()), MemoryEstimator.format(memory.cacheCapacityBytes()),
        MemoryEstimator.format(memory.streamedBytes()));
    return new Finding(RULE_MEMORY, Severity.WARNING, message,
        "Use a smaller model (fewer or narrower layers), or split it across Edge TPUs with "
            + "edgetpu_compiler -n N (pipelining).",
        "https://coral.ai/docs/edgetpu/compiler/#parameter-data-caching", null, Location.model());
  }
}
