package dev.edgetpulint.verify;

import dev.edgetpulint.compiler.Target;
import dev.edgetpulint.graph.EdgeTpuPackage;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the real compiler did with a source model, derived from the compiled model it wrote (and its
 * log, when there is one), by the corpus's method: a source operator stayed on the CPU when the
 * compiled model still holds an operator of the same type writing a tensor of the same name; every
 * other operator was folded into an {@code edgetpu-custom-op}.
 *
 * @param operators every operator of the source, in order, with the compiler's placement
 * @param edgeTpuCustomOps how many edgetpu-custom-op the compiled model holds
 * @param minRuntimeVersion from the compiled model's package, or -1
 * @param packageCompilerVersion the package's compiler label ("cl/..."), or null
 * @param log the log, or null
 * @param runtime the runtime version to judge the pair at
 * @param runtimeFrom where {@code runtime} came from ("package", "compiler default", "assumed (no
 *     package, no log)")
 */
public record ObservedPair(
    List<ObservedOperator> operators,
    int edgeTpuCustomOps,
    int minRuntimeVersion,
    String packageCompilerVersion,
    LogTable log,
    int runtime,
    String runtimeFrom) {

  public static final int ASSUMED_RUNTIME = 14;

  public ObservedPair {
    operators = List.copyOf(operators);
  }

  /** The compiler's {@code -a}: the compiled model has more than one Edge TPU custom op. */
  public boolean multipleSubgraphs() {
    return edgeTpuCustomOps > 1;
  }

  public long count(Target target) {
    return operators.stream().filter(o -> o.placement() == target).count();
  }

  /**
   * Derives the compiler's placements.
   *
   * @param log the compiler log, or null
   * @throws PairMismatchException when the compiled model (or the log) is not of this source
   */
  public static ObservedPair derive(Model source, Model compiled, LogTable log) throws PairMismatchException {
    if (source.isCompiled()) {
      throw new PairMismatchException("the source model is itself compiled (it holds an "
          + Model.EDGETPU_CUSTOM_OP + "); give the model you passed to edgetpu_compiler");
    }
    if (compiled.subgraphs().size() < source.subgraphs().size()) {
      throw new PairMismatchException("the compiled model has " + compiled.subgraphs().size()
          + " subgraph(s), the source " + source.subgraphs().size());
    }
    List<ObservedOperator> observed = new ArrayList<>();
    int customOps = 0;
    for (Subgraph sourceGraph : source.subgraphs()) {
      Subgraph compiledGraph = compiled.subgraphs().get(sourceGraph.index());
      checkInterface(sourceGraph, compiledGraph);
      Set<String> kept = new HashSet<>();
      Set<String> written = new HashSet<>();
      for (Operator op : sourceGraph.operators()) {
        for (String name : outputNames(sourceGraph, op)) {
          written.add(key(op.displayName(), name));
        }
      }
      for (Operator op : compiledGraph.operators()) {
        if (Model.EDGETPU_CUSTOM_OP.equals(op.customCode())) {
          customOps++;
          continue;
        }
        boolean counterpart = false;
        for (String name : outputNames(compiledGraph, op)) {
          kept.add(key(op.displayName(), name));
          counterpart |= written.contains(key(op.displayName(), name));
        }
        if (!counterpart) {
          throw new PairMismatchException("compiled operator " + op.index() + " (" + op.displayName()
              + " writing '" + String.join("', '", outputNames(compiledGraph, op))
              + "') has no counterpart in the source");
        }
      }
      for (Operator op : sourceGraph.operators()) {
        List<String> outputs = outputNames(sourceGraph, op);
        boolean onCpu = outputs.stream().anyMatch(name -> kept.contains(key(op.displayName(), name)));
        observed.add(new ObservedOperator(sourceGraph.index(), op.index(), op.displayName(), op.version(),
            outputs, onCpu ? Target.CPU : Target.EDGETPU));
      }
    }
    int minRuntime = -1;
    String label = null;
    for (EdgeTpuPackage pkg : compiled.edgeTpuPackages()) {
      minRuntime = Math.max(minRuntime, pkg.minRuntimeVersion());
      label = label == null ? pkg.compilerVersion() : label;
    }
    if (log != null) {
      checkLog(observed, log);
    }
    int runtime;
    String from;
    int fromCompiler = log == null ? -1 : CompilerVersions.defaultRuntime(log.compilerVersion());
    if (minRuntime > 0) {
      runtime = minRuntime;
      from = "package";
    } else if (fromCompiler > 0) {
      runtime = fromCompiler;
      from = "compiler default";
    } else {
      runtime = ASSUMED_RUNTIME;
      from = "assumed (no package, no log)";
    }
    return new ObservedPair(observed, customOps, minRuntime, label, log, runtime, from);
  }

  private static void checkInterface(Subgraph source, Subgraph compiled) throws PairMismatchException {
    List<String> sourceIn = names(source, source.inputs());
    List<String> compiledIn = names(compiled, compiled.inputs());
    if (!sourceIn.equals(compiledIn)) {
      throw new PairMismatchException("different inputs in subgraph " + source.index() + ": source "
          + sourceIn + ", compiled " + compiledIn);
    }
    List<String> sourceOut = names(source, source.outputs());
    List<String> compiledOut = names(compiled, compiled.outputs());
    if (!sourceOut.equals(compiledOut)) {
      throw new PairMismatchException("different outputs in subgraph " + source.index() + ": source "
          + sourceOut + ", compiled " + compiledOut);
    }
  }

  /** The log's counts must fit the source: same operator types, same number of each. */
  private static void checkLog(List<ObservedOperator> observed, LogTable log) throws PairMismatchException {
    if (log.rows().isEmpty()) {
      return; // a log cut short (compile failed, or the table went to stdout): nothing to compare
    }
    java.util.Map<String, Integer> byType = new java.util.LinkedHashMap<>();
    java.util.Map<String, Integer> mappedByType = new java.util.LinkedHashMap<>();
    for (ObservedOperator op : observed) {
      String type = logName(op.op());
      byType.merge(type, 1, Integer::sum);
      mappedByType.merge(type, op.placement() == Target.EDGETPU ? 1 : 0, Integer::sum);
    }
    java.util.Map<String, Integer> logTotals = log.totalByType();
    if (!logTotals.equals(byType)) {
      throw new PairMismatchException("the log lists " + log.totalOperators() + " operators "
          + logTotals + ", the source has " + observed.size() + " " + byType);
    }
    java.util.Map<String, Integer> logMapped = log.mappedByType();
    for (var entry : mappedByType.entrySet()) {
      int fromLog = logMapped.getOrDefault(entry.getKey(), 0);
      if (fromLog != entry.getValue()) {
        throw new PairMismatchException("the log maps " + fromLog + " " + entry.getKey()
            + " but the compiled model folded " + entry.getValue() + " into the Edge TPU");
      }
    }
  }

  /** The log names custom operators "CUSTOM". */
  static String logName(String displayName) {
    return displayName.startsWith("CUSTOM:") ? "CUSTOM" : displayName;
  }

  private static String key(String op, String tensor) {
    return op + "\u0000" + tensor;
  }

  static List<String> outputNames(Subgraph graph, Operator op) {
    return names(graph, op.outputs());
  }

  private static List<String> names(Subgraph graph, List<Integer> indices) {
    List<String> out = new ArrayList<>();
    for (int i : indices) {
      var t = graph.tensor(i);
      out.add(t == null ? "#" + i : t.name());
    }
    return out;
  }
}
