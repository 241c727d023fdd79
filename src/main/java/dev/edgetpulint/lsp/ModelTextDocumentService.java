package dev.edgetpulint.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/** Translates textDocument/* messages to the store, the validator and {@link ModelLanguageService}. */
final class ModelTextDocumentService implements TextDocumentService {
  private final ModelLanguageService service;
  private final DocumentStore store;
  private final DocumentValidator validator;

  ModelTextDocumentService(ModelLanguageService service, DocumentStore store, DocumentValidator validator) {
    this.service = service;
    this.store = store;
    this.validator = validator;
  }

  /** A .tflite the editor opened: judged from disk like any workspace model, its "text" ignored. */
  private static boolean isBinary(String uri) {
    return WorkspaceScanner.isBinaryModel(ModelDocument.toPath(uri));
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    var doc = params.getTextDocument();
    if (isBinary(doc.getUri())) {
      if (store.get(doc.getUri()) == null) {
        store.put(ModelDocument.binary(doc.getUri(), doc.getVersion()));
        validator.schedule(doc.getUri(), 0);
      }
      return;
    }
    store.put(ModelDocument.description(doc.getUri(), doc.getText() == null ? "" : doc.getText(), doc.getVersion()));
    validator.schedule(doc.getUri(), 0);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    var doc = params.getTextDocument();
    if (isBinary(doc.getUri())) {
      return;
    }
    Integer version = doc.getVersion();
    ModelDocument current = store.get(doc.getUri());
    long next = version != null ? version : current == null ? 1 : current.version() + 1;
    if (store.change(doc.getUri(), next, params.getContentChanges()) != null) {
      validator.schedule(doc.getUri());
    }
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    if (isBinary(uri)) {
      // Still a model of the workspace: its diagnostics stay until the file goes away.
      return;
    }
    store.remove(uri);
    validator.clear(uri);
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // The text is already current: configuration next to the file may have changed, so validate again.
    if (store.get(params.getTextDocument().getUri()) != null) {
      validator.schedule(params.getTextDocument().getUri());
    }
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return compute(params.getTextDocument().getUri(), (a, cancel) -> service.hover(a, params.getPosition()), null);
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
    return compute(params.getTextDocument().getUri(),
        (a, cancel) -> service.documentSymbols(a).stream().map(s -> Either.<SymbolInformation, DocumentSymbol>forRight(s))
            .toList(),
        List.of());
  }

  @Override
  public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
    return compute(params.getTextDocument().getUri(), (a, cancel) -> service.inlayHints(a, params.getRange()),
        List.of());
  }

  @Override
  public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
    return compute(params.getTextDocument().getUri(), (a, cancel) -> service.codeLenses(a), List.of());
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    return compute(params.getTextDocument().getUri(),
        (a, cancel) -> service.codeActions(a, params.getRange()).stream()
            .map(action -> Either.<Command, CodeAction>forRight(action)).toList(),
        List.of());
  }

  /** Runs a feature on the current analysis of {@code uri}, off the message thread, cancellable. */
  private <T> CompletableFuture<T> compute(String uri, BiFunction<DocumentAnalysis, CancelChecker, T> feature,
      T whenUnknown) {
    return CompletableFutures.computeAsync(cancel -> {
      DocumentAnalysis analysis = validator.analysisOf(uri, cancel);
      if (analysis == null) {
        return whenUnknown;
      }
      cancel.checkCanceled();
      return feature.apply(analysis, cancel);
    });
  }
}
