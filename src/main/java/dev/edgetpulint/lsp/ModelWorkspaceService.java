package dev.edgetpulint.lsp;

import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Translates workspace/* notifications to the server: settings, watched files, workspace folders. */
final class ModelWorkspaceService implements WorkspaceService {
  private final EdgeTpuLanguageServer server;

  ModelWorkspaceService(EdgeTpuLanguageServer server) {
    this.server = server;
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    server.settingsChanged(params.getSettings());
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    for (FileEvent event : params.getChanges()) {
      server.fileChanged(event.getUri(), event.getType());
    }
  }

  @Override
  public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
    server.foldersChanged(params.getEvent().getAdded(), params.getEvent().getRemoved());
  }
}
