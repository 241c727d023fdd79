package dev.edgetpulint.lsp;

import dev.edgetpulint.description.DescriptionLocator;
import dev.edgetpulint.description.DescriptionLocator.TextRange;
import dev.edgetpulint.description.DescriptionWriter;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Span;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.rules.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Quick fixes that are mechanical in a description: give a convolution the same dilation in x and y,
 * and take a fused activation out of an operator (into an operator of its own, or dropped). They are
 * offered for an operator that has a finding and whose options show the condition; which limitation
 * applies is the rules' business, not this class's.
 */
final class QuickFixes {
  /** Fused activations that exist as operators of the same name. */
  private static final Set<String> ACTIVATION_OPS = Set.of("RELU", "RELU6", "RELU_N1_TO_1", "TANH");

  private final ModelLanguageService service;

  QuickFixes(ModelLanguageService service) {
    this.service = service;
  }

  List<CodeAction> actions(DocumentAnalysis analysis, Range range) {
    List<CodeAction> out = new ArrayList<>();
    if (analysis.document().kind() != ModelDocument.Kind.DESCRIPTION || analysis.model() == null) {
      return out;
    }
    Optional<DescriptionLocator> locator = DescriptionLocator.of(analysis.document().text());
    if (locator.isEmpty()) {
      return out;
    }
    List<Diagnostic> diagnostics = service.diagnostics(analysis);
    for (ModelLanguageService.OperatorAt at : service.operators(analysis)) {
      // Whole lines: a cursor anywhere on an operator's line(s) offers its fixes.
      if (range != null && (range.getEnd().getLine() < at.range().getStart().getLine()
          || range.getStart().getLine() > at.range().getEnd().getLine())) {
        continue;
      }
      List<Finding> findings = service.findingsAt(analysis, at.subgraph(), at.operator().index()).stream()
          .filter(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING).toList();
      if (findings.isEmpty()) {
        continue;
      }
      Set<String> ids = new HashSet<>();
      findings.forEach(f -> ids.add(f.ruleId()));
      List<Diagnostic> related = diagnostics.stream()
          .filter(d -> d.getRange().equals(at.range()) && d.getCode() != null && ids.contains(d.getCode().getLeft()))
          .toList();
      String about = String.join(" ", findings.stream().map(f -> f.message() + " " + f.fix()).toList()).toLowerCase();
      Fixer fixer = new Fixer(analysis, locator.get(), at);
      fixer.equalDilation().ifPresent(edit -> out.add(action(
          "Use dilation " + edit.label + " (the same in x and y)", edit.edit, related, about.contains("dilation"))));
      fixer.splitActivation().ifPresent(edit -> out.add(action(
          "Move fused " + edit.label + " into a separate " + edit.label + " operator", edit.edit, related,
          about.contains("activation"))));
      fixer.dropActivation().ifPresent(edit -> out.add(action(
          "Drop fused activation " + edit.label, edit.edit, related, false)));
    }
    return out;
  }

  private static CodeAction action(String title, WorkspaceEdit edit, List<Diagnostic> diagnostics, boolean preferred) {
    CodeAction action = new CodeAction(title);
    action.setKind(CodeActionKind.QuickFix);
    action.setEdit(edit);
    action.setDiagnostics(diagnostics);
    if (preferred) {
      action.setIsPreferred(true);
    }
    return action;
  }

  private record Fix(String label, WorkspaceEdit edit) {}

  /** Builds text edits for one operator of one description. */
  private static final class Fixer {
    private final DocumentAnalysis analysis;
    private final DescriptionLocator locator;
    private final Operator op;
    private final int subgraph;
    private final String pointer;

    Fixer(DocumentAnalysis analysis, DescriptionLocator locator, ModelLanguageService.OperatorAt at) {
      this.analysis = analysis;
      this.locator = locator;
      this.op = at.operator();
      this.subgraph = at.subgraph();
      this.pointer = "/subgraphs/" + at.subgraph() + "/operators/" + op.index();
    }

    Optional<Fix> equalDilation() {
      Object w = op.option("dilation_w_factor");
      Object h = op.option("dilation_h_factor");
      if (w == null && h == null) {
        return Optional.empty();
      }
      long dw = w instanceof Number n ? n.longValue() : 1;
      long dh = h instanceof Number n ? n.longValue() : 1;
      if (dw == dh) {
        return Optional.empty();
      }
      long target = Math.max(dw, dh);
      String key = dw < dh ? "dilation_w_factor" : "dilation_h_factor";
      return setOption(key, Long.toString(target)).map(e -> new Fix(target + "x" + target, workspace(List.of(e))));
    }

    Optional<Fix> dropActivation() {
      String activation = activation();
      if (activation == null) {
        return Optional.empty();
      }
      return setOption("fused_activation_function", "NONE").map(e -> new Fix(activation, workspace(List.of(e))));
    }

    Optional<Fix> splitActivation() {
      String activation = activation();
      if (activation == null || !ACTIVATION_OPS.contains(activation) || op.outputs().isEmpty()) {
        return Optional.empty();
      }
      Model model = analysis.model();
      Subgraph g = model.subgraphs().get(subgraph);
      Tensor out = g.tensor(op.outputs().get(0));
      Span tensorSpan = out == null ? null : model.spans().get(Model.tensorLocation(subgraph, out.index()));
      Span opSpan = model.spans().get(Model.operatorLocation(subgraph, op.index()));
      String tensorPointer = out == null ? null : "/subgraphs/" + subgraph + "/tensors/" + out.index();
      Optional<TextRange> nameRange = tensorPointer == null ? Optional.empty() : locator.range(tensorPointer + "/name");
      Optional<TextRange> outputRef = locator.range(pointer + "/outputs/0");
      Optional<TextEdit> none = setOption("fused_activation_function", "NONE");
      if (tensorSpan == null || opSpan == null || nameRange.isEmpty() || outputRef.isEmpty() || none.isEmpty()) {
        return Optional.empty();
      }
      String tensorPrefix = prefix(tensorSpan);
      String opPrefix = prefix(opSpan);
      if (tensorPrefix == null || opPrefix == null || tensorSpan.startLine() != tensorSpan.endLine()
          || nameRange.get().line() != tensorSpan.startLine()) {
        return Optional.empty();
      }
      Set<String> names = new HashSet<>();
      g.tensors().forEach(t -> names.add(t.name()));
      String fresh = out.name() + "/pre_activation";
      for (int i = 2; names.contains(fresh); i++) {
        fresh = out.name() + "/pre_activation_" + i;
      }
      String quoted = DescriptionWriter.string(fresh);
      String tensorLine = locator.line(tensorSpan.startLine());
      String tensorText = tensorLine.substring(tensorSpan.startColumn() - 1, nameRange.get().column() - 1) + quoted
          + tensorLine.substring(nameRange.get().endColumn() - 1, tensorSpan.endColumn() - 1);
      List<TextEdit> edits = new ArrayList<>();
      edits.add(none.get());
      edits.add(new TextEdit(range(outputRef.get()), quoted));
      edits.add(new TextEdit(endOfLine(tensorSpan.endLine()), "\n" + tensorPrefix + tensorText));
      edits.add(new TextEdit(endOfLine(opSpan.endLine()), "\n" + opPrefix + "{op: " + activation
          + ", version: 1, inputs: [" + quoted + "], outputs: [" + DescriptionWriter.string(out.name()) + "]}"));
      return Optional.of(new Fix(activation, workspace(edits)));
    }

    private String activation() {
      Object value = op.option("fused_activation_function");
      return value instanceof String s && !s.equals("NONE") ? s : null;
    }

    /** "      - " before a list item's node, or null when the item does not start its own line. */
    private String prefix(Span span) {
      String line = locator.line(span.startLine());
      String prefix = line.substring(0, Math.min(line.length(), span.startColumn() - 1));
      return prefix.matches("\\s*-\\s+") ? prefix : null;
    }

    private Range endOfLine(int oneBasedLine) {
      int length = locator.line(oneBasedLine).length();
      Position p = new Position(oneBasedLine - 1, length);
      return new Range(p, p);
    }

    /** Sets (or adds) one option of this operator to {@code value} (YAML text). */
    private Optional<TextEdit> setOption(String key, String value) {
      String options = pointer + "/options";
      Optional<TextRange> current = locator.range(options + "/" + key);
      if (current.isPresent()) {
        return Optional.of(new TextEdit(range(current.get()), value));
      }
      Optional<TextRange> optionsRange = locator.range(options);
      if (optionsRange.isPresent() && !locator.keys(options).isEmpty() || optionsRange.isPresent()
          && locator.isFlowMapping(options)) {
        return insertEntry(options, optionsRange.get(), key + ": " + value);
      }
      Optional<TextRange> opRange = locator.range(pointer);
      if (opRange.isEmpty()) {
        return Optional.empty();
      }
      return insertEntry(pointer, opRange.get(), "options: {" + key + ": " + value + "}");
    }

    /** Adds {@code entry} to the mapping at {@code mapPointer}: before its '}' in flow style, as a new line in block style. */
    private Optional<TextEdit> insertEntry(String mapPointer, TextRange map, String entry) {
      if (locator.isFlowMapping(mapPointer)) {
        Position close = new Position(map.endLine() - 1, map.endColumn() - 2);
        String separator = locator.keys(mapPointer).isEmpty() ? "" : ", ";
        return Optional.of(new TextEdit(new Range(close, close), separator + entry));
      }
      Optional<TextRange> firstKey = locator.firstKeyRange(mapPointer);
      if (firstKey.isEmpty()) {
        return Optional.empty();
      }
      String indent = " ".repeat(firstKey.get().column() - 1);
      return Optional.of(new TextEdit(endOfLine(map.endLine()), "\n" + indent + entry));
    }

    private static Range range(TextRange r) {
      return new Range(new Position(r.line() - 1, r.column() - 1), new Position(r.endLine() - 1, r.endColumn() - 1));
    }

    private WorkspaceEdit workspace(List<TextEdit> edits) {
      return new WorkspaceEdit(Map.of(analysis.document().uri(), edits));
    }
  }
}
