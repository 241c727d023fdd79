package dev.edgetpulint.verify;

import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.compiler.Placement;
import dev.edgetpulint.compiler.Target;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The linter's prediction compared with what the real compiler did, op by op.
 *
 * @param observed what the compiler did
 * @param predicted the linter's analysis at the pair's runtime (and -a when the compiler used it)
 * @param disagreements the operators placed differently, in order
 */
public record Verification(ObservedPair observed, ModelAnalysis predicted, List<Disagreement> disagreements) {

  /** One operator the linter placed differently from the compiler. */
  public record Disagreement(ObservedOperator op, Placement prediction) {
    /** The rule(s) behind the prediction, or "missing rule" when the linter saw no reason for the CPU. */
    public String because() {
      if (prediction == null) {
        return "no prediction for this operator";
      }
      List<String> rules = prediction.findings().stream()
          .filter(f -> f.severity() == Severity.ERROR || f.compilerStatus() != null)
          .map(Finding::ruleId).distinct().toList();
      if (op.placement() == Target.CPU && prediction.target() == Target.EDGETPU) {
        List<String> warnings = prediction.warningRuleIds();
        return "missing rule: the linter knows no reason for the CPU"
            + (warnings.isEmpty() ? "" : " (it warned: " + String.join(", ", warnings) + ")");
      }
      String status = prediction.status() == null ? prediction.reason().name() : prediction.status();
      if (!rules.isEmpty()) {
        return String.join(", ", rules) + " (" + status + ")";
      }
      if (prediction.causeOperator() >= 0) {
        return status + ", after operator " + prediction.causeOperator();
      }
      return status;
    }
  }

  public Verification {
    disagreements = List.copyOf(disagreements);
  }

  public static Verification compare(ObservedPair observed, ModelAnalysis predicted) {
    Map<Long, Placement> bySite = new HashMap<>();
    for (Placement p : predicted.placements()) {
      bySite.put(site(p.subgraph(), p.index()), p);
    }
    List<Disagreement> out = new ArrayList<>();
    for (ObservedOperator op : observed.operators()) {
      Placement p = bySite.get(site(op.subgraph(), op.index()));
      if (p == null || p.target() != op.placement()) {
        out.add(new Disagreement(op, p));
      }
    }
    return new Verification(observed, predicted, out);
  }

  public boolean agrees() {
    return disagreements.isEmpty();
  }

  public int agreeingOperators() {
    return observed.operators().size() - disagreements.size();
  }

  /** The human report: a header, the counts, one line per disagreement. */
  public String render(String sourceName, String compiledName) {
    StringBuilder out = new StringBuilder();
    LogTable log = observed.log();
    out.append("verify ").append(sourceName).append(" -> ").append(compiledName).append('\n');
    out.append("  compiler ").append(log == null || log.compilerVersion() == null ? "unknown (no log)"
        : log.compilerVersion());
    out.append(", package ").append(observed.packageCompilerVersion() == null ? "none"
        : "'" + observed.packageCompilerVersion() + "'");
    out.append(", runtime ").append(observed.runtime()).append(" (").append(observed.runtimeFrom()).append(')');
    out.append(", ").append(observed.edgeTpuCustomOps()).append(" Edge TPU custom op(s)")
        .append(observed.multipleSubgraphs() ? ", judged with -a" : "")
        .append(", rules of compiler ").append(predicted.options().compilerVersion()).append('\n');
    out.append("  compiler:  ").append(observed.count(Target.EDGETPU)).append(" on the Edge TPU, ")
        .append(observed.count(Target.CPU)).append(" on the CPU\n");
    out.append("  predicted: ").append(predicted.edgeTpuCount()).append(" on the Edge TPU, ")
        .append(predicted.cpuCount()).append(" on the CPU\n");
    if (log != null && !log.rows().isEmpty()) {
      dev.edgetpulint.compiler.AgreementReport.PairResult statuses = statusAgreement();
      out.append("  log:       ").append(statuses.statusOps()).append('/').append(statuses.logOps())
          .append(" operators with the status the log gives them\n");
      for (var m : statuses.statusMismatches()) {
        out.append("    status  ").append(m).append('\n');
      }
    }
    for (Disagreement d : disagreements) {
      ObservedOperator op = d.op();
      out.append("  disagree  subgraphs[").append(op.subgraph()).append("].operators[").append(op.index())
          .append("] ").append(op.op()).append(" -> ").append(quoted(op.outputs()))
          .append(": compiler ").append(op.placement().id())
          .append(", predicted ").append(d.prediction() == null ? "none" : d.prediction().target().id())
          .append(" — ").append(d.because()).append('\n');
    }
    out.append(agrees() ? "agree" : "disagree").append(": ").append(agreeingOperators()).append('/')
        .append(observed.operators().size()).append(" operators placed as the compiler did\n");
    return out.toString();
  }

  /**
   * The predicted statuses against the log's Operator / Count / Status table, by the same code as the
   * corpus test ({@link dev.edgetpulint.compiler.AgreementReport}).
   */
  public dev.edgetpulint.compiler.AgreementReport.PairResult statusAgreement() {
    List<dev.edgetpulint.compiler.ExpectedPair.ExpectedOp> ops = observed.operators().stream()
        .map(o -> new dev.edgetpulint.compiler.ExpectedPair.ExpectedOp(o.subgraph(), o.index(), o.op(), o.placement()))
        .toList();
    List<dev.edgetpulint.compiler.ExpectedPair.LogRow> rows = observed.log() == null ? List.of()
        : observed.log().rows().stream()
            .map(r -> new dev.edgetpulint.compiler.ExpectedPair.LogRow(r.op(), r.count(), r.status())).toList();
    var pair = new dev.edgetpulint.compiler.ExpectedPair("verify", java.nio.file.Path.of(predicted.model().source()),
        observed.runtime(), observed.multipleSubgraphs(),
        observed.log() == null ? null : observed.log().compilerVersion(), ops, rows, -1, observed.edgeTpuCustomOps());
    return new dev.edgetpulint.compiler.AgreementReport().add(pair, predicted);
  }

  private static String quoted(List<String> names) {
    return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
  }

  private static long site(int subgraph, int index) {
    return ((long) subgraph << 32) | (index & 0xffffffffL);
  }
}
