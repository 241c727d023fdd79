package dev.edgetpulint.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.compiler.Placement;
import dev.edgetpulint.compiler.Target;
import dev.edgetpulint.graph.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder of real pairs in the corpus layout ({@code expected/ID.json} beside {@code models/}), and
 * the linter's agreement with it: a pair agrees when every operator lands where the real compiler put
 * it, judged at the pair's runtime with -a exactly when the compiler used it.
 */
public final class ExpectedCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One expected operator placement. */
  public record ExpectedOperator(int subgraph, int index, String op, Target placement) {}

  /** One pair of the folder. */
  public record ExpectedPair(String id, Path model, int runtime, boolean multipleSubgraphs,
      List<ExpectedOperator> operators) {
    public AnalysisOptions options() {
      return new AnalysisOptions(runtime, multipleSubgraphs);
    }
  }

  /** The outcome for one pair: the operators that disagree, or an error reading/analysing it. */
  public record PairResult(ExpectedPair pair, List<String> disagreements, String error) {
    public boolean agrees() {
      return error == null && disagreements.isEmpty();
    }
  }

  /** The agreement over all pairs: the one number, and the details behind it. */
  public record Agreement(List<PairResult> pairs) {
    public long agreeing() {
      return pairs.stream().filter(PairResult::agrees).count();
    }

    public String summaryLine() {
      int total = pairs.size();
      long ok = agreeing();
      return String.format(java.util.Locale.ROOT, "corpus agreement: %d/%d pairs (%.1f%%)", ok, total,
          total == 0 ? 0.0 : 100.0 * ok / total);
    }

    public String render() {
      StringBuilder out = new StringBuilder();
      for (PairResult r : pairs) {
        if (r.error() != null) {
          out.append("  error     ").append(r.pair().id()).append(": ").append(r.error()).append('\n');
        } else if (!r.disagreements().isEmpty()) {
          out.append("  disagree  ").append(r.pair().id()).append(" (runtime ").append(r.pair().runtime())
              .append(r.pair().multipleSubgraphs() ? ", -a" : "").append("): ")
              .append(r.disagreements().size()).append(" operator(s)\n");
          r.disagreements().stream().limit(10).forEach(d -> out.append("      ").append(d).append('\n'));
          if (r.disagreements().size() > 10) {
            out.append("      ... ").append(r.disagreements().size() - 10).append(" more\n");
          }
        }
      }
      out.append(summaryLine()).append('\n');
      return out.toString();
    }
  }

  /** How to read a model file and how to analyse it. */
  public interface Linter {
    Model read(Path file) throws IOException;

    ModelAnalysis analyze(Model model, AnalysisOptions options);
  }

  private ExpectedCorpus() {}

  /** Reads every {@code expected/*.json} under {@code dir} (or {@code dir} itself when it holds the JSON files). */
  public static List<ExpectedPair> load(Path dir) throws IOException {
    Path expected = Files.isDirectory(dir.resolve("expected")) ? dir.resolve("expected") : dir;
    Path root = expected.equals(dir) ? dir.getParent() == null ? dir : dir.getParent() : dir;
    List<ExpectedPair> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(expected)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        out.add(parse(root, JSON.readTree(file.toFile()), file));
      }
    }
    return out;
  }

  static ExpectedPair parse(Path root, JsonNode node, Path file) throws IOException {
    if (!node.hasNonNull("model") || !node.has("operators")) {
      throw new IOException(file + ": not an expected pair (needs \"model\" and \"operators\")");
    }
    List<ExpectedOperator> ops = new ArrayList<>();
    for (JsonNode op : node.get("operators")) {
      ops.add(new ExpectedOperator(op.path("subgraph").asInt(0), op.path("index").asInt(),
          op.path("op").asText(), "edgetpu".equals(op.path("placement").asText()) ? Target.EDGETPU : Target.CPU));
    }
    int runtime = node.path("runtime").asInt(AnalysisOptions.DEFAULT_RUNTIME);
    String id = node.path("id").asText(file.getFileName().toString().replaceFirst("\\.json$", ""));
    return new ExpectedPair(id, root.resolve(node.get("model").asText()), runtime,
        node.path("multiple_subgraphs").asBoolean(false), ops);
  }

  /** Judges every pair; a pair that cannot be read counts as not agreeing, with its reason. */
  public static Agreement judge(List<ExpectedPair> pairs, Linter linter) {
    List<PairResult> results = new ArrayList<>();
    for (ExpectedPair pair : pairs) {
      try {
        Model model = linter.read(pair.model());
        ModelAnalysis analysis = linter.analyze(model, pair.options());
        results.add(new PairResult(pair, compare(pair, analysis), null));
      } catch (IOException | RuntimeException e) {
        results.add(new PairResult(pair, List.of(), pair.model().getFileName() + ": " + e.getMessage()));
      }
    }
    return new Agreement(results);
  }

  /** The operators whose predicted placement differs from the expected one, one line each. */
  public static List<String> compare(ExpectedPair pair, ModelAnalysis analysis) {
    Map<Long, Placement> bySite = new HashMap<>();
    for (Placement p : analysis.placements()) {
      bySite.put(((long) p.subgraph() << 32) | p.index(), p);
    }
    List<String> out = new ArrayList<>();
    for (ExpectedOperator op : pair.operators()) {
      Placement p = bySite.get(((long) op.subgraph() << 32) | op.index());
      if (p == null || p.target() != op.placement()) {
        out.add("subgraphs[" + op.subgraph() + "].operators[" + op.index() + "] " + op.op() + ": expected "
            + op.placement().id() + ", predicted " + (p == null ? "none" : p.target().id()
            + (p.status() == null ? "" : " (" + p.status() + ")")));
      }
    }
    return out;
  }
}
