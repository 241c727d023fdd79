package dev.edgetpulint.lsp;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Validates a document as soon as it changes (as rust-analyzer and lemminx's validate-and-cancel): a run
 * starts at once; a newer change overtakes the running analysis, which stops at its next stage (the
 * cancellation check compares versions); and the diagnostics of a run are published only when its version
 * is still the current one, so a stale result never reaches the editor. Each document has at most one
 * run waiting (the {@link #queued} set), however fast the edits come: the waiting run reads whatever
 * version is current when it starts. Analyses are cached (the latest per document) for the other requests.
 *
 * <p>An optional coalescing delay holds a run back after the first change of a burst; the shipped server
 * uses none ({@link EdgeTpuLanguageServer#DEFAULT_COALESCE_MILLIS}, docs/performance.md says why).
 */
final class DocumentValidator implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DocumentValidator.class.getName());

  private final ModelLanguageService service;
  private final DocumentStore store;
  private final Supplier<LspSettings> settings;
  private final Supplier<Path> workingDirectory;
  private final Consumer<PublishDiagnosticsParams> publisher;
  private final long delayMillis;
  private final Executor worker;
  private final ExecutorService ownedWorker;
  private final ScheduledExecutorService timer;
  /** Documents with a run submitted that has not started yet: never more than one run waits per document. */
  private final Set<String> queued = ConcurrentHashMap.newKeySet();
  private final Map<String, DocumentAnalysis> cache = new ConcurrentHashMap<>();
  /** The analysis running per document, for other callers that need the same version. */
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  /** How often a caller waiting for another's analysis checks its own cancellation. */
  private static final long CANCEL_POLL_MILLIS = 20;

  DocumentValidator(ModelLanguageService service, DocumentStore store, Supplier<LspSettings> settings,
      Supplier<Path> workingDirectory, Consumer<PublishDiagnosticsParams> publisher, long delayMillis) {
    this(service, store, settings, workingDirectory, publisher, delayMillis, null);
  }

  /** {@code worker} runs the analyses one at a time (tests pass one they step by hand); null: a daemon thread. */
  DocumentValidator(ModelLanguageService service, DocumentStore store, Supplier<LspSettings> settings,
      Supplier<Path> workingDirectory, Consumer<PublishDiagnosticsParams> publisher, long delayMillis,
      Executor worker) {
    this.service = service;
    this.store = store;
    this.settings = settings;
    this.workingDirectory = workingDirectory;
    this.publisher = publisher;
    this.delayMillis = Math.max(0, delayMillis);
    this.ownedWorker = worker == null ? Executors.newSingleThreadExecutor(daemon("edgetpu-lint-validate")) : null;
    this.worker = worker == null ? ownedWorker : worker;
    this.timer = this.delayMillis > 0 ? Executors.newSingleThreadScheduledExecutor(daemon("edgetpu-lint-coalesce"))
        : null;
  }

  /** Validates {@code uri}'s current version now (after the coalescing delay, if one is set). */
  void schedule(String uri) {
    schedule(uri, delayMillis);
  }

  void schedule(String uri, long delay) {
    if (!queued.add(uri)) {
      return; // a run is already waiting: it will read the version current when it starts
    }
    try {
      if (delay > 0 && timer != null) {
        timer.schedule(() -> submit(uri), delay, TimeUnit.MILLISECONDS);
      } else {
        submit(uri);
      }
    } catch (RejectedExecutionException e) {
      queued.remove(uri); // closed
    }
  }

  private void submit(String uri) {
    try {
      worker.execute(() -> validate(uri));
    } catch (RejectedExecutionException e) {
      queued.remove(uri);
    }
  }

  private void validate(String uri) {
    // Leave the queue before reading the store: a change stored after this point queues a new run.
    queued.remove(uri);
    ModelDocument document = store.get(uri);
    if (document == null) {
      return;
    }
    CancelChecker overtaken = () -> {
      if (!isCurrent(document)) {
        throw new CancellationException("superseded by a newer version of " + uri);
      }
    };
    try {
      DocumentAnalysis analysis = null;
      while (analysis == null) {
        try {
          analysis = analyze(document, overtaken);
        } catch (OtherRunCancelled e) {
          overtaken.checkCanceled(); // a request's run of this version was cancelled: run it here
        }
      }
      if (isCurrent(document)) {
        List<Diagnostic> diagnostics = service.diagnostics(analysis);
        if (isCurrent(document)) {
          publish(uri, document, diagnostics);
        }
      }
    } catch (CancellationException e) {
      LOG.fine(() -> "validation of " + uri + " cancelled: " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(Level.WARNING, "validation of " + uri + " failed", e);
    }
  }

  /** Whether {@code document} is still the version the store holds (not overtaken, not closed). */
  private boolean isCurrent(ModelDocument document) {
    return store.get(document.uri()) == document;
  }

  /**
   * The analysis of the document's current version: from the cache, from the analysis of that version
   * already running (an editor asks for hints, lenses and symbols right after each change: they wait for
   * the validation instead of each analysing the same text again), or computed now.
   */
  DocumentAnalysis analysisOf(String uri, CancelChecker cancel) {
    while (true) {
      ModelDocument document = store.get(uri);
      if (document == null) {
        return null;
      }
      DocumentAnalysis cached = cache.get(uri);
      if (cached != null && cached.document() == document) {
        return cached;
      }
      try {
        return analyze(document, cancel);
      } catch (OtherRunCancelled e) {
        // The run this request waited for stopped: answer for the version current now.
      }
    }
  }

  /** One analysis in progress: the version it reads and its result. */
  private record Running(ModelDocument document, CompletableFuture<DocumentAnalysis> result) {}

  /** The run another caller started was cancelled (overtaken, or its request cancelled): not this caller's. */
  private static final class OtherRunCancelled extends RuntimeException {
    OtherRunCancelled() {
      super(null, null, false, false);
    }
  }

  private DocumentAnalysis analyze(ModelDocument document, CancelChecker cancel) {
    CompletableFuture<DocumentAnalysis> mine = new CompletableFuture<>();
    Running current = running.compute(document.uri(),
        (uri, other) -> other != null && other.document() == document ? other : new Running(document, mine));
    if (current.result() != mine) {
      return await(current.result(), cancel);
    }
    try {
      DocumentAnalysis analysis = service.analyze(document, settings.get(), workingDirectory.get(), cancel);
      // Only the newest analysis per document is kept, and only while the document is open: no
      // per-version retention, however many edits.
      cache.merge(document.uri(), analysis,
          (old, fresh) -> fresh.document().version() >= old.document().version() ? fresh : old);
      if (store.get(document.uri()) == null) {
        cache.remove(document.uri());
        service.forget(document.uri());
      }
      mine.complete(analysis);
      return analysis;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      running.remove(document.uri(), current);
    }
  }

  /** Waits for another caller's analysis, still answering this caller's cancellation. */
  private static DocumentAnalysis await(CompletableFuture<DocumentAnalysis> result, CancelChecker cancel) {
    while (true) {
      cancel.checkCanceled();
      try {
        return result.get(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // still running: check this caller's cancellation again
      } catch (CancellationException e) {
        // CompletableFuture.get rethrows a CancellationException the run completed with as it is,
        // unwrapped: it is the other caller's (its request cancelled, or its version overtaken), not ours.
        throw new OtherRunCancelled();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof CancellationException) {
          throw new OtherRunCancelled();
        }
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    }
  }

  /** Forgets a document and clears its diagnostics (closed, deleted). */
  void clear(String uri) {
    cache.remove(uri);
    service.forget(uri);
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
    if (timer != null) {
      timer.shutdownNow();
    }
    if (ownedWorker != null) {
      ownedWorker.shutdownNow();
    }
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
