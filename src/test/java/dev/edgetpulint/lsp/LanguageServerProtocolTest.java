package dev.edgetpulint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over real JSON-RPC streams (in-process pipes, lsp4j launchers on both ends). */
class LanguageServerProtocolTest {
  static final String DILATION = "EDGETPU-CONV2D-DILATION";

  @TempDir Path workspace;
  private LspHarness lsp;
  private String uri;

  @BeforeEach
  void start() throws Exception {
    lsp = new LspHarness(EdgeTpuLanguageServer.DEFAULT_COALESCE_MILLIS);
    uri = workspace.resolve("model.tflite.yaml").toUri().toString();
  }

  @AfterEach
  void stop() throws Exception {
    lsp.close();
  }

  static boolean has(PublishDiagnosticsParams p, String rule) {
    return p.getDiagnostics().stream().anyMatch(d -> d.getCode() != null && rule.equals(d.getCode().getLeft()));
  }

  static boolean hasErrors(PublishDiagnosticsParams p) {
    return p.getDiagnostics().stream().anyMatch(d -> d.getSeverity() == DiagnosticSeverity.Error);
  }

  private void open(String text) {
    lsp.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
        new TextDocumentItem(uri, "yaml", 1, text)));
  }

  private void change(int version, String text) {
    lsp.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
  }

  @Test
  void advertisesItsFeatures() throws Exception {
    InitializeResult result = lsp.initialize(workspace, false);
    var caps = result.getCapabilities();
    assertTrue(caps.getHoverProvider().getLeft());
    assertTrue(caps.getDocumentSymbolProvider().getLeft());
    assertNotNull(caps.getCodeActionProvider());
    assertNotNull(caps.getCodeLensProvider());
    assertTrue(caps.getInlayHintProvider().getLeft());
    assertEquals("edgetpu-lint", result.getServerInfo().getName());
  }

  @Test
  void diagnosticsFollowEditsAndClosingClearsThem() throws Exception {
    lsp.initialize(workspace, false);
    open(LspTestSupport.DILATED);
    PublishDiagnosticsParams first = lsp.client.awaitDiagnostics(uri, p -> has(p, DILATION));
    Diagnostic d = first.getDiagnostics().stream().filter(x -> DILATION.equals(x.getCode().getLeft())).findFirst()
        .orElseThrow();
    assertEquals(12, d.getRange().getStart().getLine());
    assertEquals(1, first.getVersion());

    change(2, LspTestSupport.CLEAN);
    PublishDiagnosticsParams clean = lsp.client.awaitDiagnostics(uri, p -> p.getVersion() == 2);
    assertFalse(hasErrors(clean), clean.toString());

    change(3, LspTestSupport.CLEAN.replace("inputs: [conv, input]", "inputs: [conv, ghost]"));
    PublishDiagnosticsParams broken = lsp.client.awaitDiagnostics(uri, p -> p.getVersion() == 3);
    assertEquals(ModelLanguageService.DESCRIPTION_CODE, broken.getDiagnostics().get(0).getCode().getLeft());
    assertEquals(13, broken.getDiagnostics().get(0).getRange().getStart().getLine());

    lsp.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
    PublishDiagnosticsParams closed = lsp.client.awaitDiagnostics(uri, p -> p.getDiagnostics().isEmpty());
    assertEquals(List.of(), closed.getDiagnostics());
  }

  @Test
  void rapidEditsPublishOnlyCurrentVersionsInOrder() throws Exception {
    // A long coalescing delay (3 s) against edits sent back to back: one run waits, not one per edit.
    lsp.close();
    lsp = new LspHarness(3000);
    lsp.initialize(workspace, false);
    open(LspTestSupport.CLEAN);
    for (int version = 2; version <= 40; version++) {
      change(version, version % 2 == 0 ? LspTestSupport.DILATED : LspTestSupport.CLEAN);
    }
    change(41, LspTestSupport.DILATED);
    PublishDiagnosticsParams last = lsp.client.awaitDiagnostics(uri, p -> p.getVersion() == 41);
    assertTrue(has(last, DILATION));
    List<PublishDiagnosticsParams> all = lsp.client.all(uri);
    for (int i = 1; i < all.size(); i++) {
      assertTrue(all.get(i - 1).getVersion() <= all.get(i).getVersion(), "versions published out of order");
    }
    assertTrue(all.size() < 10, "coalesced: " + all.size() + " publications for 41 edits");
  }

  @Test
  void rangedChangesAreAppliedToTheHeldText() throws Exception {
    InitializeResult init = lsp.initialize(workspace, false);
    assertEquals(TextDocumentSyncKind.Incremental, init.getCapabilities().getTextDocumentSync().getRight().getChange());
    open(LspTestSupport.DILATED);
    lsp.client.awaitDiagnostics(uri, p -> p.getVersion() == 1 && has(p, DILATION));
    // "dilation_w_factor: 2" -> "dilation_w_factor: 1" on line 12 (0-based), as an editor sends a keystroke.
    String line = LspTestSupport.DILATED.split("\n")[12];
    int column = line.indexOf("dilation_w_factor: 2") + "dilation_w_factor: ".length();
    lsp.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
        List.of(new TextDocumentContentChangeEvent(new Range(new Position(12, column), new Position(12, column + 1)), "1"))));
    PublishDiagnosticsParams fixed = lsp.client.awaitDiagnostics(uri, p -> p.getVersion() == 2);
    assertFalse(has(fixed, DILATION), fixed.toString());
    var hover = lsp.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
        new Position(12, 12))).get(60, TimeUnit.SECONDS);
    assertFalse(hover.getContents().getRight().getValue().contains(DILATION));
  }

  @Test
  void rapidEditsWithoutDelayEndWithTheLastVersionAndNothingStale() throws Exception {
    lsp.initialize(workspace, false);
    open(LspTestSupport.CLEAN);
    for (int version = 2; version <= 40; version++) {
      change(version, version % 2 == 0 ? LspTestSupport.DILATED : LspTestSupport.CLEAN);
    }
    change(41, LspTestSupport.DILATED);
    PublishDiagnosticsParams last = lsp.client.awaitDiagnostics(uri, p -> p.getVersion() == 41);
    assertTrue(has(last, DILATION));
    List<PublishDiagnosticsParams> all = lsp.client.all(uri);
    for (int i = 1; i < all.size(); i++) {
      assertTrue(all.get(i - 1).getVersion() < all.get(i).getVersion(), "a version published twice or out of order");
    }
    for (PublishDiagnosticsParams p : all) {
      // Odd versions are CLEAN, even ones DILATED: each publication belongs to the version it names.
      assertEquals(p.getVersion() % 2 == 0 || p.getVersion() == 41, has(p, DILATION), "version " + p.getVersion());
    }
  }

  @Test
  void featuresAnswerOverTheWire() throws Exception {
    lsp.initialize(workspace, false);
    open(LspTestSupport.DILATED);
    TextDocumentIdentifier doc = new TextDocumentIdentifier(uri);
    var text = lsp.server.getTextDocumentService();
    var hover = text.hover(new HoverParams(doc, new Position(12, 12))).get(60, TimeUnit.SECONDS);
    assertTrue(hover.getContents().getRight().getValue().contains(DILATION));
    var symbols = text.documentSymbol(new DocumentSymbolParams(doc)).get(60, TimeUnit.SECONDS);
    assertEquals(2, symbols.get(0).getRight().getChildren().size());
    var hints = text.inlayHint(new InlayHintParams(doc, new Range(new Position(0, 0), new Position(99, 0))))
        .get(60, TimeUnit.SECONDS);
    assertEquals(2, hints.size());
    var lenses = text.codeLens(new CodeLensParams(doc)).get(60, TimeUnit.SECONDS);
    assertEquals(2, lenses.size());
    var actions = text.codeAction(new CodeActionParams(doc, new Range(new Position(12, 0), new Position(12, 5)),
        new CodeActionContext(List.of()))).get(60, TimeUnit.SECONDS);
    assertTrue(actions.stream().anyMatch(a -> a.getRight().getTitle().startsWith("Use dilation 2x2")),
        actions.toString());
  }

  @Test
  void settingsComeFromWorkspaceConfigurationAndChangeNotifications() throws Exception {
    lsp.client.settings = JsonParser.parseString("{\"runtime\": 13, \"ignore\": [\"" + DILATION + "\"]}");
    lsp.initialize(workspace, true);
    open(LspTestSupport.DILATED);
    lsp.client.awaitDiagnostics(uri, p -> !has(p, DILATION));
    var hover = lsp.server.getTextDocumentService()
        .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(13, 10))).get(60, TimeUnit.SECONDS);
    assertTrue(hover.getContents().getRight().getValue().contains("runtime 13"), hover.toString());

    lsp.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
        JsonParser.parseString("{\"edgetpuLint\": {\"runtime\": 14}}")));
    lsp.client.awaitDiagnostics(uri, p -> has(p, DILATION));
  }

  @Test
  void binaryModelsOfTheWorkspaceAreJudgedAndFollowed() throws Exception {
    Path models = Path.of(System.getProperty("edgetpulint.corpus", "../shared/corpus"), "models");
    Assumptions.assumeTrue(Files.isDirectory(models), "corpus absent");
    Path source;
    try (var files = Files.list(models)) {
      source = files.filter(p -> p.getFileName().toString().endsWith("_float.tflite")).sorted().findFirst().orElse(null);
    }
    Assumptions.assumeTrue(source != null, "no float model in the corpus");
    Path nested = Files.createDirectories(workspace.resolve("models"));
    Path model = Files.copy(source, nested.resolve("float.tflite"));
    lsp.initialize(workspace, false);
    String modelUri = model.toUri().toString();
    PublishDiagnosticsParams found = lsp.client.awaitDiagnostics(modelUri, p -> !p.getDiagnostics().isEmpty());
    assertEquals(0, found.getDiagnostics().get(0).getRange().getStart().getLine());
    assertTrue(lsp.client.registrations.stream().anyMatch(r -> r.getRegistrations().get(0).getMethod()
        .equals("workspace/didChangeWatchedFiles")));

    Files.delete(model);
    lsp.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
        List.of(new FileEvent(modelUri, FileChangeType.Deleted))));
    lsp.client.awaitDiagnostics(modelUri, p -> p.getDiagnostics().isEmpty());

    Path junk = nested.resolve("junk.tflite");
    Files.write(junk, new byte[] {0, 1, 2, 3});
    lsp.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
        List.of(new FileEvent(junk.toUri().toString(), FileChangeType.Created))));
    PublishDiagnosticsParams bad = lsp.client.awaitDiagnostics(junk.toUri().toString(), p -> hasErrors(p));
    assertTrue(bad.getDiagnostics().get(0).getMessage().startsWith("edgetpu-lint could not judge this model"));

    Files.copy(source, junk, StandardCopyOption.REPLACE_EXISTING);
    lsp.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
        List.of(new FileEvent(junk.toUri().toString(), FileChangeType.Changed))));
    lsp.client.awaitDiagnostics(junk.toUri().toString(),
        p -> p.getDiagnostics().stream().noneMatch(x -> x.getMessage().startsWith("edgetpu-lint could not judge")));
  }

  @Test
  void aTfliteOpenedInTheEditorIsJudgedFromDiskNotAsText() throws Exception {
    Path models = Path.of(System.getProperty("edgetpulint.corpus", "../shared/corpus"), "models");
    Assumptions.assumeTrue(Files.isDirectory(models), "corpus absent");
    Path source;
    try (var files = Files.list(models)) {
      source = files.filter(p -> p.getFileName().toString().endsWith("_float.tflite")).sorted().findFirst().orElse(null);
    }
    Assumptions.assumeTrue(source != null, "no float model in the corpus");
    Path outside = Files.createTempDirectory("edgetpu-lint-outside");
    Path model = Files.copy(source, outside.resolve("opened.tflite"));
    lsp.initialize(workspace, false);
    String modelUri = model.toUri().toString();
    // What an editor that decodes binary as text would send.
    lsp.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
        new TextDocumentItem(modelUri, "tflite", 1, "\u001c\u0000\u0000\u0000TFL3 garbage")));
    PublishDiagnosticsParams judged = lsp.client.awaitDiagnostics(modelUri, p -> !p.getDiagnostics().isEmpty());
    assertTrue(judged.getDiagnostics().stream().noneMatch(d -> d.getMessage().startsWith("edgetpu-lint could not")),
        judged.toString());
    int before = lsp.client.all(modelUri).size();
    lsp.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(modelUri)));
    lsp.server.shutdown().get(60, TimeUnit.SECONDS);
    assertEquals(before, lsp.client.all(modelUri).size(), "closing the editor tab keeps a model's diagnostics");
    Files.delete(model);
    Files.delete(outside);
  }

  @Test
  void shutdownThenExitEndsWithCodeZero() throws Exception {
    lsp.initialize(workspace, false);
    lsp.server.shutdown().get(60, TimeUnit.SECONDS);
    lsp.server.exit();
    assertEquals(0, lsp.running.server().exited().get(60, TimeUnit.SECONDS));
  }

  @Test
  void exitWithoutShutdownEndsWithCodeOne() throws Exception {
    lsp.initialize(workspace, false);
    lsp.server.exit();
    assertEquals(1, lsp.running.server().exited().get(60, TimeUnit.SECONDS));
  }
}
