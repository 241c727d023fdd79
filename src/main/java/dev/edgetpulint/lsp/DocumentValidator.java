package dev.edgetpulint.lsp;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Validates documents a little after the last change (as lemminx's ModelValidatorDelayer): a newer
 * change to the same document cancels the pending run, a run that is overtaken stops at its next stage,
 * and only the analysis of the current version is published. Analyses are cached for the other requests.
 */
final class DocumentValidator implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DocumentValidator.class.getName());

  private final ModelLanguageService service;
  private final DocumentStore store;
  private final Supplier<LspSettings> settings;
  private final Supplier<Path> workingDirectory;
  private final Consumer<PublishDiagnosticsParams> publisher;
  private final long delayMillis;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("edgetpu-lint-debounce"));
  private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("edgetpu-lint-validate"));
  private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
  private final Map<String, DocumentAnalysis> cache = new ConcurrentHashMap<>();

  DocumentValidator(ModelLanguageService service, DocumentStore store, Supplier<LspSettings> settings,
      Supplier<Path> workingDirectory, Consumer<PublishDiagnosticsParams> publisher, long delayMillis) {
    this.service = service;
    this.store = store;
    this.settings = settings;
    this.workingDirectory = workingDirectory;
    this.publisher = publisher;
    this.delayMillis = delayMillis;
  }

  /** Validates {@code uri} after the delay, replacing a run that has not started yet. */
  void schedule(String uri) {
    schedule(uri, delayMillis);
  }

  void schedule(String uri, long delay) {
    ScheduledFuture<?> next = timer.schedule(() -> submit(uri), delay, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> previous = pending.put(uri, next);
    if (previous != null) {
      previous.cancel(false);
    }
  }

  private void submit(String uri) {
    worker.submit(() -> validate(uri));
  }

  private void validate(String uri) {
    ModelDocument document = store.get(uri);
    if (document == null) {
      return;
    }
    try {
      DocumentAnalysis analysis = analyze(document, () -> {
        if (store.get(uri) == null || store.get(uri).version() != document.version()) {
          throw new CancellationException("superseded by a newer version of " + uri);
        }
      });
      ModelDocument current = store.get(uri);
      if (current != null && current.version() == document.version()) {
        publish(uri, document, service.diagnostics(analysis));
      }
    } catch (CancellationException e) {
      LOG.fine(() -> "validation of " + uri + " cancelled: " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(Level.WARNING, "validation of " + uri + " failed", e);
    }
  }

  /** The analysis of the document's current version, from the cache or computed now. */
  DocumentAnalysis analysisOf(String uri, CancelChecker cancel) {
    ModelDocument document = store.get(uri);
    if (document == null) {
      return null;
    }
    DocumentAnalysis cached = cache.get(uri);
    if (cached != null && cached.document().version() == document.version()
        && cached.document().text() == document.text()) {
      return cached;
    }
    return analyze(document, cancel);
  }

  private DocumentAnalysis analyze(ModelDocument document, CancelChecker cancel) {
    DocumentAnalysis analysis = service.analyze(document, settings.get(), workingDirectory.get(), cancel);
    cache.merge(document.uri(), analysis,
        (old, fresh) -> fresh.document().version() >= old.document().version() ? fresh : old);
    return analysis;
  }

  /** Forgets a document and clears its diagnostics (closed, deleted). */
  void clear(String uri) {
    ScheduledFuture<?> previous = pending.remove(uri);
    if (previous != null) {
      previous.cancel(false);
    }
    cache.remove(uri);
    publisher.accept(new PublishDiagnosticsParams(uri, List.of()));
  }

  /** Drops cached analyses (settings or configuration changed). */
  void invalidateAll() {
    cache.clear();
  }

  private void publish(String uri, ModelDocument document, List<Diagnostic> diagnostics) {
    PublishDiagnosticsParams params = new PublishDiagnosticsParams(uri, diagnostics);
    if (document.text() != null) {
      params.setVersion((int) Math.min(Integer.MAX_VALUE, document.version()));
    }
    publisher.accept(params);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    worker.shutdownNow();
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
