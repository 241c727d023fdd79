package dev.edgetpulint.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.edgetpulint.service.LintService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The edgetpu-lint language server: lifecycle, capabilities, settings and workspace models. Features
 * live in {@link ModelLanguageService}; this class and the two protocol services only translate.
 */
public final class EdgeTpuLanguageServer implements LanguageServer, LanguageClientAware {
  /**
   * Coalescing delay before validating a change: none. A change is analysed at once and a newer change
   * overtakes the running analysis (see {@link DocumentValidator}); a delay would only add latency, since
   * an overtaken run stops at its next stage and at most one run waits per document (docs/performance.md).
   */
  public static final long DEFAULT_COALESCE_MILLIS = 0;
  private static final Logger LOG = Logger.getLogger(EdgeTpuLanguageServer.class.getName());

  private final DocumentStore store = new DocumentStore();
  private final DocumentValidator validator;
  private final ModelTextDocumentService textService;
  private final ModelWorkspaceService workspaceService = new ModelWorkspaceService(this);
  private final List<Path> folders = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Integer> exited = new CompletableFuture<>();
  private volatile LanguageClient client;
  private volatile LspSettings settings = LspSettings.DEFAULTS;
  private volatile boolean pullConfiguration;
  private volatile boolean registerWatchers;
  private volatile boolean shutdown;

  public EdgeTpuLanguageServer(LintService lint) {
    this(lint, DEFAULT_COALESCE_MILLIS);
  }

  /** {@code coalesceMillis}: how long a run waits after the first change of a burst (0: starts at once). */
  public EdgeTpuLanguageServer(LintService lint, long coalesceMillis) {
    ModelLanguageService service = new ModelLanguageService(lint);
    this.validator = new DocumentValidator(service, store, () -> settings, this::workingDirectory, params -> {
      LanguageClient c = client;
      if (c != null && !shutdown) {
        c.publishDiagnostics(params);
      }
    }, coalesceMillis);
    this.textService = new ModelTextDocumentService(service, store, validator);
  }

  @Override
  public void connect(LanguageClient languageClient) {
    this.client = languageClient;
  }

  /** Completes with the process exit code when the client sends {@code exit} (0 after shutdown, else 1). */
  public CompletableFuture<Integer> exited() {
    return exited;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    if (params.getWorkspaceFolders() != null) {
      for (WorkspaceFolder folder : params.getWorkspaceFolders()) {
        addFolder(folder.getUri());
      }
    }
    if (folders.isEmpty() && params.getRootUri() != null) {
      addFolder(params.getRootUri());
    }
    if (params.getInitializationOptions() instanceof JsonElement options) {
      applySettings(LspSettings.from(options));
    }
    ClientCapabilities capabilities = params.getCapabilities();
    if (capabilities != null && capabilities.getWorkspace() != null) {
      pullConfiguration = Boolean.TRUE.equals(capabilities.getWorkspace().getConfiguration());
      var watched = capabilities.getWorkspace().getDidChangeWatchedFiles();
      registerWatchers = watched != null && Boolean.TRUE.equals(watched.getDynamicRegistration());
    }
    ServerCapabilities server = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    // Ranged changes: a keystroke in a 250 KB description is a few bytes on the wire, not the whole text.
    sync.setChange(TextDocumentSyncKind.Incremental);
    sync.setSave(new SaveOptions(false));
    server.setTextDocumentSync(sync);
    server.setHoverProvider(true);
    server.setDocumentSymbolProvider(true);
    server.setInlayHintProvider(true);
    server.setCodeLensProvider(new CodeLensOptions(false));
    server.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
    WorkspaceFoldersOptions folderOptions = new WorkspaceFoldersOptions();
    folderOptions.setSupported(true);
    folderOptions.setChangeNotifications(true);
    server.setWorkspace(new WorkspaceServerCapabilities(folderOptions));
    return CompletableFuture.completedFuture(new InitializeResult(server, new ServerInfo("edgetpu-lint", version())));
  }

  @Override
  public void initialized(InitializedParams params) {
    LanguageClient c = client;
    if (c != null && registerWatchers) {
      DidChangeWatchedFilesRegistrationOptions options = new DidChangeWatchedFilesRegistrationOptions(List.of(
          new FileSystemWatcher(Either.forLeft("**/*.tflite")),
          new FileSystemWatcher(Either.forLeft("**/.edgetpu-lint.{yaml,yml}"))));
      c.registerCapability(new RegistrationParams(List.of(
          new Registration("edgetpu-lint-watch", "workspace/didChangeWatchedFiles", options))));
    }
    if (pullConfiguration) {
      pullSettings();
    }
    scanWorkspace(folders);
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    validator.close();
    exited.complete(shutdown ? 0 : 1);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return textService;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspaceService;
  }

  // ---------------------------------------------------------------- workspace events

  void settingsChanged(Object pushed) {
    if (pushed instanceof JsonObject json && json.has(LspSettings.SECTION)) {
      applySettings(LspSettings.from(json));
      revalidateAll();
    } else if (pullConfiguration) {
      pullSettings();
    } else {
      revalidateAll();
    }
  }

  void fileChanged(String uri, FileChangeType type) {
    Path file = ModelDocument.toPath(uri);
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    if (name.equals(".edgetpu-lint.yaml") || name.equals(".edgetpu-lint.yml")) {
      revalidateAll();
      return;
    }
    if (!WorkspaceScanner.isBinaryModel(file)) {
      return;
    }
    if (type == FileChangeType.Deleted) {
      store.remove(uri);
      validator.clear(uri);
      return;
    }
    store.put(ModelDocument.binary(uri, modified(file)));
    validator.schedule(uri);
  }

  void foldersChanged(List<WorkspaceFolder> added, List<WorkspaceFolder> removed) {
    for (WorkspaceFolder folder : removed) {
      Path path = ModelDocument.toPath(folder.getUri()).toAbsolutePath().normalize();
      folders.remove(path);
      for (String uri : store.uris()) {
        ModelDocument doc = store.get(uri);
        if (doc != null && doc.text() == null && doc.file().toAbsolutePath().normalize().startsWith(path)) {
          store.remove(uri);
          validator.clear(uri);
        }
      }
    }
    List<Path> fresh = new ArrayList<>();
    for (WorkspaceFolder folder : added) {
      Path path = addFolder(folder.getUri());
      if (path != null) {
        fresh.add(path);
      }
    }
    scanWorkspace(fresh);
  }

  private void scanWorkspace(List<Path> roots) {
    List<Path> copy = List.copyOf(roots);
    Thread scanner = new Thread(() -> {
      for (Path folder : copy) {
        for (Path model : WorkspaceScanner.binaryModels(folder)) {
          String uri = model.toUri().toString();
          if (store.get(uri) == null) {
            store.put(ModelDocument.binary(uri, modified(model)));
            validator.schedule(uri, 0);
          }
        }
      }
    }, "edgetpu-lint-scan");
    scanner.setDaemon(true);
    scanner.start();
  }

  private void pullSettings() {
    LanguageClient c = client;
    if (c == null) {
      return;
    }
    ConfigurationItem item = new ConfigurationItem();
    item.setSection(LspSettings.SECTION);
    // Never wait on the message thread: the answer arrives on it.
    c.configuration(new ConfigurationParams(List.of(item))).thenAccept(values -> {
      if (values != null && !values.isEmpty() && values.get(0) instanceof JsonElement json) {
        applySettings(LspSettings.from(json));
      }
      revalidateAll();
    }).exceptionally(e -> {
      LOG.warning("workspace/configuration failed: " + e.getMessage());
      return null;
    });
  }

  private void applySettings(LspSettings next) {
    settings = next;
    LanguageClient c = client;
    if (c != null && !next.problems().isEmpty()) {
      c.showMessage(new MessageParams(MessageType.Warning,
          "edgetpu-lint settings: " + String.join("; ", next.problems())));
    }
  }

  private void revalidateAll() {
    validator.invalidateAll();
    for (String uri : store.uris()) {
      validator.schedule(uri);
    }
  }

  private Path addFolder(String uri) {
    try {
      Path path = ModelDocument.toPath(uri).toAbsolutePath().normalize();
      if (!folders.contains(path)) {
        folders.add(path);
      }
      return path;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Path workingDirectory() {
    return folders.isEmpty() ? Path.of("").toAbsolutePath() : folders.get(0);
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (Exception e) {
      return System.currentTimeMillis();
    }
  }

  private static String version() {
    String v = EdgeTpuLanguageServer.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
