package dev.edgetpulint.report;

import com.contrastsecurity.sarif.Artifact;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.LogicalLocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Role;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.compiler.Placement;
import dev.edgetpulint.graph.Span;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Severity;
import dev.edgetpulint.service.InputError;
import dev.edgetpulint.service.LintRun;
import dev.edgetpulint.service.ModelReport;
import dev.edgetpulint.service.ReportedFinding;
import dev.edgetpulint.service.RuleInfo;
import dev.edgetpulint.service.UnusedSuppression;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0 as GitHub code scanning ingests it, built with the java-sarif object model. Paths are
 * relative to the repository root (uriBaseId %SRCROOT%); regions are byte ranges in binary models and
 * line/column ranges in description files; partialFingerprints come from rule, model path and logical
 * location, since a line hash means nothing in a binary file.
 */
public final class SarifReport implements Report {
  public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  public static final String FINGERPRINT_KEY = "edgetpuLintFingerprint/v1";
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
      .addMixIn(Result.class, ResultLevelAlwaysWritten.class);

  /**
   * java-sarif leaves out a result's level when it equals its initial value ("warning"), but SARIF
   * readers then take the rule's default level, which may be "note" or "error": always write it.
   */
  private abstract static class ResultLevelAlwaysWritten {
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @com.fasterxml.jackson.annotation.JsonProperty("level")
    private Result.Level level;
  }

  @Override
  public void write(LintRun run, ReportContext context, Writer out) throws IOException {
    out.write(MAPPER.writeValueAsString(toLog(run, context)));
    out.write('\n');
  }

  public static SarifSchema210 toLog(LintRun run, ReportContext context) {
    List<RuleInfo> rules = new ArrayList<>(run.rules());
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      ruleIndex.put(rules.get(i).id(), i);
    }
    Set<ReportingDescriptor> descriptors = new LinkedHashSet<>();
    for (RuleInfo rule : rules) {
      descriptors.add(descriptor(rule));
    }
    ToolComponent driver = new ToolComponent()
        .withName(context.toolName())
        .withVersion(context.toolVersion())
        .withSemanticVersion(context.toolVersion())
        .withInformationUri(URI.create(context.informationUri()))
        .withRules(descriptors);

    List<Artifact> artifacts = new ArrayList<>();
    Map<String, Integer> artifactIndex = new LinkedHashMap<>();
    List<Result> results = new ArrayList<>();
    for (ModelReport model : run.models()) {
      int index = artifacts.size();
      artifactIndex.put(model.path(), index);
      artifacts.add(artifact(model, context, index));
      for (ReportedFinding reported : model.findings()) {
        results.add(result(model, reported, ruleIndex, artifactLocation(model.file(), context, index)));
      }
    }
    List<Notification> notifications = new ArrayList<>();
    for (InputError error : run.errors()) {
      notifications.add(new Notification()
          .withLevel(Notification.Level.ERROR)
          .withMessage(new Message().withText(error.path() + ": " + error.message()))
          .withLocations(new LinkedHashSet<>(List.of(new com.contrastsecurity.sarif.Location()
              .withPhysicalLocation(new PhysicalLocation()
                  .withArtifactLocation(artifactLocation(context.workingDirectory().resolve(error.path()), context, null)))))));
    }
    List<Notification> configuration = new ArrayList<>();
    for (UnusedSuppression unused : run.unused()) {
      configuration.add(new Notification()
          .withLevel(Notification.Level.WARNING)
          .withMessage(new Message().withText(unused.describe()))
          .withLocations(new LinkedHashSet<>(List.of(new com.contrastsecurity.sarif.Location()
              .withPhysicalLocation(new PhysicalLocation()
                  .withArtifactLocation(artifactLocation(
                      context.workingDirectory().resolve(unused.source().replaceFirst(":\\d+$", "")), context, null))))))
          .withProperties(new PropertyBag()
              .withAdditionalProperty("kind", unused.kind())
              .withAdditionalProperty("rule", unused.rule())
              .withAdditionalProperty("reason", unused.reason())));
    }
    Invocation invocation = new Invocation()
        .withExecutionSuccessful(run.errors().isEmpty())
        .withToolExecutionNotifications(notifications)
        .withToolConfigurationNotifications(configuration);
    if (!context.arguments().isEmpty()) {
      invocation.withArguments(context.arguments());
    }
    OriginalUriBaseIds baseIds = new OriginalUriBaseIds().withAdditionalProperty(ReportContext.SRCROOT,
        new ArtifactLocation().withUri(rootUri(context.sourceRoot())));
    Run sarifRun = new Run()
        .withTool(new Tool().withDriver(driver))
        .withOriginalUriBaseIds(baseIds)
        .withArtifacts(new LinkedHashSet<>(artifacts))
        .withInvocations(List.of(invocation))
        .withColumnKind(Run.ColumnKind.UNICODE_CODE_POINTS)
        .withResults(results);
    return new SarifSchema210()
        .with$schema(URI.create(SCHEMA_URI))
        .withVersion(SarifSchema210.Version._2_1_0)
        .withRuns(List.of(sarifRun));
  }

  private static ReportingDescriptor descriptor(RuleInfo rule) {
    String shortText = firstSentence(rule.shortDescription());
    String fullText = rule.fullDescription() == null || rule.fullDescription().isBlank()
        ? shortText : rule.fullDescription();
    String helpText = rule.helpText() == null || rule.helpText().isBlank() ? fullText : rule.helpText();
    String helpMarkdown = rule.helpMarkdown() == null || rule.helpMarkdown().isBlank() ? helpText : rule.helpMarkdown();
    ReportingDescriptor d = new ReportingDescriptor()
        .withId(rule.id())
        .withName(pascalName(rule.name() == null ? rule.id() : rule.name()))
        .withShortDescription(new MultiformatMessageString().withText(shortText))
        .withFullDescription(new MultiformatMessageString().withText(fullText))
        .withHelp(new MultiformatMessageString().withText(helpText).withMarkdown(helpMarkdown))
        .withDefaultConfiguration(new ReportingConfiguration().withLevel(configurationLevel(rule.defaultSeverity())));
    if (rule.helpUri() != null && !rule.helpUri().isBlank()) {
      d.withHelpUri(URI.create(rule.helpUri()));
    }
    return d;
  }

  private static Artifact artifact(ModelReport model, ReportContext context, int index) {
    ModelAnalysis analysis = model.analysis();
    PropertyBag properties = new PropertyBag()
        .withAdditionalProperty("runtime", analysis.options().runtime())
        .withAdditionalProperty("multipleSubgraphs", analysis.options().multipleSubgraphs())
        .withAdditionalProperty("compiled", analysis.model() != null && analysis.model().isCompiled())
        .withAdditionalProperty("summary", summary(analysis));
    if (analysis.quantization() != null) {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("kind", analysis.quantization().kind().name());
      q.put("compatible", analysis.quantization().compatible());
      q.put("summary", analysis.quantization().summary());
      properties.withAdditionalProperty("quantization", q);
    }
    if (analysis.memory() != null) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("parameterBytes", analysis.memory().parameterBytes());
      m.put("cachedBytes", analysis.memory().cachedBytes());
      m.put("streamedBytes", analysis.memory().streamedBytes());
      m.put("cacheCapacityBytes", analysis.memory().cacheCapacityBytes());
      properties.withAdditionalProperty("memory", m);
    }
    List<Map<String, Object>> table = new ArrayList<>();
    for (Map.Entry<String, Integer> row : TextReport.table(analysis.placements()).entrySet()) {
      String[] key = row.getKey().split("\u0000", 2);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("operator", key[0]);
      r.put("count", row.getValue());
      r.put("status", key[1]);
      table.add(r);
    }
    properties.withAdditionalProperty("operators", table);
    ArtifactLocation location = artifactLocation(model.file(), context, null);
    Artifact artifact = new Artifact()
        .withLocation(location)
        .withRoles(new LinkedHashSet<>(List.of(Role.ANALYSIS_TARGET)))
        .withMimeType(model.path().endsWith(".yaml") ? "application/yaml" : "application/octet-stream")
        .withProperties(properties);
    String sha256 = model.contentHash();
    if (sha256 != null) {
      artifact.withHashes(new com.contrastsecurity.sarif.Hashes().withAdditionalProperty("sha-256", sha256));
    }
    return artifact;
  }

  private static Map<String, Object> summary(ModelAnalysis analysis) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("edgetpu", analysis.edgeTpuCount());
    summary.put("cpu", analysis.cpuCount());
    summary.put("edgetpuSubgraphs", analysis.edgeTpuSubgraphs());
    return summary;
  }

  private static Result result(ModelReport model, ReportedFinding reported, Map<String, Integer> ruleIndex,
      ArtifactLocation artifactLocation) {
    Finding f = reported.finding();
    String logical = Where.logical(f);
    StringBuilder message = new StringBuilder(Where.messageWithSubject(f));
    if (f.fix() != null && !f.fix().isBlank()) {
      if (message.length() > 0 && ".!?".indexOf(message.charAt(message.length() - 1)) < 0) {
        message.append('.');
      }
      message.append(" Fix: ").append(f.fix());
    }
    PhysicalLocation physical = new PhysicalLocation().withArtifactLocation(artifactLocation);
    Span span = Where.span(model, f);
    if (span != null && span.hasLines()) {
      physical.withRegion(new Region()
          .withStartLine(span.startLine())
          .withStartColumn(Math.max(1, span.startColumn()))
          .withEndLine(Math.max(span.startLine(), span.endLine()))
          .withEndColumn(span.endColumn() > 0 ? span.endColumn() : null));
    } else if (span != null && span.hasBytes()) {
      physical.withRegion(new Region()
          .withByteOffset((int) Math.min(Integer.MAX_VALUE, span.byteOffset()))
          .withByteLength((int) Math.min(Integer.MAX_VALUE, Math.max(0, span.byteLength()))));
    } else {
      physical.withRegion(wholeFile(model));
    }
    com.contrastsecurity.sarif.Location location = new com.contrastsecurity.sarif.Location()
        .withPhysicalLocation(physical)
        .withLogicalLocations(new LinkedHashSet<>(List.of(logicalLocation(f, logical))));
    Result result = new Result()
        .withRuleId(f.ruleId())
        .withLevel(resultLevel(f.severity()))
        .withMessage(new Message().withText(message.toString()))
        .withLocations(List.of(location))
        .withPartialFingerprints(new PartialFingerprints().withAdditionalProperty(FINGERPRINT_KEY, reported.fingerprint()));
    Integer index = ruleIndex.get(f.ruleId());
    if (index != null) {
      result.withRuleIndex(index);
    }
    if (f.compilerStatus() != null) {
      result.withProperties(new PropertyBag().withAdditionalProperty("compilerStatus", f.compilerStatus()));
    }
    if (reported.suppressed()) {
      result.withSuppressions(new LinkedHashSet<>(List.of(new Suppression()
          .withKind("inSource".equals(reported.suppression().kind()) ? Suppression.Kind.IN_SOURCE : Suppression.Kind.EXTERNAL)
          .withStatus(Suppression.Status.ACCEPTED)
          .withJustification(reported.suppression().reason())
          .withProperties(new PropertyBag()
              .withAdditionalProperty("source", reported.suppression().source())
              .withAdditionalProperty("via", reported.suppression().kind())))));
    }
    return result;
  }

  /** A finding about the model as a whole covers the whole file: line 1 of a description, every byte of a binary. */
  private static Region wholeFile(ModelReport model) {
    if (model.path().endsWith(".yaml")) {
      return new Region().withStartLine(1);
    }
    try {
      long size = java.nio.file.Files.size(model.file());
      return new Region().withByteOffset(0).withByteLength((int) Math.min(Integer.MAX_VALUE, size));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static LogicalLocation logicalLocation(Finding f, String logical) {
    dev.edgetpulint.rules.Location l = f.location();
    LogicalLocation location = new LogicalLocation().withFullyQualifiedName(logical);
    if (l == null || logical.equals("model")) {
      return location.withName("model").withKind("module");
    }
    if (l.operator() >= 0) {
      location.withName(l.opName() == null ? logical : l.opName()).withKind("function");
    } else if (l.tensor() >= 0) {
      location.withName(l.tensorName() == null || l.tensorName().isEmpty() ? logical : l.tensorName()).withKind("variable");
    } else {
      location.withName(logical).withKind("namespace");
    }
    if (l.tensorName() != null && l.operator() >= 0) {
      location.withProperties(new PropertyBag().withAdditionalProperty("tensor", l.tensorName()));
    }
    return location;
  }

  /** Relative to the source root with uriBaseId when inside it, else an absolute file URI. */
  static ArtifactLocation artifactLocation(Path file, ReportContext context, Integer index) {
    Path absolute = file.toAbsolutePath().normalize();
    ArtifactLocation location = new ArtifactLocation();
    if (absolute.startsWith(context.sourceRoot())) {
      String relative = context.sourceRoot().relativize(absolute).toString().replace('\\', '/');
      location.withUri(encodePath(relative)).withUriBaseId(ReportContext.SRCROOT);
    } else {
      location.withUri(absolute.toUri().toString());
    }
    if (index != null) {
      location.withIndex(index);
    }
    return location;
  }

  private static String rootUri(Path root) {
    String uri = root.toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  private static String encodePath(String relative) {
    try {
      return new URI(null, null, relative, null).getRawPath();
    } catch (URISyntaxException e) {
      return relative;
    }
  }

  private static Result.Level resultLevel(Severity severity) {
    return switch (severity) {
      case ERROR -> Result.Level.ERROR;
      case WARNING -> Result.Level.WARNING;
      case INFO -> Result.Level.NOTE;
      case OFF -> Result.Level.NONE;
    };
  }

  private static ReportingConfiguration.Level configurationLevel(Severity severity) {
    return switch (severity == null ? Severity.WARNING : severity) {
      case ERROR -> ReportingConfiguration.Level.ERROR;
      case WARNING -> ReportingConfiguration.Level.WARNING;
      case INFO -> ReportingConfiguration.Level.NOTE;
      case OFF -> ReportingConfiguration.Level.NONE;
    };
  }

  /** SARIF wants a friendly name without the id's separators: "EDGETPU-CONV2D-DILATION" -> "EdgetpuConv2dDilation". */
  static String pascalName(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return out.length() == 0 ? "Rule" : out.toString();
  }

  private static String firstSentence(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String trimmed = text.strip();
    int end = trimmed.indexOf(". ");
    return end > 0 ? trimmed.substring(0, end + 1) : trimmed;
  }
}
