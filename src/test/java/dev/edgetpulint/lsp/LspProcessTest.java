package dev.edgetpulint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `bin/edgetpu-lint lsp` as a process: standard output carries only protocol frames; exit codes; a quiet stop. */
class LspProcessTest {
  @TempDir Path dir;

  private static void frame(OutputStream out, String json) throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** Splits standard output into frames; fails on any byte that is not part of a well-formed frame. */
  static List<JsonObject> frames(byte[] stdout) {
    List<JsonObject> out = new ArrayList<>();
    String text = new String(stdout, StandardCharsets.UTF_8);
    int at = 0;
    while (at < text.length()) {
      int headerEnd = text.indexOf("\r\n\r\n", at);
      assertTrue(headerEnd > at, "stray output on stdout: " + text.substring(at));
      String header = text.substring(at, headerEnd);
      assertTrue(header.startsWith("Content-Length: "), "stray output on stdout: " + header);
      int length = Integer.parseInt(header.substring("Content-Length: ".length()).trim());
      byte[] rest = text.substring(headerEnd + 4).getBytes(StandardCharsets.UTF_8);
      String body = new String(rest, 0, length, StandardCharsets.UTF_8);
      out.add(JsonParser.parseString(body).getAsJsonObject());
      at = headerEnd + 4 + body.length();
    }
    return out;
  }

  private Process start() throws Exception {
    Path launcher = Path.of("bin", "edgetpu-lint").toAbsolutePath();
    Assumptions.assumeTrue(Files.isExecutable(launcher), "bin/edgetpu-lint missing");
    ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "lsp", "--stdio").directory(dir.toFile());
    builder.environment().put("EDGETPU_LINT_CLASSPATH", System.getProperty("java.class.path"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.redirectError(dir.resolve("stderr.txt").toFile());
    return builder.start();
  }

  @Test
  void orderlyShutdownExitsZeroWithOnlyFramesOnStdout() throws Exception {
    Path description = Files.writeString(dir.resolve("m.tflite.yaml"), LspTestSupport.DILATED);
    Process server = start();
    OutputStream in = server.getOutputStream();
    frame(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,"
        + "\"rootUri\":\"" + dir.toUri() + "\",\"capabilities\":{}}}");
    frame(in, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
    frame(in, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\""
        + description.toUri() + "\",\"languageId\":\"yaml\",\"version\":1,\"text\":"
        + new com.google.gson.JsonPrimitive(LspTestSupport.DILATED) + "}}}");
    frame(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/documentSymbol\",\"params\":{"
        + "\"textDocument\":{\"uri\":\"" + description.toUri() + "\"}}}");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> {
      try {
        server.getInputStream().transferTo(stdout);
      } catch (Exception e) {
        // Process ended.
      }
    });
    reader.start();
    // Wait for the symbols answer before shutting down (the answer proves the analysis ran).
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!stdout.toString(StandardCharsets.UTF_8).contains("\"id\":\"2\"")
        && !stdout.toString(StandardCharsets.UTF_8).contains("\"id\":2") && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    frame(in, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\"}");
    frame(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    assertTrue(server.waitFor(120, TimeUnit.SECONDS), "server did not exit");
    reader.join(10_000);
    assertEquals(0, server.exitValue(), Files.readString(dir.resolve("stderr.txt")));
    List<JsonObject> frames = frames(stdout.toByteArray());
    assertTrue(frames.stream().anyMatch(f -> f.has("id") && f.get("id").getAsString().equals("2")
        && f.get("result").toString().contains("CONV_2D")), frames.toString());
    assertTrue(frames.stream().anyMatch(f -> f.has("id") && f.get("id").getAsString().equals("3")));
    // Standard input is still open: the reading thread was interrupted out of its read, quietly.
    String stderr = Files.readString(dir.resolve("stderr.txt"));
    assertFalse(stderr.contains("Exception"), stderr);
  }

  @Test
  void exitWithoutShutdownExitsOne() throws Exception {
    Process server = start();
    OutputStream in = server.getOutputStream();
    frame(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,"
        + "\"rootUri\":null,\"capabilities\":{}}}");
    frame(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    server.getInputStream().readAllBytes();
    assertTrue(server.waitFor(120, TimeUnit.SECONDS), "server did not exit");
    assertEquals(1, server.exitValue());
  }
}
