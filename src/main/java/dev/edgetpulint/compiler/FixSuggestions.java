package dev.edgetpulint.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Severity;
import dev.edgetpulint.util.PackagedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fix suggestions engineers can act on: for each operator that cuts the graph (and each model-level
 * error) the rule's own fix, the supported alternative from {@code op-alternatives.yaml}, and the runtime
 * from which it maps when a newer runtime would help.
 */
public final class FixSuggestions {

  /** What to do about one operator (or the model, when {@code placement} is null). */
  public record Suggestion(Placement placement, String problem, List<String> fixes) {
    public Suggestion {
      fixes = List.copyOf(fixes);
    }

    public String where() {
      return placement == null ? "model" : "operators[" + placement.index() + "] " + placement.op();
    }
  }

  private record Alternative(String op, String status, String rule, String message, String use) {
    boolean matches(String opName, String statusText, Finding finding) {
      if (op != null) {
        return op.equals(opName);
      }
      if (status != null) {
        return contains(statusText, status) || (finding != null && contains(finding.compilerStatus(), status));
      }
      if (rule != null) {
        return finding != null && contains(finding.ruleId(), rule);
      }
      if (message != null) {
        return finding != null && contains(finding.message(), message);
      }
      return false;
    }

    private static boolean contains(String text, String part) {
      return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
  }

  private static final List<Alternative> ALTERNATIVES = load();

  private FixSuggestions() {}

  private static List<Alternative> load() {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(PackagedFiles.require("dev/edgetpulint/compiler/op-alternatives.yaml"));
      List<Alternative> out = new ArrayList<>();
      for (JsonNode n : root.path("alternatives")) {
        out.add(new Alternative(text(n, "op"), text(n, "status"), text(n, "rule"), text(n, "message"),
            n.path("use").asText()));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("op-alternatives.yaml is missing from the jar", e);
    }
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }

  /**
   * Suggestions for one analysis.
   *
   * @param analyzer re-runs the compiler path at newer runtimes, to say from which runtime an op maps; may
   *     be null
   */
  public static List<Suggestion> of(ModelAnalysis analysis, ModelAnalyzer analyzer) {
    List<ModelAnalysis> newer = new ArrayList<>();
    if (analyzer != null) {
      for (int r = analysis.options().runtime() + 1; r <= AnalysisOptions.MAX_RUNTIME; r++) {
        newer.add(analyzer.analyze(analysis.model(), analysis.options().withRuntime(r)));
      }
    }
    List<Suggestion> out = new ArrayList<>();
    for (Finding f : analysis.findings()) {
      if (f.location().operator() < 0 && f.severity() == Severity.ERROR) {
        Set<String> fixes = new LinkedHashSet<>();
        if (f.fix() != null) {
          fixes.add(f.fix());
        }
        for (Alternative a : ALTERNATIVES) {
          if (a.matches(null, null, f)) {
            fixes.add(a.use());
          }
        }
        out.add(new Suggestion(null, f.ruleId() + ": " + f.message(), new ArrayList<>(fixes)));
      }
    }
    for (Placement p : analysis.placements()) {
      if (p.reason() != PlacementReason.UNSUPPORTED) {
        continue;
      }
      Set<String> fixes = new LinkedHashSet<>();
      List<Finding> errors = p.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
      for (Finding f : errors) {
        if (f.fix() != null) {
          fixes.add(f.fix());
        }
      }
      for (Alternative a : ALTERNATIVES) {
        if (a.matches(p.op(), p.status(), null) || errors.stream().anyMatch(f -> a.matches(p.op(), p.status(), f))) {
          fixes.add(a.use());
        }
      }
      for (ModelAnalysis later : newer) {
        boolean maps = later.placements().stream().anyMatch(q -> q.subgraph() == p.subgraph() && q.index() == p.index()
            && q.reason() != PlacementReason.UNSUPPORTED && q.reason() != PlacementReason.MODEL_REJECTED);
        if (maps) {
          int r = later.options().runtime();
          fixes.add("Supported from runtime " + r + ": compile with " + CompileRecipe.compilerFor(r)
              + " or newer and -m " + r + " (the devices need libedgetpu runtime " + r + " or newer).");
          break;
        }
      }
      String problem = errors.isEmpty() ? p.status()
          : errors.stream().map(f -> f.ruleId() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse("");
      out.add(new Suggestion(p, problem, new ArrayList<>(fixes)));
    }
    return out;
  }

  public static String render(List<Suggestion> suggestions) {
    StringBuilder out = new StringBuilder();
    for (Suggestion s : suggestions) {
      out.append(s.where()).append(": ").append(s.problem()).append('\n');
      if (s.fixes().isEmpty()) {
        out.append("  fix: no known Edge TPU alternative; move it out of the model or cut before it (-i)\n");
      }
      for (String fix : s.fixes()) {
        out.append("  fix: ").append(fix).append('\n');
      }
    }
    return out.toString();
  }
}
