package dev.edgetpulint.lsp;

import dev.edgetpulint.service.LintService;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Connects an {@link EdgeTpuLanguageServer} to a pair of streams (stdio, or pipes in tests). */
public final class LanguageServerLauncher {
  private LanguageServerLauncher() {}

  /** Starts serving; the returned server's {@link EdgeTpuLanguageServer#exited()} says when to stop. */
  public static Running start(LintService lint, InputStream in, OutputStream out, long coalesceMillis) {
    EdgeTpuLanguageServer server = new EdgeTpuLanguageServer(lint, coalesceMillis);
    ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "edgetpu-lint-jsonrpc");
      thread.setDaemon(true);
      return thread;
    });
    Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>()
        .setLocalService(server)
        .setRemoteInterface(LanguageClient.class)
        .setInput(in)
        .setOutput(out)
        .setExecutorService(executor)
        .create();
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    return new Running(server, listening, executor);
  }

  /**
   * Serves until the client sends {@code exit} or closes the input; returns the exit code (0 after an
   * orderly shutdown, 1 otherwise, as the protocol asks).
   */
  public static int run(LintService lint, InputStream in, OutputStream out) {
    Running running = start(lint, in, out, EdgeTpuLanguageServer.DEFAULT_COALESCE_MILLIS);
    CompletableFuture<Object> inputClosed = CompletableFuture.supplyAsync(() -> {
      try {
        running.listening().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | java.util.concurrent.CancellationException e) {
        // The stream ended badly: same as closed.
      }
      return 1;
    }, running.executor());
    try {
      Object code = CompletableFuture.anyOf(running.server().exited(), inputClosed).get();
      return code instanceof Integer i ? i : 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (ExecutionException e) {
      return 1;
    } finally {
      // Interrupting the reader ends a read of an interruptible input (LspCommand's) with a
      // ClosedByInterruptException, which lsp4j logs as INFO with its stack trace: expected when the
      // server stops, not worth a stack trace in the editor's log.
      READER_LOG.setLevel(Level.WARNING);
      running.executor().shutdownNow();
    }
  }

  /** lsp4j's logger for the end of the input stream (kept here: a logger's level lives as long as it is referenced). */
  private static final Logger READER_LOG = Logger.getLogger(StreamMessageProducer.class.getName());

  /** A server connected to its streams. */
  public record Running(EdgeTpuLanguageServer server, Future<Void> listening, ExecutorService executor) {}
}
