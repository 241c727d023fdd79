package dev.edgetpulint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

/**
 * The validate-at-once-and-cancel scheduling, stepped by hand (no timing): at most one run waits per
 * document, a run reads the version current when it starts, an overtaken run publishes nothing, and a
 * request during a validation shares its analysis.
 */
class DocumentValidatorTest {
  private static final String URI = "file:///work/model.tflite.yaml";

  /** Runs submitted tasks only when the test says so. */
  private static final class SteppedExecutor implements Executor {
    final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runNext() {
      tasks.removeFirst().run();
    }
  }

  private final DocumentStore store = new DocumentStore();
  private final SteppedExecutor worker = new SteppedExecutor();
  private final List<PublishDiagnosticsParams> published = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ModelLanguageService service = new ModelLanguageService(LspTestSupport.lintService());
  private final DocumentValidator validator = new DocumentValidator(service, store, () -> LspSettings.DEFAULTS,
      () -> Path.of("").toAbsolutePath(), published::add, 0, worker);

  private void edit(long version, String text) {
    store.change(URI, version, List.of(new TextDocumentContentChangeEvent(text)));
    validator.schedule(URI);
  }

  @Test
  void aChangeIsValidatedAtOnceWithoutADelay() {
    edit(1, LspTestSupport.DILATED);
    assertEquals(1, worker.tasks.size(), "a run is submitted by the change itself");
    worker.runNext();
    assertEquals(1, published.size());
    assertEquals(1, published.get(0).getVersion());
    assertTrue(published.get(0).getDiagnostics().stream()
        .anyMatch(d -> LanguageServerProtocolTest.DILATION.equals(d.getCode().getLeft())));
  }

  @Test
  void burstsQueueOneRunThatReadsTheNewestVersion() {
    for (int version = 1; version <= 50; version++) {
      edit(version, version % 2 == 0 ? LspTestSupport.CLEAN : LspTestSupport.DILATED);
    }
    assertEquals(1, worker.tasks.size(), "never more than one waiting run per document");
    worker.runNext();
    assertEquals(1, published.size());
    assertEquals(50, published.get(0).getVersion());
    assertTrue(published.get(0).getDiagnostics().stream()
        .noneMatch(d -> LanguageServerProtocolTest.DILATION.equals(d.getCode().getLeft())));
  }

  @Test
  void anOvertakenRunPublishesNothing() {
    store.change(URI, 1, List.of(new TextDocumentContentChangeEvent(LspTestSupport.DILATED)));
    DocumentValidator racing = new DocumentValidator(service, store, () -> {
      // Settings are read at the start of the analysis: the editor's next change lands right then.
      if (store.get(URI).version() == 1) {
        store.change(URI, 2, List.of(new TextDocumentContentChangeEvent(LspTestSupport.CLEAN)));
      }
      return LspSettings.DEFAULTS;
    }, () -> Path.of("").toAbsolutePath(), published::add, 0, worker);
    racing.schedule(URI);
    worker.runNext();
    assertEquals(List.of(), published, "version 1 was overtaken by version 2 during its analysis");
    racing.schedule(URI);
    worker.runNext();
    assertEquals(1, published.size());
    assertEquals(2, published.get(0).getVersion());
  }

  @Test
  void aRequestDuringTheValidationWaitsForItInsteadOfAnalysingAgain() throws Exception {
    store.change(URI, 1, List.of(new TextDocumentContentChangeEvent(LspTestSupport.DILATED)));
    AtomicInteger analyses = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    DocumentValidator threaded = new DocumentValidator(service, store, () -> {
      // Read once per analysis, at its start: the first analysis holds here until released.
      if (analyses.incrementAndGet() == 1) {
        started.countDown();
        await(release);
      }
      return LspSettings.DEFAULTS;
    }, () -> Path.of("").toAbsolutePath(), published::add, 0, task -> new Thread(task, "validate").start());
    threaded.schedule(URI);
    assertTrue(started.await(60, TimeUnit.SECONDS));
    DocumentAnalysis[] answered = new DocumentAnalysis[1];
    Thread request = new Thread(() -> answered[0] = threaded.analysisOf(URI, () -> {}), "hover");
    request.start();
    // Wait (no time limit on the outcome) until the request either waits for the run or analyses itself.
    while (request.getState() != Thread.State.TIMED_WAITING && request.isAlive() && analyses.get() < 2) {
      Thread.onSpinWait();
    }
    release.countDown();
    request.join();
    assertEquals(1, analyses.get(), "the request analysed the same version a second time");
    assertSame(threaded.analysisOf(URI, () -> {}), answered[0]);
    while (published.isEmpty()) {
      Thread.onSpinWait();
    }
    assertEquals(1, published.get(0).getVersion());
  }

  @Test
  void aValidationThatWaitedForACancelledRequestStillPublishes() throws Exception {
    // An editor asks for lenses right after opening a file and often cancels the request: the
    // validation that waited for the request's analysis must run it again, not give up silently.
    store.change(URI, 1, List.of(new TextDocumentContentChangeEvent(LspTestSupport.DILATED)));
    AtomicInteger analyses = new AtomicInteger();
    CountDownLatch requestAnalysing = new CountDownLatch(1);
    CountDownLatch cancelRequest = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean requestCancelled = new java.util.concurrent.atomic.AtomicBoolean();
    List<Thread> validations = new java.util.concurrent.CopyOnWriteArrayList<>();
    DocumentValidator threaded = new DocumentValidator(service, store, () -> {
      if (analyses.incrementAndGet() == 1) {
        requestAnalysing.countDown();
        await(cancelRequest);
      }
      return LspSettings.DEFAULTS;
    }, () -> Path.of("").toAbsolutePath(), published::add, 0, task -> {
      Thread validation = new Thread(task, "validate");
      validations.add(validation);
      validation.start();
    });
    Thread request = new Thread(() -> {
      try {
        threaded.analysisOf(URI, () -> {
          if (requestCancelled.get()) {
            throw new java.util.concurrent.CancellationException("the editor cancelled the request");
          }
        });
      } catch (java.util.concurrent.CancellationException expected) {
        // the request's own cancellation
      }
    }, "codeLens");
    request.start();
    assertTrue(requestAnalysing.await(60, TimeUnit.SECONDS));
    threaded.schedule(URI);
    Thread validation = validations.get(0);
    // Cancel only once the validation waits for the request's analysis (no time limit on the outcome).
    while (validation.getState() != Thread.State.TIMED_WAITING && validation.isAlive()) {
      Thread.onSpinWait();
    }
    requestCancelled.set(true);
    cancelRequest.countDown();
    request.join();
    validation.join();
    assertEquals(1, published.size(), "the validation gave up when the request it waited for was cancelled");
    assertEquals(1, published.get(0).getVersion());
    assertEquals(2, analyses.get());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aClosedDocumentIsNotValidatedAndItsDiagnosticsAreCleared() {
    edit(1, LspTestSupport.DILATED);
    store.remove(URI);
    validator.clear(URI);
    worker.runNext();
    assertEquals(1, published.size());
    assertEquals(List.of(), published.get(0).getDiagnostics());
    assertEquals(null, validator.analysisOf(URI, () -> {}));
  }
}
