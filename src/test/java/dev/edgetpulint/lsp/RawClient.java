package dev.edgetpulint.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A client that speaks raw JSON-RPC (base protocol framing by hand) so that tests can send what no
 * well-behaved client library would: malformed frames, unknown methods, stale versions, floods.
 */
final class RawClient implements AutoCloseable {
  private final Pipe toServer = new Pipe();
  private final Pipe fromServer = new Pipe();
  final LanguageServerLauncher.Running running;
  final List<JsonObject> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger(1000);
  private final Thread reader;
  private final Object lock = new Object();

  RawClient(long coalesceMillis) {
    running = LanguageServerLauncher.start(LspTestSupport.lintService(), toServer.in, fromServer.out, coalesceMillis);
    reader = new Thread(this::readLoop, "raw-client-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void readLoop() {
    InputStream in = fromServer.in;
    try {
      while (true) {
        int length = -1;
        String line;
        while (!(line = readLine(in)).isEmpty()) {
          if (line.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(line.substring("content-length:".length()).trim());
          }
        }
        byte[] body = in.readNBytes(length);
        JsonObject message = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
        if (message.has("method") && message.has("id")) {
          // A request from the server (configuration, registerCapability): answer null.
          send("{\"jsonrpc\":\"2.0\",\"id\":" + message.get("id") + ",\"result\":null}");
        }
        received.add(message);
        synchronized (lock) {
          lock.notifyAll();
        }
      }
    } catch (IOException | RuntimeException e) {
      // Stream closed.
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    if (b == -1) {
      throw new IOException("closed");
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  void sendBytes(byte[] bytes) {
    try {
      toServer.out.write(bytes);
      toServer.out.flush();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Frames and sends one message body. */
  void send(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    sendBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    sendBytes(body);
  }

  int request(String method, String params) {
    int id = ids.incrementAndGet();
    send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
    return id;
  }

  void notify(String method, String params) {
    send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + "}");
  }

  /** The response to request {@code id}; fails after a minute. */
  JsonObject response(int id) throws InterruptedException {
    return await(m -> !m.has("method") && m.has("id") && m.get("id").isJsonPrimitive()
        && m.get("id").getAsString().equals(Integer.toString(id)));
  }

  JsonObject await(Predicate<JsonObject> condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    synchronized (lock) {
      while (true) {
        for (int i = received.size() - 1; i >= 0; i--) {
          if (condition.test(received.get(i))) {
            return received.get(i);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no matching message; received " + received.size() + " messages");
        }
        lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
  }

  /** The latest publishDiagnostics for {@code uri} that satisfies {@code condition}. */
  JsonObject awaitDiagnostics(String uri, Predicate<JsonObject> condition) throws InterruptedException {
    return await(m -> "textDocument/publishDiagnostics".equals(method(m))
        && m.getAsJsonObject("params").get("uri").getAsString().equals(uri) && condition.test(m.getAsJsonObject("params")))
        .getAsJsonObject("params");
  }

  List<JsonObject> diagnostics(String uri) {
    return received.stream().filter(m -> "textDocument/publishDiagnostics".equals(method(m))
        && m.getAsJsonObject("params").get("uri").getAsString().equals(uri))
        .map(m -> m.getAsJsonObject("params")).toList();
  }

  static String method(JsonObject m) {
    JsonElement method = m.get("method");
    return method == null ? null : method.getAsString();
  }

  /** initialize + initialized, with no workspace folder. */
  void initialize() throws InterruptedException {
    int id = request("initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}");
    response(id);
    notify("initialized", "{}");
  }

  /** Whether the server still answers: a request it knows, on a document it does not know. */
  JsonObject probe() throws InterruptedException {
    int id = request("textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"file:///nowhere/probe.tflite.yaml\"}}");
    return response(id);
  }

  @Override
  public void close() {
    try {
      toServer.out.close();
      fromServer.out.close();
    } catch (IOException e) {
      // Pipes do not fail on close.
    }
    running.listening().cancel(true);
    running.executor().shutdownNow();
  }
}
