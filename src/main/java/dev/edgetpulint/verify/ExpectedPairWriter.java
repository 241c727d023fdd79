package dev.edgetpulint.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.edgetpulint.compiler.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a verified pair in the corpus's own layout, so that a team grows its own corpus of real
 * pairs: {@code DIR/expected/ID.json}, {@code DIR/models/ID.tflite}, {@code DIR/models/ID_edgetpu.tflite}
 * and {@code DIR/logs/ID_edgetpu.log} (when a log was given). {@code check --expected DIR} reads it back.
 */
public final class ExpectedPairWriter {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ExpectedPairWriter() {}

  /**
   * The pair id: the compiled file's name without "_edgetpu.tflite" (unique even when one source was
   * compiled several ways, e.g. co-compiled with different models), else the source's name without
   * ".tflite".
   */
  public static String idOf(Path source, Path compiled) {
    String name = compiled.getFileName().toString();
    if (name.endsWith("_edgetpu.tflite") && name.length() > "_edgetpu.tflite".length()) {
      return name.substring(0, name.length() - "_edgetpu.tflite".length());
    }
    name = source.getFileName().toString();
    return name.endsWith(".tflite") ? name.substring(0, name.length() - ".tflite".length()) : name;
  }

  /** Writes the pair; returns the expected file written. */
  public static Path write(Path dir, Path source, Path compiled, Path log, ObservedPair pair) throws IOException {
    String id = idOf(source, compiled);
    Path models = Files.createDirectories(dir.resolve("models"));
    Path expected = Files.createDirectories(dir.resolve("expected"));
    String modelRel = "models/" + id + ".tflite";
    String compiledRel = "models/" + id + "_edgetpu.tflite";
    copy(source, models.resolve(id + ".tflite"));
    copy(compiled, models.resolve(id + "_edgetpu.tflite"));
    String logRel = null;
    if (log != null) {
      Path logs = Files.createDirectories(dir.resolve("logs"));
      copy(log, logs.resolve(id + "_edgetpu.log"));
      logRel = "logs/" + id + "_edgetpu.log";
    }
    Path file = expected.resolve(id + ".json");
    JSON.writeValue(file.toFile(), toJson(id, modelRel, compiledRel, logRel, source, compiled, log, pair));
    return file;
  }

  static ObjectNode toJson(String id, String modelRel, String compiledRel, String logRel, Path source,
      Path compiled, Path log, ObservedPair pair) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", id);
    root.put("model", modelRel);
    root.put("compiled", compiledRel);
    root.put("log", logRel);
    ObjectNode src = root.putObject("source");
    src.put("model_path", source.toString());
    src.put("compiled_path", compiled.toString());
    src.put("log_path", log == null ? null : log.toString());
    LogTable table = pair.log();
    root.put("compiler_version", table == null ? null : table.compilerVersion());
    if (pair.minRuntimeVersion() > 0) {
      root.put("min_runtime_version", pair.minRuntimeVersion());
    } else {
      root.putNull("min_runtime_version");
    }
    root.put("package_compiler_version", pair.packageCompilerVersion());
    root.put("edgetpu_custom_ops", pair.edgeTpuCustomOps());
    ObjectNode summary = root.putObject("summary");
    summary.put("edgetpu", pair.count(Target.EDGETPU));
    summary.put("cpu", pair.count(Target.CPU));
    ArrayNode ops = root.putArray("operators");
    for (ObservedOperator op : pair.operators()) {
      ObjectNode o = ops.addObject();
      o.put("subgraph", op.subgraph());
      o.put("index", op.index());
      o.put("op", op.op());
      o.put("version", op.version());
      ArrayNode outs = o.putArray("outputs");
      op.outputs().forEach(outs::add);
      o.put("placement", op.placement().id());
    }
    if (table != null) {
      ArrayNode rows = root.putArray("log_table");
      for (LogTable.Row row : table.rows()) {
        ObjectNode r = rows.addObject();
        r.put("op", row.op());
        r.put("count", row.count());
        r.put("status", row.status());
      }
      if (table.edgeTpuCount() >= 0) {
        root.put("log_edgetpu", table.edgeTpuCount());
      }
      if (table.cpuCount() >= 0) {
        root.put("log_cpu", table.cpuCount());
      }
    }
    root.put("runtime", pair.runtime());
    root.put("runtime_from", pair.runtimeFrom());
    root.put("multiple_subgraphs", pair.multipleSubgraphs());
    return root;
  }

  private static void copy(Path from, Path to) throws IOException {
    if (!Files.exists(to) || !Files.isSameFile(from, to)) {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
