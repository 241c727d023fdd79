package dev.edgetpulint.compiler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well predictions agree with what the real compiler did: per pair, op by op (placement), and
 * against the log's Operator / Count / Status table (status strings) where a log exists. Used by the
 * corpus test and by {@code check --expected DIR}.
 */
public final class AgreementReport {
  private final List<PairResult> pairs = new ArrayList<>();

  /** One placement the prediction got wrong. */
  public record Disagreement(int subgraph, int index, String op, Target predicted, Target real,
      String predictedStatus, String ruleId, List<String> warningRuleIds) {
    public Disagreement {
      warningRuleIds = List.copyOf(warningRuleIds);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "op %d %s: predicted %s, real %s (status: %s%s%s)", index, op,
          predicted == null ? "-" : predicted.id(), real.id(), predictedStatus,
          ruleId == null ? "" : "; rule " + ruleId,
          warningRuleIds.isEmpty() ? "" : "; warned: " + String.join(", ", warningRuleIds));
    }
  }


  /** One (op, status) count that differs from the log's table. */
  public record StatusMismatch(String op, String status, int predicted, int logged) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s \"%s\": predicted %d, log %d", op, status, predicted, logged);
    }
  }

  /**
   * The comparison of one pair.
   *
   * @param statusOps ops of the log's table whose (op, status) the prediction matches; -1 without log
   * @param logOps ops in the log's table; 0 without log
   */
  public record PairResult(String id, int ops, int agreeingOps, List<Disagreement> disagreements,
      int statusOps, int logOps, List<StatusMismatch> statusMismatches, String error,
      long estimatedOnChipBytes, long loggedOnChipBytes, int predictedCustomOps, int realCustomOps) {
    public boolean exact() {
      return error == null && disagreements.isEmpty() && agreeingOps == ops;
    }

    public boolean hasLog() {
      return logOps > 0;
    }

    public boolean statusExact() {
      return hasLog() && statusMismatches.isEmpty();
    }
  }

  /**
   * Analyses every pair at its runtime and -a setting and compares: the whole corpus measurement.
   * A model that cannot be read or analysed is recorded as a failure, never thrown.
   */
  public static AgreementReport measure(List<ExpectedPair> pairs, CompilerPath path,
      java.util.function.Function<java.nio.file.Path, dev.edgetpulint.graph.Model> reader) {
    AgreementReport report = new AgreementReport();
    for (ExpectedPair pair : pairs) {
      ModelAnalysis analysis;
      try {
        analysis = path.analyze(reader.apply(pair.model()), pair.options());
      } catch (RuntimeException e) {
        report.addFailure(pair, e.getClass().getSimpleName() + ": " + e.getMessage());
        continue;
      }
      report.add(pair, analysis);
    }
    return report;
  }

  /** Compares one analysis with its pair and records the result. */
  public PairResult add(ExpectedPair pair, ModelAnalysis analysis) {
    Map<String, Placement> predicted = new HashMap<>();
    for (Placement p : analysis.placements()) {
      predicted.put(p.subgraph() + ":" + p.index(), p);
    }
    List<Disagreement> disagreements = new ArrayList<>();
    int agreeing = 0;
    for (ExpectedPair.ExpectedOp op : pair.operators()) {
      Placement p = predicted.get(op.subgraph() + ":" + op.index());
      if (p != null && p.target() == op.placement()) {
        agreeing++;
      } else {
        dev.edgetpulint.rules.Finding blocking = p == null ? null : CompilerPath.blockingFinding(p.findings());
        disagreements.add(new Disagreement(op.subgraph(), op.index(), op.op(),
            p == null ? null : p.target(), op.placement(), p == null ? "no prediction" : p.status(),
            blocking == null ? null : blocking.ruleId(), p == null ? List.of() : p.warningRuleIds()));
      }
    }
    int statusOps = -1;
    int logOps = 0;
    List<StatusMismatch> mismatches = new ArrayList<>();
    if (!pair.logTable().isEmpty()) {
      Map<String, Integer> logged = new LinkedHashMap<>();
      for (ExpectedPair.LogRow row : pair.logTable()) {
        logged.merge(row.op() + "\u0000" + row.status(), row.count(), Integer::sum);
        logOps += row.count();
      }
      Map<String, Integer> mine = new LinkedHashMap<>();
      for (Placement p : analysis.placements()) {
        if (p.subgraph() == 0) {
          mine.merge(logName(p.op()) + "\u0000" + p.status(), 1, Integer::sum);
        }
      }
      statusOps = 0;
      java.util.Set<String> keys = new java.util.LinkedHashSet<>(logged.keySet());
      keys.addAll(mine.keySet());
      for (String key : keys) {
        int a = mine.getOrDefault(key, 0);
        int b = logged.getOrDefault(key, 0);
        statusOps += Math.min(a, b);
        if (a != b) {
          String[] parts = key.split("\u0000", 2);
          mismatches.add(new StatusMismatch(parts[0], parts[1], a, b));
        }
      }
    }
    PairResult result = new PairResult(pair.id(), pair.operators().size(), agreeing, disagreements,
        statusOps, logOps, mismatches, null, analysis.memory().cachedBytes() + analysis.memory().streamedBytes(),
        pair.logOnChipBytes(), analysis.edgeTpuSubgraphs(), pair.customOps());
    pairs.add(result);
    return result;
  }

  /** Records a pair that could not be analysed (unreadable model). */
  public PairResult addFailure(ExpectedPair pair, String error) {
    PairResult result = new PairResult(pair.id(), pair.operators().size(), 0, List.of(), -1,
        pair.logTable().stream().mapToInt(ExpectedPair.LogRow::count).sum(), List.of(), error, -1, -1, -1, pair.customOps());
    pairs.add(result);
    return result;
  }

  /** The log table's name for an op: custom ops are all "CUSTOM". */
  static String logName(String displayName) {
    return displayName.startsWith("CUSTOM") ? "CUSTOM" : displayName;
  }

  public List<PairResult> pairs() {
    return List.copyOf(pairs);
  }

  public int exactPairs() {
    return (int) pairs.stream().filter(PairResult::exact).count();
  }

  public int agreeingOps() {
    return pairs.stream().mapToInt(PairResult::agreeingOps).sum();
  }

  public int totalOps() {
    return pairs.stream().mapToInt(PairResult::ops).sum();
  }

  public int statusAgreeingOps() {
    return pairs.stream().filter(PairResult::hasLog).mapToInt(p -> Math.max(0, p.statusOps())).sum();
  }

  public int statusTotalOps() {
    return pairs.stream().mapToInt(PairResult::logOps).sum();
  }

  public int pairsWithLog() {
    return (int) pairs.stream().filter(PairResult::hasLog).count();
  }

  public int statusExactPairs() {
    return (int) pairs.stream().filter(PairResult::statusExact).count();
  }

  /** The headline: "placement agreement: N/49 pairs exact, M/K ops". */
  public String summary() {
    return String.format(Locale.ROOT,
        "placement agreement: %d/%d pairs exact, %d/%d ops%nstatus agreement (log tables): %d/%d pairs exact, %d/%d ops%n"
            + "Edge TPU subgraph count: %d pairs differ",
        exactPairs(), pairs.size(), agreeingOps(), totalOps(), statusExactPairs(), pairsWithLog(),
        statusAgreeingOps(), statusTotalOps(), customOpMismatches());
  }

  /** The whole report as JSON (for `check --expected` JSON output and the HTML report). */
  public com.fasterxml.jackson.databind.node.ObjectNode toJson() {
    var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    var root = json.objectNode();
    root.put("pairs", pairs.size());
    root.put("exactPairs", exactPairs());
    root.put("ops", totalOps());
    root.put("agreeingOps", agreeingOps());
    root.put("pairsWithLog", pairsWithLog());
    root.put("statusExactPairs", statusExactPairs());
    root.put("statusOps", statusTotalOps());
    root.put("statusAgreeingOps", statusAgreeingOps());
    root.put("subgraphCountMismatches", customOpMismatches());
    var list = root.putArray("results");
    for (PairResult p : pairs) {
      var item = list.addObject();
      item.put("id", p.id());
      item.put("exact", p.exact());
      item.put("ops", p.ops());
      item.put("agreeingOps", p.agreeingOps());
      if (p.error() != null) {
        item.put("error", p.error());
      }
      if (p.hasLog()) {
        item.put("logOps", p.logOps());
        item.put("statusAgreeingOps", p.statusOps());
      }
      item.put("predictedSubgraphs", p.predictedCustomOps());
      item.put("realSubgraphs", p.realCustomOps());
      var dis = item.putArray("disagreements");
      for (Disagreement d : p.disagreements()) {
        var o = dis.addObject();
        o.put("subgraph", d.subgraph());
        o.put("operator", d.index());
        o.put("op", d.op());
        o.put("predicted", d.predicted() == null ? null : d.predicted().id());
        o.put("real", d.real().id());
        o.put("predictedStatus", d.predictedStatus());
        o.put("rule", d.ruleId());
        var warned = o.putArray("warnings");
        d.warningRuleIds().forEach(warned::add);
      }
      var mm = item.putArray("statusMismatches");
      for (StatusMismatch m : p.statusMismatches()) {
        var o = mm.addObject();
        o.put("op", m.op());
        o.put("status", m.status());
        o.put("predicted", m.predicted());
        o.put("log", m.logged());
      }
    }
    return root;
  }

  /** The pairs whose log states the on-chip memory, estimate against log. */
  public String memoryComparison() {
    StringBuilder out = new StringBuilder();
    for (PairResult p : pairs) {
      if (p.loggedOnChipBytes() >= 0 && p.error() == null) {
        out.append(String.format(Locale.ROOT, "on-chip parameters %s: estimated %s, log %s (%+.0f%%)%n", p.id(),
            MemoryEstimator.format(p.estimatedOnChipBytes()), MemoryEstimator.format(p.loggedOnChipBytes()),
            p.loggedOnChipBytes() == 0 ? 0.0 : 100.0 * (p.estimatedOnChipBytes() - p.loggedOnChipBytes()) / p.loggedOnChipBytes()));
      }
    }
    return out.toString();
  }

  /** Pairs whose predicted number of Edge TPU subgraphs (custom ops) is known to differ. */
  public int customOpMismatches() {
    return (int) pairs.stream().filter(p -> p.error() == null && p.realCustomOps() >= 0
        && p.predictedCustomOps() != p.realCustomOps()).count();
  }

  /** The summary followed by every disagreement, pair by pair. */
  public String render() {
    StringBuilder out = new StringBuilder(summary()).append('\n').append(memoryComparison());
    for (PairResult p : pairs) {
      if (p.error() != null) {
        out.append(String.format(Locale.ROOT, "%s: not analysed: %s%n", p.id(), p.error()));
        continue;
      }
      if (p.realCustomOps() >= 0 && p.predictedCustomOps() != p.realCustomOps()) {
        out.append(String.format(Locale.ROOT, "%s: %d Edge TPU subgraphs predicted, %d real%n", p.id(),
            p.predictedCustomOps(), p.realCustomOps()));
      }
      if (!p.exact()) {
        out.append(String.format(Locale.ROOT, "%s: %d/%d ops agree%n", p.id(), p.agreeingOps(), p.ops()));
        for (Disagreement d : p.disagreements()) {
          out.append("  ").append(d).append('\n');
        }
      }
      if (p.hasLog() && !p.statusExact()) {
        out.append(String.format(Locale.ROOT, "%s: status %d/%d ops agree with the log%n", p.id(),
            p.statusOps(), p.logOps()));
        for (StatusMismatch m : p.statusMismatches()) {
          out.append("  ").append(m).append('\n');
        }
      }
    }
    return out.toString();
  }
}
