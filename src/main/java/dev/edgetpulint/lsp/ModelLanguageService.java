package dev.edgetpulint.lsp;

import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.compiler.Placement;
import dev.edgetpulint.compiler.PlacementReason;
import dev.edgetpulint.compiler.Target;
import dev.edgetpulint.description.DescriptionException;
import dev.edgetpulint.description.DescriptionProblem;
import dev.edgetpulint.description.DescriptionParser;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Span;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Location;
import dev.edgetpulint.rules.Severity;
import dev.edgetpulint.service.ContentHash;
import dev.edgetpulint.service.LintOptions;
import dev.edgetpulint.service.LintService;
import dev.edgetpulint.service.ModelReport;
import dev.edgetpulint.service.ReportedFinding;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The language features, free of any protocol plumbing (as eclipse/lemminx's XMLLanguageService): each
 * method takes a document's analysis and returns LSP values. The JSON-RPC classes only translate.
 */
public final class ModelLanguageService {
  public static final String SOURCE = "edgetpu-lint";
  /** Diagnostic code of a description that does not parse or fails its schema. */
  public static final String DESCRIPTION_CODE = "EDGETPU-DESCRIPTION";

  private final LintService lint;
  /** One reader per open description, keeping its last YAML tree so that an edit re-reads one line. */
  private final Map<String, DescriptionParser> parsers = new ConcurrentHashMap<>();

  public ModelLanguageService(LintService lint) {
    this.lint = lint;
  }

  /** Forgets what was kept of a document for its next version (closed, deleted). */
  public void forget(String uri) {
    parsers.remove(uri);
  }

  /** Reads, lints and filters one document; {@code cancel} aborts between stages when a newer edit arrived. */
  public DocumentAnalysis analyze(ModelDocument document, LspSettings settings, Path workingDirectory,
      CancelChecker cancel) {
    LintOptions options = settings.lintOptions(workingDirectory);
    switch (document.kind()) {
      case OTHER:
        return DocumentAnalysis.ignored(document);
      case BINARY: {
        LintService.Outcome outcome = lint.lintFile(document.file(), options);
        cancel.checkCanceled();
        if (outcome.report() == null) {
          return new DocumentAnalysis(document, null, List.of(), null, List.of(), outcome.error().message());
        }
        return withReport(document, outcome.report().analysis().model(), outcome.report(), settings);
      }
      default: {
        Model model;
        try {
          model = parsers.computeIfAbsent(document.uri(), uri -> new DescriptionParser())
              .parse(document.text(), options.displayPath(document.file()));
        } catch (DescriptionException e) {
          return new DocumentAnalysis(document, null, e.problems(), null, List.of(), null);
        } catch (RuntimeException | StackOverflowError e) {
          return new DocumentAnalysis(document, null, List.of(), null, List.of(),
              "cannot read the description: " + e);
        }
        cancel.checkCanceled();
        try {
          ModelReport report = lint.analyze(model, document.file(), ContentHash.ofText(document.text()), options);
          cancel.checkCanceled();
          return withReport(document, model, report, settings);
        } catch (java.util.concurrent.CancellationException e) {
          throw e;
        } catch (Exception | StackOverflowError e) {
          String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
          return new DocumentAnalysis(document, model, List.of(), null, List.of(), "analysis failed: " + reason);
        }
      }
    }
  }

  private static DocumentAnalysis withReport(ModelDocument document, Model model, ModelReport report,
      LspSettings settings) {
    List<Finding> shown = new ArrayList<>();
    for (ReportedFinding reported : report.active()) {
      Finding finding = reported.finding();
      if (!settings.selection().selects(finding.ruleId())) {
        continue;
      }
      Severity override = settings.selection().severity().get(finding.ruleId());
      if (override != null) {
        finding = finding.withSeverity(override);
      }
      if (finding.severity() != Severity.OFF) {
        shown.add(finding);
      }
    }
    return new DocumentAnalysis(document, model, List.of(), report, shown, null);
  }

  // ---------------------------------------------------------------- diagnostics

  public List<Diagnostic> diagnostics(DocumentAnalysis analysis) {
    List<Diagnostic> out = new ArrayList<>();
    for (DescriptionProblem p : analysis.problems()) {
      Diagnostic d = new Diagnostic(new Range(new Position(p.line() - 1, p.column() - 1),
          new Position(p.endLine() - 1, Math.max(p.endColumn() - 1, p.column()))), p.message(),
          DiagnosticSeverity.Error, SOURCE, DESCRIPTION_CODE);
      out.add(d);
    }
    if (analysis.error() != null) {
      out.add(new Diagnostic(firstLine(analysis), "edgetpu-lint could not judge this model: " + analysis.error(),
          DiagnosticSeverity.Error, SOURCE));
    }
    boolean binary = analysis.document().kind() == ModelDocument.Kind.BINARY;
    for (Finding f : analysis.findings()) {
      String message = f.message();
      if (binary && f.location() != null) {
        message = where(f.location()) + message;
      }
      if (f.fix() != null && !f.fix().isBlank()) {
        message = message + "\nFix: " + f.fix();
      }
      Diagnostic d = new Diagnostic(rangeOf(analysis, f.location()), message, severity(f.severity()), SOURCE,
          f.ruleId());
      if (f.helpUri() != null) {
        try {
          URI.create(f.helpUri());
          d.setCodeDescription(new DiagnosticCodeDescription(f.helpUri()));
        } catch (IllegalArgumentException e) {
          // Not a URI: the rule's own text still says it.
        }
      }
      out.add(d);
    }
    return out;
  }

  private static String where(Location at) {
    if (at.operator() >= 0) {
      return "operator " + at.operator() + (at.opName() == null ? "" : " (" + at.opName() + ")")
          + (at.subgraph() > 0 ? " of subgraph " + at.subgraph() : "") + ": ";
    }
    if (at.tensor() >= 0) {
      return "tensor " + at.tensor() + (at.tensorName() == null ? "" : " '" + at.tensorName() + "'") + ": ";
    }
    return "";
  }

  private static DiagnosticSeverity severity(Severity s) {
    return switch (s) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      default -> DiagnosticSeverity.Information;
    };
  }

  /** The range of a finding's op or tensor in a description; the first line for the model or a binary. */
  Range rangeOf(DocumentAnalysis analysis, Location at) {
    if (analysis.model() == null || at == null) {
      return firstLine(analysis);
    }
    Map<String, Span> spans = analysis.model().spans();
    Span span = spans.get(at.logical());
    if (span == null && at.subgraph() >= 0) {
      span = spans.get("subgraphs[" + at.subgraph() + "]");
    }
    return span != null && span.hasLines() ? range(span) : firstLine(analysis);
  }

  static Range range(Span span) {
    return new Range(new Position(span.startLine() - 1, span.startColumn() - 1),
        new Position(span.endLine() - 1, Math.max(span.endColumn() - 1, 0)));
  }

  private static Range firstLine(DocumentAnalysis analysis) {
    String text = analysis.document().text();
    int length = 0;
    if (text != null) {
      int newline = text.indexOf('\n');
      length = newline < 0 ? text.length() : newline;
      if (length > 0 && text.charAt(length - 1) == '\r') {
        length--;
      }
    }
    return new Range(new Position(0, 0), new Position(0, length));
  }

  // ---------------------------------------------------------------- operators and placements

  /** One operator of the analysed model with its text range and predicted placement (may be null). */
  record OperatorAt(Operator operator, int subgraph, Range range, Placement placement) {}

  List<OperatorAt> operators(DocumentAnalysis analysis) {
    List<OperatorAt> out = new ArrayList<>();
    Model model = analysis.model();
    if (model == null) {
      return out;
    }
    for (Subgraph g : model.subgraphs()) {
      for (Operator op : g.operators()) {
        Span span = model.spans().get(Model.operatorLocation(g.index(), op.index()));
        if (span != null && span.hasLines()) {
          out.add(new OperatorAt(op, g.index(), range(span), placement(analysis, g.index(), op.index())));
        }
      }
    }
    return out;
  }

  private static Placement placement(DocumentAnalysis analysis, int subgraph, int index) {
    if (analysis.report() == null) {
      return null;
    }
    for (Placement p : analysis.report().analysis().placements()) {
      if (p.subgraph() == subgraph && p.index() == index) {
        return p;
      }
    }
    return null;
  }

  Optional<OperatorAt> operatorAt(DocumentAnalysis analysis, Position position) {
    OperatorAt best = null;
    for (OperatorAt op : operators(analysis)) {
      if (contains(op.range(), position)) {
        best = op;
      }
    }
    return Optional.ofNullable(best);
  }

  static boolean contains(Range range, Position p) {
    return compare(range.getStart(), p) <= 0 && compare(p, range.getEnd()) <= 0;
  }

  static boolean intersects(Range a, Range b) {
    return compare(a.getStart(), b.getEnd()) <= 0 && compare(b.getStart(), a.getEnd()) <= 0;
  }

  private static int compare(Position a, Position b) {
    return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine())
        : Integer.compare(a.getCharacter(), b.getCharacter());
  }

  List<Finding> findingsAt(DocumentAnalysis analysis, int subgraph, int operator) {
    return analysis.findings().stream()
        .filter(f -> f.location() != null && f.location().subgraph() == subgraph && f.location().operator() == operator)
        .toList();
  }

  static String targetLabel(Placement p) {
    return p.target() == Target.EDGETPU ? "Edge TPU" : "CPU";
  }

  // ---------------------------------------------------------------- hover

  public Hover hover(DocumentAnalysis analysis, Position position) {
    Optional<OperatorAt> found = operatorAt(analysis, position);
    if (found.isPresent()) {
      return new Hover(new MarkupContent(MarkupKind.MARKDOWN, operatorHover(analysis, found.get())),
          found.get().range());
    }
    return tensorHover(analysis, position);
  }

  private String operatorHover(DocumentAnalysis analysis, OperatorAt at) {
    Operator op = at.operator();
    StringBuilder md = new StringBuilder();
    md.append("**").append(op.displayName()).append("** (version ").append(op.version()).append(") · operator ")
        .append(op.index()).append(at.subgraph() > 0 ? " of subgraph " + at.subgraph() : "").append("\n\n");
    Placement p = at.placement();
    if (p == null) {
      md.append(analysis.error() != null ? "Not judged: " + analysis.error() : "Not judged yet.").append('\n');
      return md.toString();
    }
    ModelAnalysis modelAnalysis = analysis.report().analysis();
    md.append("Runs on the **").append(targetLabel(p)).append("** at Edge TPU runtime ")
        .append(modelAnalysis.options().runtime())
        .append(modelAnalysis.options().multipleSubgraphs() ? " (multiple subgraphs allowed)" : "").append(".\n\n");
    md.append("Compiler status: *").append(p.status()).append("*");
    md.append(" (").append(reasonText(p, analysis)).append(")\n");
    List<Finding> findings = findingsAt(analysis, at.subgraph(), op.index());
    for (Finding f : findings) {
      md.append("\n- `").append(f.ruleId()).append("` (").append(f.severity().id()).append("): ")
          .append(f.message());
      if (f.fix() != null && !f.fix().isBlank()) {
        md.append("\n  \n  Fix: ").append(f.fix());
      }
      if (f.helpUri() != null) {
        md.append("\n  \n  [").append(f.ruleId()).append("](").append(f.helpUri()).append(')');
      }
    }
    return md.append('\n').toString();
  }

  private static String reasonText(Placement p, DocumentAnalysis analysis) {
    PlacementReason reason = p.reason();
    if (reason == null) {
      return "no reason given";
    }
    return switch (reason) {
      case MAPPED -> "mapped into the edgetpu-custom-op";
      case UNSUPPORTED -> "the operator itself cannot be mapped";
      case COLLATERAL -> {
        String cause = "downstream of an operator on the CPU";
        if (p.causeOperator() >= 0 && analysis.model() != null) {
          Subgraph g = analysis.model().subgraphs().get(p.subgraph());
          if (p.causeOperator() < g.operators().size()) {
            cause = "cut off by operator " + p.causeOperator() + " (" + g.operators().get(p.causeOperator()).displayName()
                + "), which runs on the CPU";
          }
        }
        yield cause;
      }
      case IO_BOUNDARY -> "a float/integer conversion at the model's edge, left on the CPU by design";
      case MODEL_REJECTED -> "the compiler would not compile this model at all";
    };
  }

  private Hover tensorHover(DocumentAnalysis analysis, Position position) {
    Model model = analysis.model();
    if (model == null) {
      return null;
    }
    for (Subgraph g : model.subgraphs()) {
      for (Tensor t : g.tensors()) {
        Span span = model.spans().get(Model.tensorLocation(g.index(), t.index()));
        if (span != null && span.hasLines() && contains(range(span), position)) {
          StringBuilder md = new StringBuilder("**").append(t.name()).append("** · tensor ").append(t.index())
              .append("\n\n").append(t.type()).append(' ').append(t.shape());
          if (t.isDynamic()) {
            md.append(", shape signature ").append(t.shapeSignature()).append(" (dynamic)");
          }
          md.append(t.isConstant() ? ", constant (" + t.data().byteLength() + " bytes)" : "");
          if (t.quantization().isPresent()) {
            md.append(t.quantization().isPerAxis()
                ? ", per-axis quantized (" + t.quantization().scale().size() + " scales, dimension "
                    + t.quantization().quantizedDimension() + ")"
                : ", quantized (scale " + t.quantization().scale().get(0) + ", zero point "
                    + (t.quantization().zeroPoint().isEmpty() ? 0 : t.quantization().zeroPoint().get(0)) + ")");
          }
          return new Hover(new MarkupContent(MarkupKind.MARKDOWN, md.append('\n').toString()), range(span));
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- symbols, hints, lenses

  public List<DocumentSymbol> documentSymbols(DocumentAnalysis analysis) {
    List<DocumentSymbol> out = new ArrayList<>();
    Model model = analysis.model();
    if (model == null) {
      return out;
    }
    List<OperatorAt> operators = operators(analysis);
    for (Subgraph g : model.subgraphs()) {
      Span span = model.spans().get("subgraphs[" + g.index() + "]");
      if (span == null || !span.hasLines()) {
        continue;
      }
      List<DocumentSymbol> children = new ArrayList<>();
      for (OperatorAt op : operators) {
        if (op.subgraph() != g.index()) {
          continue;
        }
        String detail = op.placement() == null ? "" : targetLabel(op.placement());
        children.add(new DocumentSymbol(op.operator().index() + " " + op.operator().displayName(), SymbolKind.Function,
            op.range(), op.range(), detail));
      }
      String name = g.name().isEmpty() ? "subgraph " + g.index() : g.name();
      DocumentSymbol symbol = new DocumentSymbol(name, SymbolKind.Module, range(span), range(span),
          g.operators().size() + " operators", children);
      out.add(symbol);
    }
    return out;
  }

  /** "Edge TPU" / "CPU: status" after each operator in {@code range}. */
  public List<InlayHint> inlayHints(DocumentAnalysis analysis, Range range) {
    List<InlayHint> out = new ArrayList<>();
    for (OperatorAt op : operators(analysis)) {
      if (op.placement() == null || (range != null && !intersects(op.range(), range))) {
        continue;
      }
      InlayHint hint = new InlayHint(op.range().getEnd(), Either.forLeft(hintLabel(op.placement())));
      hint.setPaddingLeft(true);
      hint.setTooltip(op.placement().status());
      out.add(hint);
    }
    return out;
  }

  public List<CodeLens> codeLenses(DocumentAnalysis analysis) {
    List<CodeLens> out = new ArrayList<>();
    for (OperatorAt op : operators(analysis)) {
      if (op.placement() == null) {
        continue;
      }
      Range start = new Range(op.range().getStart(), op.range().getStart());
      out.add(new CodeLens(start, new Command(hintLabel(op.placement()), ""), null));
    }
    return out;
  }

  private static String hintLabel(Placement p) {
    if (p.target() == Target.EDGETPU) {
      return "Edge TPU";
    }
    return "CPU: " + p.status();
  }

  // ---------------------------------------------------------------- code actions

  public List<CodeAction> codeActions(DocumentAnalysis analysis, Range range) {
    return new QuickFixes(this).actions(analysis, range);
  }
}
