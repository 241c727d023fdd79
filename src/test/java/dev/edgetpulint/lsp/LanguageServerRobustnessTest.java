package dev.edgetpulint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 9: hostile or clumsy clients. Each test drives the server over real streams and checks it still answers. */
class LanguageServerRobustnessTest {
  private static final String URI = "file:///workspace/model.tflite.yaml";
  private RawClient client;

  @BeforeEach
  void start() throws Exception {
    client = new RawClient(10);
    client.initialize();
  }

  @AfterEach
  void stop() {
    client.close();
  }

  private static String quote(String text) {
    return new JsonPrimitive(text).toString();
  }

  private void open(String text) {
    client.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + URI + "\",\"languageId\":\"yaml\","
        + "\"version\":1,\"text\":" + quote(text) + "}}");
  }

  private void change(int version, String text) {
    client.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + URI + "\",\"version\":" + version
        + "},\"contentChanges\":[{\"text\":" + quote(text) + "}]}");
  }

  private static boolean hasRule(JsonObject params, String rule) {
    for (var d : params.getAsJsonArray("diagnostics")) {
      var code = d.getAsJsonObject().get("code");
      if (code != null && code.getAsString().equals(rule)) {
        return true;
      }
    }
    return false;
  }

  private static int version(JsonObject params) {
    return params.has("version") && !params.get("version").isJsonNull() ? params.get("version").getAsInt() : -1;
  }

  private void assertStillAnswers() throws Exception {
    JsonObject probe = client.probe();
    assertTrue(probe.has("result"), probe.toString());
    assertEquals(new JsonArray(), probe.get("result"));
  }

  @Test
  void malformedJsonRpcIsSurvived() throws Exception {
    String truncated = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/hover\",\"params\":{";
    client.send(truncated);
    client.send("this is not json at all");
    client.send("[1, 2, 3]");
    client.send("{\"jsonrpc\":\"2.0\",\"id\":8}");
    client.send("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"textDocument/hover\",\"params\":\"wrong shape\"}");
    client.sendBytes("Content-Length: 2\r\n\r\n\u00ff\u00fe".getBytes(StandardCharsets.ISO_8859_1));
    assertStillAnswers();
    JsonObject wrongShape = client.response(9);
    assertTrue(wrongShape.has("error") || wrongShape.has("result"), wrongShape.toString());
  }

  @Test
  void unknownMethodsGetMethodNotFoundAndUnknownNotificationsAreIgnored() throws Exception {
    int id = client.request("edgetpu/noSuchMethod", "{}");
    JsonObject response = client.response(id);
    assertEquals(-32601, response.getAsJsonObject("error").get("code").getAsInt(), response.toString());
    client.notify("edgetpu/noSuchNotification", "{\"x\":1}");
    client.notify("$/someExtension", "{}");
    assertStillAnswers();
  }

  @Test
  void requestsForUnknownDocumentsAnswerEmpty() throws Exception {
    String doc = "{\"textDocument\":{\"uri\":\"file:///nowhere/x.tflite.yaml\"}";
    assertTrue(client.response(client.request("textDocument/hover", doc + ",\"position\":{\"line\":3,\"character\":1}}"))
        .get("result").isJsonNull());
    assertEquals(new JsonArray(), client.response(client.request("textDocument/codeLens", doc + "}")).get("result"));
    assertEquals(new JsonArray(), client.response(client.request("textDocument/inlayHint", doc
        + ",\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":9,\"character\":0}}}")).get("result"));
    assertEquals(new JsonArray(), client.response(client.request("textDocument/codeAction", doc
        + ",\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":9,\"character\":0}},"
        + "\"context\":{\"diagnostics\":[]}}")).get("result"));
    client.notify("textDocument/didClose", doc + "}");
    client.notify("textDocument/didSave", doc + "}");
    // A change for a document never opened starts tracking it from the full text.
    client.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"file:///nowhere/y.tflite.yaml\","
        + "\"version\":4},\"contentChanges\":[{\"text\":" + quote(LspTestSupport.DILATED) + "}]}");
    client.awaitDiagnostics("file:///nowhere/y.tflite.yaml", p -> hasRule(p, "EDGETPU-CONV2D-DILATION"));
    assertStillAnswers();
  }

  @Test
  void outOfOrderChangesNeverWinOverNewerOnes() throws Exception {
    open(LspTestSupport.CLEAN);
    change(5, LspTestSupport.DILATED);
    change(3, LspTestSupport.CLEAN);
    change(4, LspTestSupport.CLEAN);
    change(6, LspTestSupport.DILATED + "# six\n");
    JsonObject latest = client.awaitDiagnostics(URI, p -> version(p) == 6);
    assertTrue(hasRule(latest, "EDGETPU-CONV2D-DILATION"));
    List<Integer> versions = client.diagnostics(URI).stream().map(LanguageServerRobustnessTest::version).toList();
    assertTrue(!versions.contains(3) && !versions.contains(4), versions.toString());
    assertStillAnswers();
  }

  @Test
  void aThousandRapidEditsEndWithTheLastVersion() throws Exception {
    open(LspTestSupport.CLEAN);
    for (int version = 2; version <= 1001; version++) {
      change(version, version % 2 == 0 ? LspTestSupport.CLEAN + "# " + version + "\n" : LspTestSupport.DILATED);
    }
    JsonObject last = client.awaitDiagnostics(URI, p -> version(p) == 1001);
    assertTrue(hasRule(last, "EDGETPU-CONV2D-DILATION"));
    List<Integer> versions = client.diagnostics(URI).stream().map(LanguageServerRobustnessTest::version).toList();
    for (int i = 1; i < versions.size(); i++) {
      assertTrue(versions.get(i - 1) <= versions.get(i), "an older version published after a newer: " + versions);
    }
    int hover = client.request("textDocument/hover", "{\"textDocument\":{\"uri\":\"" + URI + "\"},"
        + "\"position\":{\"line\":12,\"character\":12}}");
    assertTrue(client.response(hover).getAsJsonObject("result").toString().contains("CONV_2D"));
  }

  @Test
  void hugeDocumentsAreJudgedOrRefusedAndTheServerGoesOn() throws Exception {
    StringBuilder big = new StringBuilder("format: edgetpu-lint/description/v1\nsubgraphs:\n  - inputs: [t0]\n"
        + "    tensors:\n");
    int ops = 5000;
    for (int i = 0; i <= ops; i++) {
      big.append("      - {name: t").append(i).append(", type: INT8, shape: [1, 8, 8, 16]}\n");
    }
    big.append("    operators:\n");
    for (int i = 0; i < ops; i++) {
      big.append("      - {op: ADD, inputs: [t").append(i).append(", t").append(i).append("], outputs: [t")
          .append(i + 1).append("]}\n");
    }
    open(big.toString());
    // Judged: 5,000 ADDs in a chain, all mappable, so no error (the model-level notes may be there).
    JsonObject judged = client.awaitDiagnostics(URI, p -> version(p) == 1);
    assertTrue(judged.getAsJsonArray("diagnostics").asList().stream()
        .noneMatch(d -> d.getAsJsonObject().get("severity").getAsInt() == 1), judged.toString());
    int symbols = client.request("textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"" + URI + "\"}}");
    JsonArray list = client.response(symbols).getAsJsonArray("result");
    assertEquals(ops, list.get(0).getAsJsonObject().getAsJsonArray("children").size());

    // Five megabytes of nesting: refused with a diagnostic, not a crash.
    change(2, "[".repeat(5_000_000));
    JsonObject refused = client.awaitDiagnostics(URI, p -> version(p) == 2);
    assertEquals(1, refused.getAsJsonArray("diagnostics").size(), refused.toString());
    assertStillAnswers();
  }

  @Test
  void cancelledRequestsAreAnsweredAndTheServerGoesOn() throws Exception {
    open(LspTestSupport.DILATED);
    int hover = client.request("textDocument/hover", "{\"textDocument\":{\"uri\":\"" + URI + "\"},"
        + "\"position\":{\"line\":12,\"character\":12}}");
    client.notify("$/cancelRequest", "{\"id\":" + hover + "}");
    JsonObject response = client.response(hover);
    assertTrue(response.has("result") || response.getAsJsonObject("error").get("code").getAsInt() == -32800,
        response.toString());
    client.notify("$/cancelRequest", "{\"id\":123456789}");
    client.notify("$/cancelRequest", "{\"id\":\"not a number\"}");
    assertStillAnswers();
  }
}
