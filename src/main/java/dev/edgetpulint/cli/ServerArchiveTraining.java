package dev.edgetpulint.cli;

import dev.edgetpulint.lsp.LanguageServerLauncher;
import dev.edgetpulint.lsp.QueueingClient;
import dev.edgetpulint.service.StandardServices;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Build-time helper (the pom's {@code lsp-archive} execution, run with {@code
 * -XX:ArchiveClassesAtExit}): one language-server session in this JVM, so that the archive it writes
 * holds the classes {@code edgetpu-lint lsp} loads: the {@code lsp} command line, the server, lsp4j's
 * JSON-RPC, the description reader and an analysis. A client in the same process, over in-memory
 * pipes, opens the description {@code args[0]}, waits for its diagnostics and shuts the server down.
 * {@code bin/edgetpu-lint lsp} maps the archive (docs/performance.md, C17). Exits 0 when the session
 * ended as the protocol asks, else 1 (the build then keeps no archive).
 */
public final class ServerArchiveTraining {
  private ServerArchiveTraining() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: ServerArchiveTraining DESCRIPTION.tflite.yaml");
      System.exit(ExitCodes.ERROR);
    }
    Path description = Path.of(args[0]).toAbsolutePath();
    // What `edgetpu-lint lsp` does before it serves: build and parse its command line.
    Main.commandLine(StandardServices::lintService, "lsp").parseArgs("lsp");

    Pipe toServer = Pipe.open();
    Pipe toClient = Pipe.open();
    LinkedBlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    Launcher<LanguageServer> client = LSPLauncher.createClientLauncher(new QueueingClient(published),
        Channels.newInputStream(toClient.source()), Channels.newOutputStream(toServer.sink()));
    client.startListening();
    CompletableFuture<Boolean> session = CompletableFuture.supplyAsync(() -> {
      try {
        return converse(client.getRemoteProxy(), description, published);
      } catch (Exception e) {
        System.err.println("language-server training session failed: " + e);
        try {
          toServer.sink().close(); // the server then stops serving: its input has ended
        } catch (java.io.IOException closing) {
          e.addSuppressed(closing);
        }
        return false;
      }
    });
    int code = LanguageServerLauncher.run(StandardServices.lintService(),
        Channels.newInputStream(toServer.source()), Channels.newOutputStream(toClient.sink()));
    System.exit(code == 0 && session.get(10, TimeUnit.SECONDS) ? 0 : 1);
  }

  private static boolean converse(LanguageServer server, Path description,
      LinkedBlockingQueue<PublishDiagnosticsParams> published) throws Exception {
    InitializeParams init = new InitializeParams();
    init.setCapabilities(new ClientCapabilities());
    server.initialize(init).get(60, TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
    String uri = description.toUri().toString();
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
        new TextDocumentItem(uri, "tflite-description", 1, Files.readString(description))));
    boolean diagnosed = false;
    for (PublishDiagnosticsParams p; !diagnosed && (p = published.poll(60, TimeUnit.SECONDS)) != null; ) {
      diagnosed = uri.equals(p.getUri());
    }
    server.shutdown().get(60, TimeUnit.SECONDS);
    server.exit();
    return diagnosed;
  }
}
