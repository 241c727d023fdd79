package dev.edgetpulint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.edgetpulint.description.DescriptionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLanguageServiceTest {
  @TempDir Path dir;

  private final ModelLanguageService service = new ModelLanguageService(LspTestSupport.lintService());

  private DocumentAnalysis analyze(String text) {
    return analyze(text, LspSettings.DEFAULTS);
  }

  private DocumentAnalysis analyze(String text, LspSettings settings) {
    String uri = dir.resolve("model.tflite.yaml").toUri().toString();
    return service.analyze(ModelDocument.description(uri, text, 1), settings, dir, () -> { });
  }

  @Test
  void dilationFindingSitsOnTheLineOfTheOperator() {
    List<Diagnostic> diagnostics = service.diagnostics(analyze(LspTestSupport.DILATED));
    Diagnostic dilation = diagnostics.stream().filter(d -> "EDGETPU-CONV2D-DILATION".equals(d.getCode().getLeft()))
        .findFirst().orElseThrow(() -> new AssertionError(diagnostics.toString()));
    assertEquals(DiagnosticSeverity.Error, dilation.getSeverity());
    assertEquals(12, dilation.getRange().getStart().getLine());
    assertEquals(12, dilation.getRange().getEnd().getLine());
    assertEquals(8, dilation.getRange().getStart().getCharacter());
    assertTrue(dilation.getMessage().contains("2x1"), dilation.getMessage());
    assertEquals("edgetpu-lint", dilation.getSource());
  }

  @Test
  void cleanDescriptionHasNoErrors() {
    List<Diagnostic> diagnostics = service.diagnostics(analyze(LspTestSupport.CLEAN));
    assertTrue(diagnostics.stream().noneMatch(d -> d.getSeverity() == DiagnosticSeverity.Error), diagnostics.toString());
  }

  @Test
  void syntaxErrorsAreDiagnosticsAtTheirPosition() {
    String broken = LspTestSupport.CLEAN.replace("inputs: [conv, input]", "inputs: [conv, nowhere]");
    List<Diagnostic> diagnostics = service.diagnostics(analyze(broken));
    assertEquals(1, diagnostics.size(), diagnostics.toString());
    Diagnostic d = diagnostics.get(0);
    assertEquals(ModelLanguageService.DESCRIPTION_CODE, d.getCode().getLeft());
    assertEquals(13, d.getRange().getStart().getLine());
    assertTrue(d.getMessage().contains("'nowhere'"), d.getMessage());
  }

  @Test
  void otherYamlFilesAreLeftAlone() {
    String uri = dir.resolve("docker-compose.yaml").toUri().toString();
    DocumentAnalysis a = service.analyze(ModelDocument.description(uri, "services: {}\n", 1), LspSettings.DEFAULTS,
        dir, () -> { });
    assertEquals(List.of(), service.diagnostics(a));
  }

  @Test
  void hoverTellsWhereItRunsWhyTheRuleAndTheRuntime() {
    DocumentAnalysis a = analyze(LspTestSupport.DILATED);
    Hover hover = service.hover(a, new Position(12, 12));
    String text = hover.getContents().getRight().getValue();
    assertTrue(text.contains("**CONV_2D**"), text);
    assertTrue(text.contains("Runs on the **CPU**"), text);
    assertTrue(text.contains("runtime 14"), text);
    assertTrue(text.contains("EDGETPU-CONV2D-DILATION"), text);
    assertTrue(text.contains("Fix:"), text);

    String add = service.hover(a, new Position(13, 12)).getContents().getRight().getValue();
    assertTrue(add.contains("**ADD**"), add);
    assertTrue(add.contains("Compiler status: *"), add);

    String tensor = service.hover(a, new Position(6, 12)).getContents().getRight().getValue();
    assertTrue(tensor.contains("**input**") && tensor.contains("INT8 [1, 8, 8, 16]"), tensor);
    assertNull(service.hover(a, new Position(0, 2)));
  }

  @Test
  void hoverHonoursTheConfiguredRuntime() {
    LspSettings runtime13 = LspSettings.from(JsonParser.parseString("{\"edgetpuLint\": {\"runtime\": 13}}"));
    String text = service.hover(analyze(LspTestSupport.CLEAN, runtime13), new Position(12, 12))
        .getContents().getRight().getValue();
    assertTrue(text.contains("runtime 13"), text);
    assertTrue(text.contains("Runs on the **Edge TPU**"), text);
  }

  @Test
  void ruleSelectionFromSettingsHidesFindings() {
    LspSettings ignore = LspSettings.from(JsonParser.parseString("{\"ignore\": [\"EDGETPU-CONV2D-DILATION\"]}"));
    List<Diagnostic> diagnostics = service.diagnostics(analyze(LspTestSupport.DILATED, ignore));
    assertTrue(diagnostics.stream().noneMatch(d -> "EDGETPU-CONV2D-DILATION".equals(d.getCode().getLeft())));
    LspSettings warn = LspSettings.from(JsonParser.parseString(
        "{\"severity\": {\"EDGETPU-CONV2D-DILATION\": \"warning\"}}"));
    assertTrue(service.diagnostics(analyze(LspTestSupport.DILATED, warn)).stream()
        .anyMatch(d -> "EDGETPU-CONV2D-DILATION".equals(d.getCode().getLeft())
            && d.getSeverity() == DiagnosticSeverity.Warning));
    LspSettings bad = LspSettings.from(JsonParser.parseString("{\"runtime\": 99, \"severity\": {\"X\": \"loud\"}}"));
    assertNull(bad.runtime());
    assertEquals(2, bad.problems().size());
  }

  @Test
  void symbolsListTheOperatorsWithTheirPlacement() {
    List<DocumentSymbol> symbols = service.documentSymbols(analyze(LspTestSupport.CLEAN));
    assertEquals(1, symbols.size());
    assertEquals("main", symbols.get(0).getName());
    List<DocumentSymbol> ops = symbols.get(0).getChildren();
    assertEquals(List.of("0 CONV_2D", "1 ADD"), ops.stream().map(DocumentSymbol::getName).toList());
    assertEquals(List.of("Edge TPU", "Edge TPU"), ops.stream().map(DocumentSymbol::getDetail).toList());
    assertEquals(12, ops.get(0).getRange().getStart().getLine());
  }

  @Test
  void inlayHintsAndCodeLensesShowEdgeTpuOrCpuPerOperator() {
    DocumentAnalysis a = analyze(LspTestSupport.DILATED);
    List<InlayHint> hints = service.inlayHints(a, new Range(new Position(0, 0), new Position(100, 0)));
    assertEquals(2, hints.size());
    assertTrue(hints.get(0).getLabel().getLeft().startsWith("CPU: "), hints.get(0).getLabel().getLeft());
    assertEquals(12, hints.get(0).getPosition().getLine());
    List<CodeLens> lenses = service.codeLenses(analyze(LspTestSupport.CLEAN));
    assertEquals(List.of("Edge TPU", "Edge TPU"), lenses.stream().map(l -> l.getCommand().getTitle()).toList());
    assertEquals(List.of(), service.inlayHints(a, new Range(new Position(0, 0), new Position(3, 0))));
  }

  @Test
  void equalDilationQuickFixRemovesTheFinding() {
    DocumentAnalysis a = analyze(LspTestSupport.DILATED);
    CodeAction fix = action(a, "Use dilation 2x2");
    assertEquals(Boolean.TRUE, fix.getIsPreferred());
    assertFalse(fix.getDiagnostics().isEmpty());
    String fixed = apply(LspTestSupport.DILATED, fix);
    assertTrue(fixed.contains("dilation_w_factor: 2, dilation_h_factor: 2"), fixed);
    assertTrue(service.diagnostics(analyze(fixed)).stream()
        .noneMatch(d -> "EDGETPU-CONV2D-DILATION".equals(d.getCode().getLeft())));
  }

  @Test
  void dilationIsAddedWhenOnlyOneFactorIsWritten() {
    String text = LspTestSupport.DILATED.replace(", dilation_h_factor: 1", "");
    String fixed = apply(text, action(analyze(text), "Use dilation 2x2"));
    assertTrue(fixed.contains("fused_activation_function: RELU6, dilation_h_factor: 2}"), fixed);
    assertEquals(0, errors(fixed, "EDGETPU-CONV2D-DILATION"));
  }

  @Test
  void fusedActivationCanBeMovedIntoItsOwnOperatorOrDropped() throws Exception {
    DocumentAnalysis a = analyze(LspTestSupport.DILATED);
    String split = apply(LspTestSupport.DILATED, action(a, "Move fused RELU6 into a separate RELU6 operator"));
    var model = DescriptionReader.parse(split, "split.tflite.yaml");
    var ops = model.mainSubgraph().operators();
    assertEquals(List.of("CONV_2D", "RELU6", "ADD"), ops.stream().map(o -> o.opName()).toList());
    assertEquals("NONE", ops.get(0).option("fused_activation_function"));
    assertEquals(ops.get(0).outputs(), ops.get(1).inputs());
    assertEquals("conv", model.mainSubgraph().tensor(ops.get(1).outputs().get(0)).name());
    assertEquals("conv/pre_activation", model.mainSubgraph().tensor(ops.get(0).outputs().get(0)).name());

    String dropped = apply(LspTestSupport.DILATED, action(a, "Drop fused activation RELU6"));
    assertTrue(dropped.contains("fused_activation_function: NONE"), dropped);
  }

  @Test
  void quickFixesWorkInBlockStyleToo() {
    String block = """
        format: edgetpu-lint/description/v1
        subgraphs:
          - inputs: [input]
            outputs: [conv]
            tensors:
              - {name: input, type: INT8, shape: [1, 8, 8, 16]}
              - {name: filter, type: INT8, shape: [16, 3, 3, 16], constant: true}
              - {name: bias, type: INT32, shape: [16], constant: true}
              - {name: conv, type: INT8, shape: [1, 8, 8, 16]}
            operators:
              - op: CONV_2D
                inputs: [input, filter, bias]
                outputs: [conv]
                options:
                  padding: SAME
                  dilation_w_factor: 1
                  dilation_h_factor: 3
        """;
    String fixed = apply(block, action(analyze(block), "Use dilation 3x3"));
    assertTrue(fixed.contains("dilation_w_factor: 3\n"), fixed);
    assertEquals(0, errors(fixed, "EDGETPU-CONV2D-DILATION"));
  }

  @Test
  void binaryModelsAreReadFromDiskAndReportedAtTheirFirstLine() throws Exception {
    Path corpus = Path.of(System.getProperty("edgetpulint.corpus", "../shared/corpus"), "models");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpus), "corpus absent");
    Path model;
    try (var files = Files.list(corpus)) {
      // A float model: nothing maps, so there is at least one finding whatever the rules say in detail.
      model = files.filter(p -> p.getFileName().toString().endsWith("_float.tflite")).sorted().findFirst()
          .orElse(null);
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(model != null, "no float model in the corpus");
    DocumentAnalysis a = service.analyze(ModelDocument.binary(model.toUri().toString(), 1), LspSettings.DEFAULTS,
        dir, () -> { });
    assertNull(a.error(), a.error());
    List<Diagnostic> diagnostics = service.diagnostics(a);
    assertFalse(diagnostics.isEmpty());
    for (Diagnostic d : diagnostics) {
      assertEquals(new Range(new Position(0, 0), new Position(0, 0)), d.getRange());
    }
    Path junk = dir.resolve("junk.tflite");
    Files.write(junk, new byte[] {1, 2, 3});
    DocumentAnalysis bad = service.analyze(ModelDocument.binary(junk.toUri().toString(), 1), LspSettings.DEFAULTS,
        dir, () -> { });
    assertNotNull(bad.error());
    assertEquals(1, service.diagnostics(bad).size());
  }

  private int errors(String text, String rule) {
    return (int) service.diagnostics(analyze(text)).stream()
        .filter(d -> rule.equals(d.getCode().getLeft())).count();
  }

  private CodeAction action(DocumentAnalysis a, String title) {
    List<CodeAction> actions = service.codeActions(a, new Range(new Position(0, 0), new Position(1000, 0)));
    return actions.stream().filter(x -> x.getTitle().startsWith(title)).findFirst()
        .orElseThrow(() -> new AssertionError(title + " not in " + actions.stream().map(CodeAction::getTitle).toList()));
  }

  /** Applies the edits of a single-document workspace edit, last first. */
  static String apply(String text, CodeAction action) {
    List<TextEdit> edits = new ArrayList<>();
    for (Map.Entry<String, List<TextEdit>> e : action.getEdit().getChanges().entrySet()) {
      edits.addAll(e.getValue());
    }
    edits.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
        .thenComparing(e -> e.getRange().getStart().getCharacter()).reversed());
    String result = text;
    for (TextEdit edit : edits) {
      int start = offset(result, edit.getRange().getStart());
      int end = offset(result, edit.getRange().getEnd());
      result = result.substring(0, start) + edit.getNewText() + result.substring(end);
    }
    return result;
  }

  static int offset(String text, Position p) {
    int offset = 0;
    for (int line = 0; line < p.getLine(); line++) {
      offset = text.indexOf('\n', offset) + 1;
    }
    return offset + p.getCharacter();
  }
}
