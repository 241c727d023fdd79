package dev.edgetpulint.bench;

import dev.edgetpulint.lsp.EdgeTpuLanguageServer;
import dev.edgetpulint.lsp.LanguageServerLauncher;
import dev.edgetpulint.lsp.Pipe;
import dev.edgetpulint.lsp.QueueingClient;
import dev.edgetpulint.service.StandardServices;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Language-server latency and memory, over real JSON-RPC streams (in-process pipes):
 * <ul>
 *   <li>republish latency: the time from sending a change of a 500-operator description (the MEAN's
 *       keep_dims toggled) to receiving the diagnostics of that version; p50/p95/max over 300 changes
 *       after an unmeasured first session of 400 changes and 100 warm-up changes (the server keeps the
 *       default JIT: a long-lived process), and the server's CPU time per measured change. The change
 *       is sent as the server asks for (incremental sync: the range of "false"/"true" and its
 *       replacement, as an editor sends a keystroke), and once more as a full-text change (what a
 *       client of a full-sync server sends: 254 KB of JSON per change); at the server's shipped
 *       coalescing delay (none: analysed at once, overtaken runs cancelled);
 *   <li>memory: 10,000 ranged changes in bursts of 100 (the last of each burst waited for), heap used
 *       after a full GC at every 1,000.
 * </ul>
 * Prints lines "what|value|target" for bench/run.sh.
 */
public final class LspBench {
  private static final int WARMUP = 100;
  private static final int MEASURED = 300;
  private static final int EDITS = 10_000;

  public static void main(String[] args) throws Exception {
    Path description = Path.of(args[0]).toAbsolutePath();
    String text = Files.readString(description);
    if (!text.contains("keep_dims: false")) {
      throw new IllegalArgumentException(description + " has no MEAN with keep_dims: false to toggle");
    }
    long shipped = EdgeTpuLanguageServer.DEFAULT_COALESCE_MILLIS;
    try (Session session = new Session(description, text, shipped, false)) {
      session.latencies(); // warms the JIT for both measured sessions (the server is a long-lived process)
    }
    try (Session session = new Session(description, text, shipped, false)) {
      long[] latencies = session.latencies();
      long cpu = session.measuredCpuNanos;
      report("lsp: republish after a change, 500 ops, p95", latencies, 95,
          "target < 50 ms (ranged change; coalescing delay " + shipped + " ms)");
      report("lsp: republish, p50", latencies, 50, "");
      System.out.printf("lsp: server CPU per change|%.1f ms|validation + JSON-RPC threads, less sensitive to load%n",
          cpu / 1e6 / MEASURED);
    }
    try (Session session = new Session(description, text, shipped, true)) {
      long[] latencies = session.latencies();
      report("lsp: republish, full-text changes, p95", latencies, 95, "254 KB of JSON per change");
      report("lsp: republish, full-text changes, p50", latencies, 50, "");
    }
    try (Session session = new Session(description, text, shipped, false)) {
      List<Long> heap = session.memory();
      long first = heap.get(0);
      long max = Collections.max(heap);
      long last = heap.get(heap.size() - 1);
      System.out.printf("lsp: heap after GC over %,d edits|%d MB after 1k, %d MB after 10k, max %d MB|flat: %s%n",
          EDITS, mb(first), mb(last), mb(max), last <= first * 1.2 + (8L << 20) ? "yes" : "NO (grows)");
    }
    System.exit(0);
  }

  private static void report(String what, long[] nanos, int percentile, String target) {
    long[] sorted = nanos.clone();
    java.util.Arrays.sort(sorted);
    int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
    System.out.printf("%s|%.1f ms (max %.1f ms, n=%d)|%s%n", what, sorted[index] / 1e6, sorted[sorted.length - 1] / 1e6,
        sorted.length, target);
  }

  /** CPU time of the server's validation and JSON-RPC threads (the client's threads are named otherwise). */
  private static long serverCpuNanos() {
    var threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && (info.getThreadName().startsWith("edgetpu-lint-validate")
          || info.getThreadName().startsWith("edgetpu-lint-jsonrpc"))) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  private static long mb(long bytes) {
    return bytes >> 20;
  }

  /** One server and one client over in-process pipes. */
  private static final class Session implements AutoCloseable {
    private final LinkedBlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    private final LanguageServerLauncher.Running running;
    private final LanguageServer server;
    private final String uri;
    private final String text;
    private final boolean fullText;
    private final Position keepDims;
    private int version = 1;
    /** CPU time of all the server's validation and JSON-RPC threads during the measured changes. */
    long measuredCpuNanos;

    Session(Path description, String text, long coalesceMillis, boolean fullText) throws Exception {
      this.text = text;
      this.fullText = fullText;
      int at = text.indexOf("keep_dims: false") + "keep_dims: ".length();
      int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
      keepDims = new Position(line, at - (text.lastIndexOf('\n', at - 1) + 1));
      this.uri = description.toUri().toString();
      Pipe toServer = new Pipe();
      Pipe toClient = new Pipe();
      running = LanguageServerLauncher.start(StandardServices.lintService(), toServer.in, toClient.out, coalesceMillis);
      Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new QueueingClient(published), toClient.in, toServer.out);
      server = launcher.getRemoteProxy();
      launcher.startListening();
      InitializeParams init = new InitializeParams();
      init.setCapabilities(new ClientCapabilities());
      server.initialize(init).get(60, TimeUnit.SECONDS);
      server.initialized(new InitializedParams());
      server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
          new TextDocumentItem(uri, "yaml", version, text)));
      awaitVersion(version);
    }

    /** Sends one change (even versions: keep_dims true, odd: false) and returns the new version. */
    int change() {
      version++;
      boolean toTrue = version % 2 == 0;
      TextDocumentContentChangeEvent event;
      if (fullText) {
        event = new TextDocumentContentChangeEvent(toTrue ? text.replace("keep_dims: false", "keep_dims: true") : text);
      } else {
        Position end = new Position(keepDims.getLine(), keepDims.getCharacter() + (toTrue ? 5 : 4));
        event = new TextDocumentContentChangeEvent(new Range(keepDims, end), toTrue ? "true" : "false");
      }
      server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
          new VersionedTextDocumentIdentifier(uri, version), List.of(event)));
      return version;
    }

    void awaitVersion(int wanted) throws InterruptedException {
      while (true) {
        PublishDiagnosticsParams p = published.poll(60, TimeUnit.SECONDS);
        if (p == null) {
          throw new IllegalStateException("no diagnostics for version " + wanted + " within 60 s");
        }
        if (uri.equals(p.getUri()) && p.getVersion() != null && p.getVersion() >= wanted) {
          return;
        }
      }
    }

    long[] latencies() throws InterruptedException {
      for (int i = 0; i < WARMUP; i++) {
        awaitVersion(change());
      }
      long[] out = new long[MEASURED];
      long cpuBefore = serverCpuNanos();
      for (int i = 0; i < MEASURED; i++) {
        long start = System.nanoTime();
        awaitVersion(change());
        out[i] = System.nanoTime() - start;
      }
      measuredCpuNanos = serverCpuNanos() - cpuBefore;
      return out;
    }

    List<Long> memory() throws InterruptedException {
      List<Long> heap = new ArrayList<>();
      for (int i = 1; i <= EDITS; i++) {
        int v = change();
        if (i % 100 == 0) {
          awaitVersion(v);
        }
        if (i % 1000 == 0) {
          System.gc();
          heap.add(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
      }
      return heap;
    }

    @Override
    public void close() {
      running.listening().cancel(true);
      running.executor().shutdownNow();
    }
  }
}
