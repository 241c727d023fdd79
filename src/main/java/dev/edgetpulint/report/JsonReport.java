package dev.edgetpulint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.edgetpulint.compiler.MemoryEstimate;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.compiler.Placement;
import dev.edgetpulint.compiler.QuantizationStage;
import dev.edgetpulint.graph.EdgeTpuPackage;
import dev.edgetpulint.graph.Span;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Location;
import dev.edgetpulint.service.InputError;
import dev.edgetpulint.service.LintRun;
import dev.edgetpulint.service.ModelReport;
import dev.edgetpulint.service.ReportedFinding;
import dev.edgetpulint.service.UnusedSuppression;
import java.io.IOException;
import java.io.Writer;

/**
 * The report for scripts. The contract (docs/schema/report.schema.json):
 * {@code {"tool":{...},"models":[{"path","runtime","compiled","summary":{"edgetpu","cpu"},
 * "operators":[...],"findings":[...]}],"errors":[{"path","message"}]}}; every input path appears
 * exactly once, in models or in errors. {@code models[].findings} holds every active finding of the
 * model (model-level and per-op); {@code operators[].findings} repeats those located at that op;
 * suppressed findings are listed apart in {@code models[].suppressed}.
 */
public final class JsonReport implements Report {
  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void write(LintRun run, ReportContext context, Writer out) throws IOException {
    out.write(MAPPER.writeValueAsString(toTree(run, context)));
    out.write('\n');
  }

  public static ObjectNode toTree(LintRun run, ReportContext context) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode tool = root.putObject("tool");
    tool.put("name", context.toolName());
    tool.put("version", context.toolVersion());
    tool.put("informationUri", context.informationUri());
    tool.put("formatVersion", FORMAT_VERSION);
    ArrayNode models = root.putArray("models");
    for (ModelReport model : run.models()) {
      model(model, models.addObject());
    }
    ArrayNode errors = root.putArray("errors");
    for (InputError error : run.errors()) {
      errors.addObject().put("path", error.path()).put("message", error.message());
    }
    ArrayNode unused = root.putArray("unusedSuppressions");
    for (UnusedSuppression u : run.unused()) {
      ObjectNode node = unused.addObject();
      node.put("kind", u.kind());
      node.put("source", u.source());
      node.put("path", u.path());
      node.put("rule", u.rule());
      if (u.location() != null) {
        node.put("location", u.location());
      }
      node.put("reason", u.reason());
      node.put("message", u.describe());
    }
    return root;
  }

  private static void model(ModelReport model, ObjectNode node) {
    ModelAnalysis analysis = model.analysis();
    node.put("path", model.path());
    String sha256 = model.contentHash();
    if (sha256 != null) {
      node.put("sha256", sha256);
    }
    node.put("runtime", analysis.options().runtime());
    node.put("compiler", analysis.options().compilerVersion());
    node.put("multipleSubgraphs", analysis.options().multipleSubgraphs());
    node.put("compiled", analysis.model() != null && analysis.model().isCompiled());
    if (analysis.model() != null && !analysis.model().edgeTpuPackages().isEmpty()) {
      ArrayNode packages = node.putArray("edgetpuPackages");
      for (EdgeTpuPackage p : analysis.model().edgeTpuPackages()) {
        ObjectNode pkg = packages.addObject();
        pkg.put("subgraph", p.subgraph());
        pkg.put("operator", p.operator());
        if (p.minRuntimeVersion() >= 0) {
          pkg.put("minRuntimeVersion", p.minRuntimeVersion());
        }
        if (p.compilerVersion() != null) {
          pkg.put("compilerVersion", p.compilerVersion());
        }
      }
    }
    QuantizationStage q = analysis.quantization();
    if (q != null) {
      ObjectNode quantization = node.putObject("quantization");
      quantization.put("kind", q.kind().name());
      quantization.put("compatible", q.compatible());
      quantization.put("summary", q.summary());
      if (q.fix() != null) {
        quantization.put("fix", q.fix());
      }
    }
    ObjectNode summary = node.putObject("summary");
    summary.put("edgetpu", analysis.edgeTpuCount());
    summary.put("cpu", analysis.cpuCount());
    node.put("edgetpuSubgraphs", analysis.edgeTpuSubgraphs());
    MemoryEstimate memory = analysis.memory();
    if (memory != null) {
      ObjectNode m = node.putObject("memory");
      m.put("parameterBytes", memory.parameterBytes());
      m.put("cachedBytes", memory.cachedBytes());
      m.put("streamedBytes", memory.streamedBytes());
      m.put("cacheCapacityBytes", memory.cacheCapacityBytes());
    }
    ArrayNode operators = node.putArray("operators");
    for (Placement p : analysis.placements()) {
      ObjectNode op = operators.addObject();
      op.put("subgraph", p.subgraph());
      op.put("index", p.index());
      op.put("op", p.op());
      op.put("version", p.version());
      op.put("placement", p.target().id());
      op.put("status", p.status());
      if (p.reason() != null) {
        op.put("reason", p.reason().name());
      }
      if (p.causeOperator() >= 0) {
        op.put("causeOperator", p.causeOperator());
      }
      ArrayNode findings = op.putArray("findings");
      for (ReportedFinding f : model.activeAt(p)) {
        finding(model, f, findings.addObject());
      }
    }
    ArrayNode findings = node.putArray("findings");
    ArrayNode suppressed = node.putArray("suppressed");
    for (ReportedFinding f : model.findings()) {
      finding(model, f, (f.suppressed() ? suppressed : findings).addObject());
    }
  }

  private static void finding(ModelReport model, ReportedFinding reported, ObjectNode node) {
    Finding f = reported.finding();
    node.put("rule", f.ruleId());
    node.put("severity", f.severity().id());
    node.put("message", f.message());
    if (f.fix() != null) {
      node.put("fix", f.fix());
    }
    if (f.helpUri() != null) {
      node.put("helpUri", f.helpUri());
    }
    if (f.compilerStatus() != null) {
      node.put("compilerStatus", f.compilerStatus());
    }
    ObjectNode location = node.putObject("location");
    Location l = f.location() == null ? Location.model() : f.location();
    location.put("logical", l.logical());
    if (l.subgraph() >= 0) {
      location.put("subgraph", l.subgraph());
    }
    if (l.operator() >= 0) {
      location.put("operator", l.operator());
    }
    if (l.tensor() >= 0) {
      location.put("tensor", l.tensor());
    }
    if (l.opName() != null) {
      location.put("op", l.opName());
    }
    if (l.tensorName() != null) {
      location.put("tensorName", l.tensorName());
    }
    Span span = Where.span(model, f);
    if (span != null && span.hasLines()) {
      location.put("line", span.startLine());
      location.put("column", Math.max(1, span.startColumn()));
      location.put("endLine", span.endLine());
      location.put("endColumn", span.endColumn());
    }
    if (span != null && span.hasBytes()) {
      location.put("byteOffset", span.byteOffset());
      location.put("byteLength", span.byteLength());
    }
    node.put("fingerprint", reported.fingerprint());
    if (reported.suppressed()) {
      ObjectNode s = node.putObject("suppression");
      s.put("kind", reported.suppression().kind());
      s.put("reason", reported.suppression().reason());
      s.put("source", reported.suppression().source());
    }
  }
}
