package dev.edgetpulint.lsp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/** A server and a recording client talking JSON-RPC over in-process pipes. */
final class LspHarness implements AutoCloseable {
  final RecordingClient client = new RecordingClient();
  final LanguageServerLauncher.Running running;
  final LanguageServer server;
  private final Future<Void> clientListening;
  private final Pipe toServer = new Pipe();
  private final Pipe toClient = new Pipe();

  LspHarness(long coalesceMillis) throws IOException {
    running = LanguageServerLauncher.start(LspTestSupport.lintService(), toServer.in, toClient.out, coalesceMillis);
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, toClient.in, toServer.out);
    server = launcher.getRemoteProxy();
    clientListening = launcher.startListening();
  }

  InitializeResult initialize(Path folder, boolean configuration) throws Exception {
    InitializeParams params = new InitializeParams();
    params.setProcessId((int) ProcessHandle.current().pid());
    if (folder != null) {
      params.setWorkspaceFolders(List.of(new WorkspaceFolder(folder.toUri().toString(), "workspace")));
    }
    ClientCapabilities capabilities = new ClientCapabilities();
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    workspace.setConfiguration(configuration);
    workspace.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
    capabilities.setWorkspace(workspace);
    params.setCapabilities(capabilities);
    InitializeResult result = server.initialize(params).get(60, TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
    return result;
  }

  @Override
  public void close() throws IOException {
    clientListening.cancel(true);
    running.listening().cancel(true);
    running.executor().shutdownNow();
    toServer.out.close();
    toClient.out.close();
  }
}
