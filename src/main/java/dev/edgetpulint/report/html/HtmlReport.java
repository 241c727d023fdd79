package dev.edgetpulint.report.html;

import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.compiler.ModelAnalyzer;
import dev.edgetpulint.report.Report;
import dev.edgetpulint.report.ReportContext;
import dev.edgetpulint.service.LintRun;
import dev.edgetpulint.service.ModelReport;
import dev.edgetpulint.service.ReportedFinding;
import java.io.IOException;
import java.io.Writer;
import dev.edgetpulint.compiler.Placement;
import dev.edgetpulint.compiler.PlacementReason;
import dev.edgetpulint.compiler.RuntimeMatrix;
import dev.edgetpulint.compiler.Target;
import dev.edgetpulint.compiler.TransferLearning;
import dev.edgetpulint.compiler.FixSuggestions;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The visual report: one self-contained HTML document (inline CSS and SVG, no script, nothing fetched
 * at view time) with a section per model: the operator graph drawn with a layered layout, each
 * operator coloured by placement (Edge TPU; CPU because unsupported; CPU as collateral after the cut;
 * CPU at a float I/O edge), the cut edges marked, each finding linked to its operator, and beside the
 * graph the summary, the compile command, fix suggestions, the runtime matrix and transfer-learning
 * readiness.
 */
public final class HtmlReport implements Report {
  private final ModelAnalyzer analyzer;

  /**
   * @param analyzer re-runs the compiler path for the runtime matrix, the -a estimate and the
   *     newest-runtime fix hints; null leaves those parts out
   */
  public HtmlReport(ModelAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  @Override
  public void write(LintRun run, ReportContext context, Writer out) throws IOException {
    List<ModelInsights> insights = new ArrayList<>();
    for (ModelReport model : run.models()) {
      ModelAnalysis a = model.analysis();
      List<Finding> active = model.active().stream().map(ReportedFinding::finding).toList();
      ModelAnalysis shown = new ModelAnalysis(a.model(), a.options(), a.quantization(), a.placements(), a.memory(),
          active);
      insights.add(ModelInsights.of(shown, analyzer));
    }
    List<String> errors = run.errors().stream().map(e -> e.path() + ": " + e.message()).toList();
    out.write(render(insights, errors));
  }

  static final double NODE_W = 168;
  static final double NODE_H = 38;

  /** The CSS class, legend label and badge of a placement. */
  enum Kind {
    EDGETPU("edgetpu", "Edge TPU", "TPU"),
    UNSUPPORTED("unsupported", "CPU: unsupported (the cut)", "CPU \u2715"),
    COLLATERAL("collateral", "CPU: after the cut", "CPU \u2193"),
    BOUNDARY("boundary", "CPU: float I/O edge", "CPU io"),
    REJECTED("rejected", "CPU: model rejected", "CPU");

    final String css;
    final String label;
    final String badge;

    Kind(String css, String label, String badge) {
      this.css = css;
      this.label = label;
      this.badge = badge;
    }

    static Kind of(Placement p) {
      if (p == null) {
        return REJECTED;
      }
      if (p.target() == Target.EDGETPU) {
        return EDGETPU;
      }
      return switch (p.reason()) {
        case UNSUPPORTED -> UNSUPPORTED;
        case COLLATERAL -> COLLATERAL;
        case IO_BOUNDARY -> BOUNDARY;
        case MODEL_REJECTED -> REJECTED;
        case MAPPED -> EDGETPU;
      };
    }
  }

  public static String render(List<ModelInsights> reports) {
    return render(reports, List.of());
  }

  /** The page; {@code errors} are the inputs that could not be judged, one line each. */
  public static String render(List<ModelInsights> reports, List<String> errors) {
    StringBuilder out = new StringBuilder(64 * 1024);
    String title = reports.size() == 1 ? "edgetpu-lint: " + name(reports.get(0).analysis().model())
        : "edgetpu-lint: " + reports.size() + " models";
    if (reports.isEmpty()) {
      title = "edgetpu-lint: no model judged";
    }
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    out.append("<header><h1>").append(esc(title)).append("</h1>");
    out.append(legend()).append("</header>\n");
    if (!errors.isEmpty()) {
      out.append("<section class=\"errors\"><h2>Not judged</h2><ul>");
      errors.forEach(e -> out.append("<li>").append(esc(e)).append("</li>"));
      out.append("</ul></section>\n");
    }
    if (reports.size() > 1) {
      out.append("<nav class=\"toc\"><ol>");
      for (int i = 0; i < reports.size(); i++) {
        out.append("<li><a href=\"#m").append(i).append("\">").append(esc(name(reports.get(i).analysis().model())))
            .append("</a></li>");
      }
      out.append("</ol></nav>\n");
    }
    for (int i = 0; i < reports.size(); i++) {
      section(out, "m" + i, reports.get(i));
    }
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  private static String legend() {
    StringBuilder out = new StringBuilder("<ul class=\"legend\">");
    for (Kind k : Kind.values()) {
      out.append("<li><span class=\"swatch ").append(k.css).append("\"></span>").append(esc(k.label)).append("</li>");
    }
    out.append("<li><span class=\"swatch cutline\"></span>cut edge (Edge TPU \u2192 CPU)</li></ul>");
    return out.toString();
  }

  private static void section(StringBuilder out, String id, ModelInsights report) {
    ModelAnalysis a = report.analysis();
    Model model = a.model();
    Map<String, Integer> findingIds = new HashMap<>();
    List<Finding> findings = a.findings();
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      if (f.location().operator() >= 0) {
        findingIds.putIfAbsent(f.location().subgraph() + ":" + f.location().operator(), i);
      }
    }
    out.append("<section class=\"model\" id=\"").append(id).append("\">\n<h2>").append(esc(name(model)))
        .append("</h2>\n<div class=\"layout\">\n<div class=\"graph\">\n");
    for (Subgraph graph : model.subgraphs()) {
      if (!graph.operators().isEmpty()) {
        svg(out, id, graph, a, findingIds);
      }
    }
    out.append("</div>\n<aside>\n");
    summary(out, report);
    recipe(out, report);
    fixes(out, id, report);
    findingsList(out, id, findings);
    matrix(out, report.matrix());
    transfer(out, report.transferLearning());
    out.append("</aside>\n</div>\n</section>\n");
  }

  private static void summary(StringBuilder out, ModelInsights report) {
    ModelAnalysis a = report.analysis();
    Map<Kind, Integer> counts = new java.util.EnumMap<>(Kind.class);
    for (Placement p : a.placements()) {
      counts.merge(Kind.of(p), 1, Integer::sum);
    }
    out.append("<h3>Summary</h3>\n<table class=\"summary\">\n");
    row(out, "File", a.model().source());
    row(out, "Runtime", a.options().runtime() + (a.options().multipleSubgraphs() ? " with -a (multiple subgraphs)" : ""));
    if (a.quantization() != null) {
      row(out, "Quantization", a.quantization().kind() + (a.quantization().compatible() ? "" : " (not accepted)")
          + (a.quantization().summary() == null ? "" : ": " + a.quantization().summary()));
    }
    out.append("<tr><th>Operators</th><td>").append(a.placements().size()).append("</td></tr>\n");
    for (Kind k : Kind.values()) {
      int n = counts.getOrDefault(k, 0);
      if (n > 0 || k == Kind.EDGETPU) {
        out.append("<tr class=\"count ").append(k.css).append("\"><th><span class=\"swatch ").append(k.css)
            .append("\"></span>").append(esc(k.label)).append("</th><td>").append(n).append("</td></tr>\n");
      }
    }
    if (a.memory() != null) {
      row(out, "Parameters", mib(a.memory().parameterBytes()) + " (cached " + mib(a.memory().cachedBytes())
          + ", streamed " + mib(a.memory().streamedBytes()) + " of " + mib(a.memory().cacheCapacityBytes()) + " cache)");
    }
    long errors = a.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = a.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
    row(out, "Findings", errors + " error(s), " + warnings + " warning(s), " + a.findings().size() + " in all");
    out.append("</table>\n");
  }

  private static void recipe(StringBuilder out, ModelInsights report) {
    if (report.cut() != null && report.cut().hasCut()) {
      out.append("<h3>The cut</h3>\n<ul class=\"advice\">");
      for (String line : report.cut().advice(report.analysis().options().runtime())) {
        out.append("<li>").append(esc(line)).append("</li>");
      }
      out.append("</ul>\n");
    }
    if (report.recipe() != null) {
      out.append("<h3>Compile command</h3>\n<pre class=\"cmd\">").append(esc(report.recipe().commandLine()))
          .append("</pre>\n");
    }
  }

  private static void fixes(StringBuilder out, String id, ModelInsights report) {
    if (report.fixes().isEmpty()) {
      return;
    }
    out.append("<h3>Fix suggestions</h3>\n<ol class=\"fixes\">\n");
    for (FixSuggestions.Suggestion s : report.fixes()) {
      out.append("<li>");
      if (s.placement() != null) {
        out.append("<a href=\"#").append(opId(id, s.placement().subgraph(), s.placement().index())).append("\">")
            .append(esc(s.where())).append("</a>");
      } else {
        out.append("model");
      }
      out.append(": ").append(esc(s.problem())).append("<ul>");
      for (String fix : s.fixes()) {
        out.append("<li>").append(esc(fix)).append("</li>");
      }
      out.append("</ul></li>\n");
    }
    out.append("</ol>\n");
  }

  private static void findingsList(StringBuilder out, String id, List<Finding> findings) {
    out.append("<h3>Findings</h3>\n");
    if (findings.isEmpty()) {
      out.append("<p>None.</p>\n");
      return;
    }
    out.append("<ol class=\"findings\">\n");
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      out.append("<li id=\"").append(id).append("-f").append(i).append("\" class=\"finding ")
          .append(f.severity().id()).append("\"><span class=\"sev\">").append(f.severity().id())
          .append("</span> <code>").append(esc(f.ruleId())).append("</code> ");
      if (f.location().operator() >= 0) {
        out.append("<a class=\"at\" href=\"#").append(opId(id, f.location().subgraph(), f.location().operator()))
            .append("\">operators[").append(f.location().operator()).append("]")
            .append(f.location().opName() == null ? "" : " " + esc(f.location().opName())).append("</a> ");
      } else {
        out.append("<span class=\"at\">").append(esc(f.location().logical())).append("</span> ");
      }
      out.append("<div class=\"msg\">").append(esc(f.message())).append("</div>");
      if (f.fix() != null) {
        out.append("<div class=\"fix\">Fix: ").append(esc(f.fix())).append("</div>");
      }
      if (f.helpUri() != null) {
        out.append("<div class=\"help\"><a href=\"").append(esc(f.helpUri())).append("\">").append(esc(f.helpUri()))
            .append("</a></div>");
      }
      out.append("</li>\n");
    }
    out.append("</ol>\n");
  }

  private static void matrix(StringBuilder out, RuntimeMatrix matrix) {
    if (matrix == null) {
      return;
    }
    out.append("<h3>Runtime matrix").append(matrix.multipleSubgraphs() ? " (-a)" : "").append("</h3>\n");
    if (!dev.edgetpulint.compiler.AnalysisOptions.DEFAULT_COMPILER.equals(matrix.compilerVersion())) {
      out.append("<p>Judged with the rules of compiler ").append(esc(matrix.compilerVersion()))
          .append(", which cannot target a newer runtime than its default.</p>\n");
    }
    out.append("<table class=\"matrix\"><tr><th>runtime</th><th>compiler</th><th>Edge TPU</th><th>CPU</th><th>cut</th></tr>\n");
    int best = matrix.bestRuntime();
    for (RuntimeMatrix.Row row : matrix.rows()) {
      out.append("<tr").append(row.runtime() == best ? " class=\"best\"" : "").append("><td>").append(row.runtime())
          .append("</td><td>").append(dev.edgetpulint.compiler.CompileRecipe.compilerFor(row.runtime()))
          .append("</td><td>").append(row.edgeTpu()).append("</td><td>").append(row.cpu()).append("</td><td>")
          .append(esc(row.cutText())).append("</td></tr>\n");
    }
    out.append("</table>\n");
    if (matrix.untargetable() != null) {
      out.append("<p>").append(esc(matrix.untargetable())).append(".</p>\n");
    }
  }

  private static void transfer(StringBuilder out, List<TransferLearning.Readiness> readiness) {
    if (readiness.isEmpty()) {
      return;
    }
    out.append("<h3>Transfer learning on the device</h3>\n<ul class=\"transfer\">\n");
    for (TransferLearning.Readiness r : readiness) {
      out.append("<li class=\"").append(r.ready() ? "ready" : "notready").append("\"><b>").append(esc(r.method()))
          .append(": ").append(r.ready() ? "ready" : "not ready").append("</b><ul>");
      for (String line : r.reasons()) {
        out.append("<li>").append(esc(line)).append("</li>");
      }
      out.append("</ul></li>\n");
    }
    out.append("</ul>\n");
  }

  /** Draws one subgraph: graph inputs, operators and graph outputs as nodes; tensors as edges. */
  private static void svg(StringBuilder out, String id, Subgraph graph, ModelAnalysis a, Map<String, Integer> findingIds) {
    Map<Integer, Placement> placements = new HashMap<>();
    for (Placement p : a.placements()) {
      if (p.subgraph() == graph.index()) {
        placements.put(p.index(), p);
      }
    }
    List<Operator> ops = graph.operators();
    int inputs = graph.inputs().size();
    int nodeCount = inputs + ops.size() + graph.outputs().size();
    Map<Integer, Integer> producer = new HashMap<>(); // tensor -> node
    for (int i = 0; i < inputs; i++) {
      producer.put(graph.inputs().get(i), i);
    }
    for (Operator op : ops) {
      for (int t : op.outputs()) {
        producer.put(t, inputs + op.index());
      }
    }
    List<int[]> edges = new ArrayList<>();
    List<Integer> edgeTensor = new ArrayList<>();
    for (Operator op : ops) {
      for (int t : op.inputs()) {
        Integer from = producer.get(t);
        if (from != null) {
          edges.add(new int[] {from, inputs + op.index()});
          edgeTensor.add(t);
        }
      }
    }
    for (int i = 0; i < graph.outputs().size(); i++) {
      Integer from = producer.get(graph.outputs().get(i));
      if (from != null) {
        edges.add(new int[] {from, inputs + ops.size() + i});
        edgeTensor.add(graph.outputs().get(i));
      }
    }
    LayeredLayout.Layout layout = new LayeredLayout(NODE_W, NODE_H, 26, 34).layout(nodeCount, edges);
    out.append("<figure class=\"subgraph\"><figcaption>subgraph ").append(graph.index())
        .append(graph.name().isEmpty() ? "" : " \u201c" + esc(graph.name()) + "\u201d").append(": ")
        .append(ops.size()).append(" operators");
    ops.stream().map(op -> placements.get(op.index()))
        .filter(p -> p != null && p.reason() == PlacementReason.UNSUPPORTED).findFirst()
        .ifPresent(p -> out.append(" \u2014 <a href=\"#").append(opId(id, graph.index(), p.index()))
            .append("\">jump to the cut (operators[").append(p.index()).append("] ").append(esc(p.op()))
            .append(")</a>"));
    out.append("</figcaption>\n");
    out.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"opgraph\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"operator graph\">%n",
        layout.width(), layout.height(), layout.width(), layout.height()));
    out.append("<defs><marker id=\"").append(id).append("-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" ")
        .append("markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#777\"/></marker></defs>\n");
    // Edges first, so that nodes cover their ends.
    out.append("<g class=\"edges\">\n");
    List<String> cutLabels = new ArrayList<>();
    for (int e = 0; e < layout.routes().size(); e++) {
      LayeredLayout.Route route = layout.routes().get(e);
      Placement from = nodePlacement(route.from(), inputs, ops.size(), placements);
      Placement to = nodePlacement(route.to(), inputs, ops.size(), placements);
      boolean cut = from != null && to != null && from.target() == Target.EDGETPU && to.target() == Target.CPU
          && to.reason() != PlacementReason.IO_BOUNDARY;
      Tensor tensor = graph.tensor(edgeTensor.get(e));
      out.append("<path class=\"edge").append(cut ? " cut" : "").append("\" d=\"").append(path(route.points()))
          .append("\"").append(cut ? "" : " marker-end=\"url(#" + id + "-arrow)\"").append(">");
      if (tensor != null) {
        out.append("<title>").append(esc(tensor.name() + " " + tensor.type() + " " + tensor.shape()))
            .append(cut ? " \u2014 cut here (-i " + esc(tensor.name()) + ")" : "").append("</title>");
      }
      out.append("</path>\n");
      if (cut) {
        double[] mid = midpoint(route.points());
        cutLabels.add(String.format(Locale.ROOT,
            "<g class=\"cutmark\"><rect x=\"%.1f\" y=\"%.1f\" width=\"34\" height=\"16\" rx=\"3\"/><text x=\"%.1f\" y=\"%.1f\">cut</text></g>%n",
            mid[0] - 17, mid[1] - 8, mid[0], mid[1] + 4));
      }
    }
    out.append("</g>\n");
    out.append("<g class=\"nodes\">\n");
    for (int n = 0; n < nodeCount; n++) {
      LayeredLayout.Position pos = layout.positions().get(n);
      double x = pos.x() - NODE_W / 2;
      double y = pos.y() - NODE_H / 2;
      if (n < inputs || n >= inputs + ops.size()) {
        boolean isInput = n < inputs;
        int t = isInput ? graph.inputs().get(n) : graph.outputs().get(n - inputs - ops.size());
        Tensor tensor = graph.tensor(t);
        String label = (isInput ? "input " : "output ") + (tensor == null ? "#" + t : tensor.type() + " " + tensor.shape());
        out.append(String.format(Locale.ROOT,
            "<g class=\"io\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" rx=\"19\"/>"
                + "<text x=\"%.1f\" y=\"%.1f\">%s</text><title>%s</title></g>%n",
            x, y, NODE_W, NODE_H, pos.x(), pos.y() + 4, esc(clip(label, 26)),
            esc(tensor == null ? label : tensor.name() + ": " + label)));
        continue;
      }
      Operator op = ops.get(n - inputs);
      Placement p = placements.get(op.index());
      Kind kind = Kind.of(p);
      Integer finding = findingIds.get(graph.index() + ":" + op.index());
      String href = finding != null ? "#" + id + "-f" + finding : null;
      out.append("<g class=\"op ").append(kind.css).append("\" id=\"").append(opId(id, graph.index(), op.index()))
          .append("\" data-op=\"").append(op.index()).append("\" data-placement=\"")
          .append(p == null ? "none" : p.target().id()).append("\">");
      if (href != null) {
        out.append("<a href=\"").append(href).append("\">");
      }
      out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" rx=\"4\"/>",
          x, y, NODE_W, NODE_H));
      out.append(String.format(Locale.ROOT, "<text class=\"name\" x=\"%.1f\" y=\"%.1f\">%s</text>", x + 8, y + 16,
          esc(clip(op.displayName(), 22))));
      out.append(String.format(Locale.ROOT, "<text class=\"sub\" x=\"%.1f\" y=\"%.1f\">#%d%s</text>", x + 8, y + 31,
          op.index(), finding != null ? "  \u26a0 finding" : ""));
      out.append(String.format(Locale.ROOT, "<text class=\"badge\" x=\"%.1f\" y=\"%.1f\">%s</text>", x + NODE_W - 6,
          y + 31, esc(kind.badge)));
      if (href != null) {
        out.append("</a>");
      }
      out.append("<title>").append(esc("operators[" + op.index() + "] " + op.displayName() + " v" + op.version()
          + "\n" + (p == null ? "no placement" : p.target().id() + ": " + p.status()
          + (p.causeOperator() >= 0 ? " (after operators[" + p.causeOperator() + "])" : ""))
          + outputsText(graph, op))).append("</title></g>\n");
    }
    out.append("</g>\n<g class=\"cutmarks\">\n");
    cutLabels.forEach(out::append);
    out.append("</g>\n</svg>\n</figure>\n");
  }

  private static String outputsText(Subgraph graph, Operator op) {
    StringBuilder out = new StringBuilder();
    for (int t : op.outputs()) {
      Tensor tensor = graph.tensor(t);
      if (tensor != null) {
        out.append("\n\u2192 ").append(tensor.name()).append(' ').append(tensor.type()).append(' ').append(tensor.shape());
      }
    }
    return out.toString();
  }

  private static Placement nodePlacement(int node, int inputs, int ops, Map<Integer, Placement> placements) {
    if (node < inputs || node >= inputs + ops) {
      return null;
    }
    return placements.get(node - inputs);
  }

  private static String path(List<double[]> points) {
    StringBuilder d = new StringBuilder();
    double[] first = points.get(0);
    d.append(String.format(Locale.ROOT, "M%.1f,%.1f", first[0], first[1]));
    for (int i = 1; i < points.size(); i++) {
      double[] a = points.get(i - 1);
      double[] b = points.get(i);
      double my = (a[1] + b[1]) / 2;
      d.append(String.format(Locale.ROOT, " C%.1f,%.1f %.1f,%.1f %.1f,%.1f", a[0], my, b[0], my, b[0], b[1]));
    }
    return d.toString();
  }

  private static double[] midpoint(List<double[]> points) {
    double[] a = points.get(0);
    double[] b = points.get(Math.min(1, points.size() - 1));
    return new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2};
  }

  static String opId(String section, int subgraph, int op) {
    return section + "-op-" + subgraph + "-" + op;
  }

  private static void row(StringBuilder out, String key, String value) {
    out.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.2f MiB", bytes / 1048576.0);
  }

  private static String name(Model model) {
    String s = model.source();
    int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
    return slash >= 0 ? s.substring(slash + 1) : s;
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final String CSS = """
      :root { font-family: "DejaVu Sans", system-ui, sans-serif; color: #222; }
      body { margin: 0; background: #fafafa; }
      header { padding: 10px 18px; background: #263238; color: #fff; }
      header h1 { font-size: 18px; margin: 0 0 6px 0; }
      .legend { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 14px; font-size: 12px; }
      .swatch { display: inline-block; width: 14px; height: 14px; border: 2px solid; border-radius: 3px;
        vertical-align: middle; margin-right: 5px; }
      .swatch.edgetpu, .op.edgetpu rect { fill: #c8e6c9; background: #c8e6c9; stroke: #2e7d32; border-color: #2e7d32; }
      .swatch.unsupported, .op.unsupported rect { fill: #ffcdd2; background: #ffcdd2; stroke: #b71c1c; border-color: #b71c1c; }
      .swatch.collateral, .op.collateral rect { fill: #ffe0b2; background: #ffe0b2; stroke: #e65100; border-color: #e65100; }
      .swatch.boundary, .op.boundary rect { fill: #e1f5fe; background: #e1f5fe; stroke: #0277bd; border-color: #0277bd; }
      .swatch.rejected, .op.rejected rect { fill: #eeeeee; background: #eeeeee; stroke: #616161; border-color: #616161; }
      .swatch.cutline { background: none; border: none; border-top: 3px dashed #d50000; height: 0; width: 22px; }
      .op rect { stroke-width: 1.5; }
      .op.unsupported rect { stroke-width: 3.5; }
      .op text { font-size: 12px; fill: #111; }
      .op text.sub { font-size: 10px; fill: #555; }
      .op text.badge { font-size: 10px; text-anchor: end; font-weight: bold; }
      .op a:hover rect, .op:target rect { stroke: #000; stroke-width: 4; }
      .io rect { fill: #fff; stroke: #90a4ae; stroke-dasharray: 4 2; }
      .io text { font-size: 11px; text-anchor: middle; fill: #455a64; }
      .edge { fill: none; stroke: #999; stroke-width: 1.3; }
      .edge.cut { stroke: #d50000; stroke-width: 3; stroke-dasharray: 7 4; }
      .cutmark rect { fill: #d50000; }
      .cutmark text { fill: #fff; font-size: 11px; font-weight: bold; text-anchor: middle; }
      .model { padding: 8px 18px 24px; }
      .model h2 { font-size: 17px; margin: 10px 0; }
      .layout { display: grid; grid-template-columns: minmax(0, 1fr) 440px; gap: 16px; align-items: start; }
      .graph { overflow: auto; max-height: 92vh; background: #fff; border: 1px solid #ddd; border-radius: 6px; }
      figure { margin: 0; } figcaption { font-size: 12px; color: #555; padding: 6px 10px; }
      aside { font-size: 13px; background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 4px 14px 12px; }
      aside h3 { font-size: 14px; margin: 14px 0 6px; border-bottom: 1px solid #eee; }
      table { border-collapse: collapse; width: 100%; table-layout: fixed; }
      td, .advice li, .fixes li, .msg { overflow-wrap: anywhere; }
      .graph svg { display: block; margin: 0 auto; }
      th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid #f0f0f0; vertical-align: top; }
      table.summary th { width: 46%; font-weight: normal; color: #444; }
      table.matrix tr.best td { font-weight: bold; background: #f1f8e9; }
      pre.cmd { background: #263238; color: #e0f2f1; padding: 8px; border-radius: 4px; white-space: pre-wrap;
        word-break: break-all; font-size: 12px; }
      ol.findings { padding-left: 20px; } .finding { margin-bottom: 8px; }
      .finding:target { background: #fff9c4; }
      .sev { font-size: 11px; font-weight: bold; text-transform: uppercase; padding: 0 4px; border-radius: 3px; }
      .finding.error .sev { background: #b71c1c; color: #fff; }
      .finding.warning .sev { background: #f9a825; color: #000; }
      .finding.info .sev { background: #90caf9; color: #000; }
      .msg { margin-top: 2px; } .fix { color: #1b5e20; } .help { font-size: 11px; }
      .transfer li.ready > b { color: #1b5e20; } .transfer li.notready > b { color: #b71c1c; }
      nav.toc { padding: 6px 18px; }
      .errors { padding: 4px 18px; color: #b71c1c; }
      """;

}
