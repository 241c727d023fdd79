package dev.edgetpulint.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One real pair of the corpus ({@code expected/ID.json}): a source model and what the real
 * compiler did with it, op by op.
 *
 * @param id the pair's id
 * @param model the source model's path
 * @param runtime the runtime version to judge the pair at
 * @param multipleSubgraphs whether the compiler ran with -a
 * @param compilerVersion the compiler's version from the log, or null
 * @param operators every operator of the source with its real placement
 * @param logTable the log's Operator / Count / Status rows; empty when there is no log
 * @param logOnChipBytes the log's "On-chip memory used for caching model parameters", or -1
 * @param customOps how many edgetpu-custom-op the compiled model has, or -1 when unknown
 */
public record ExpectedPair(
    String id,
    Path model,
    int runtime,
    boolean multipleSubgraphs,
    String compilerVersion,
    List<ExpectedOp> operators,
    List<LogRow> logTable,
    long logOnChipBytes,
    int customOps) {

  public ExpectedPair {
    operators = List.copyOf(operators);
    logTable = List.copyOf(logTable);
  }

  /** One operator and where the real compiler put it ("edgetpu" or "cpu"). */
  public record ExpectedOp(int subgraph, int index, String op, Target placement) {}

  /** One row of the compiler log's table. */
  public record LogRow(String op, int count, String status) {}

  /**
   * The options to judge the pair with: its runtime, -a and its compiler (the log's version, e.g.
   * "2.0.291256449" is judged as 2.0; the default compiler when the log has none or an unknown one).
   */
  public AnalysisOptions options() {
    return new AnalysisOptions(runtime, multipleSubgraphs, AnalysisOptions.compilerOrNull(compilerVersion));
  }

  /** Reads {@code expected/ID.json}; the model path resolves against the corpus folder. */
  public static ExpectedPair read(Path json, Path corpus) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(json));
    String id = root.path("id").asText();
    String modelPath = root.path("model").asText("models/" + id + ".tflite");
    List<ExpectedOp> ops = new ArrayList<>();
    for (JsonNode op : root.path("operators")) {
      ops.add(new ExpectedOp(op.path("subgraph").asInt(0), op.path("index").asInt(),
          op.path("op").asText(), "edgetpu".equals(op.path("placement").asText()) ? Target.EDGETPU : Target.CPU));
    }
    List<LogRow> rows = new ArrayList<>();
    for (JsonNode row : root.path("log_table")) {
      rows.add(new LogRow(row.path("op").asText(), row.path("count").asInt(), row.path("status").asText()));
    }
    JsonNode compiler = root.path("compiler_version");
    long onChip = -1;
    JsonNode log = root.path("log");
    if (log.isTextual() && Files.isRegularFile(corpus.resolve(log.asText()))) {
      onChip = onChipBytes(Files.readString(corpus.resolve(log.asText()), java.nio.charset.StandardCharsets.UTF_8));
    }
    return new ExpectedPair(id, corpus.resolve(modelPath), root.path("runtime").asInt(AnalysisOptions.DEFAULT_RUNTIME),
        root.path("multiple_subgraphs").asBoolean(false), compiler.isTextual() ? compiler.asText() : null,
        ops, rows, onChip, root.path("edgetpu_custom_ops").isInt() ? root.path("edgetpu_custom_ops").asInt() : -1);
  }

  private static final java.util.regex.Pattern ON_CHIP = java.util.regex.Pattern.compile(
      "On-chip memory used for caching model parameters: ([0-9.]+)(B|KiB|MiB)");

  /** The bytes of the log's on-chip memory line ("3.86MiB"), or -1 when the log has none. */
  static long onChipBytes(String log) {
    java.util.regex.Matcher m = ON_CHIP.matcher(log);
    if (!m.find()) {
      return -1;
    }
    double value = Double.parseDouble(m.group(1));
    double unit = switch (m.group(2)) {
      case "KiB" -> 1024.0;
      case "MiB" -> 1024.0 * 1024.0;
      default -> 1.0;
    };
    return Math.round(value * unit);
  }

  /** Every pair of a folder of expected/*.json files, sorted by id. */
  public static List<ExpectedPair> readAll(Path expectedDir, Path corpus) throws IOException {
    List<ExpectedPair> pairs = new ArrayList<>();
    try (var files = Files.list(expectedDir)) {
      for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
        pairs.add(read(file, corpus));
      }
    }
    return pairs;
  }
}
