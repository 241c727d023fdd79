// Entry point: starts the bundled edgetpu-lint language server and wires the editor features to it.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { checkArguments, LintSettings, runJar } from './cli';
import { SERVER_JVM_FLAGS, serverArchiveFlags, trainServerArchive } from './serverArchive';
import { ModelViewDiagnostics } from './diagnosticOverlap';
import { findJava, hostEnvironment, JavaLookup } from './java';
import {
  MODEL_DESCRIPTION_SCHEME,
  ModelDescriptionProvider,
  ModelViewEditorProvider,
  modelUriFor,
  showModelDescription,
} from './modelDescription';

export const LANGUAGE_ID = 'tflite-description';
const CONFIGURATION_SECTION = 'edgetpuLint';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let extensionContext: vscode.ExtensionContext;
// Every .tflite in the workspace: feeds the server's didChangeWatchedFiles and refreshes open model views.
let modelWatcher: vscode.FileSystemWatcher;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionContext = context;
  output = vscode.window.createOutputChannel('Edge TPU Lint');
  context.subscriptions.push(output);

  const descriptions = new ModelDescriptionProvider({ resolve: resolveJavaAndJar });
  modelWatcher = vscode.workspace.createFileSystemWatcher('**/*.tflite');
  context.subscriptions.push(
    descriptions,
    modelWatcher,
    modelWatcher.onDidChange((uri) => descriptions.modelChanged(uri)),
    vscode.workspace.registerTextDocumentContentProvider(MODEL_DESCRIPTION_SCHEME, descriptions),
    vscode.window.registerCustomEditorProvider(ModelViewEditorProvider.viewType, new ModelViewEditorProvider(), {
      supportsMultipleEditorsPerDocument: true,
    }),
    vscode.commands.registerCommand('edgetpuLint.lintModel', lintModel),
    vscode.commands.registerCommand('edgetpuLint.showDescription', showDescriptionCommand),
    vscode.commands.registerCommand('edgetpuLint.restartServer', restartServer),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (
        event.affectsConfiguration(`${CONFIGURATION_SECTION}.java.path`) ||
        event.affectsConfiguration(`${CONFIGURATION_SECTION}.server.jar`)
      ) {
        void restartServer();
      }
    }),
  );

  await startServer();
}

export async function deactivate(): Promise<void> {
  await stopServer();
}

function settings(): LintSettings {
  const configuration = vscode.workspace.getConfiguration(CONFIGURATION_SECTION);
  return {
    runtime: configuration.get<number | null>('runtime', null),
    compiler: configuration.get<string | null>('compiler', null),
    multipleSubgraphs: configuration.get<boolean>('multipleSubgraphs', false),
    select: configuration.get<string[]>('select', []),
    ignore: configuration.get<string[]>('ignore', []),
    severity: configuration.get<Record<string, string>>('severity', {}),
    configFile: configuration.get<string>('configFile', ''),
    rules: configuration.get<string[]>('rules', []),
  };
}

function serverJar(): string {
  const configured = vscode.workspace.getConfiguration(CONFIGURATION_SECTION).get<string>('server.jar', '').trim();
  return configured !== '' ? configured : extensionContext.asAbsolutePath('server/edgetpu-lint.jar');
}

async function lookupJava(): Promise<JavaLookup> {
  const configured = vscode.workspace.getConfiguration(CONFIGURATION_SECTION).get<string>('java.path', '');
  return findJava(configured, hostEnvironment);
}

async function resolveJavaAndJar(): Promise<{ java: string; jar: string; archiveDirectory: string } | { message: string }> {
  const java = await lookupJava();
  if (!java.ok) {
    return { message: java.message };
  }
  const jar = serverJar();
  if (!fs.existsSync(jar)) {
    return {
      message: `Edge TPU Lint cannot find its server jar at ${jar}. Reinstall the extension or set "edgetpuLint.server.jar".`,
    };
  }
  return { java: java.executable, jar, archiveDirectory: extensionContext.globalStorageUri.fsPath };
}

async function showSetupError(message: string): Promise<void> {
  output.appendLine(message);
  const choice = await vscode.window.showErrorMessage(message, 'Open Settings', 'Show Log');
  if (choice === 'Open Settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'edgetpuLint.java.path');
  } else if (choice === 'Show Log') {
    output.show(true);
  }
}

async function startServer(): Promise<void> {
  const resolved = await resolveJavaAndJar();
  if ('message' in resolved) {
    void showSetupError(resolved.message);
    return;
  }
  const archiveFlags = serverArchiveFlags(resolved.java, resolved.jar, resolved.archiveDirectory);
  output.appendLine(
    `Starting the language server: ${resolved.java} -jar ${resolved.jar} lsp` +
      (archiveFlags.length > 0 ? ' (with its class-data-sharing archive)' : ''),
  );
  const serverOptions: ServerOptions = {
    command: resolved.java,
    args: [...SERVER_JVM_FLAGS, ...archiveFlags, '-jar', resolved.jar, 'lsp'],
    transport: TransportKind.stdio,
  };
  // A model's findings come for the .tflite and for its open description view; the Problems view
  // lists each once (on the view's lines while it is open).
  const overlap = new ModelViewDiagnostics<vscode.Diagnostic>(
    (uri) => (uri.startsWith(`${MODEL_DESCRIPTION_SCHEME}:`) ? modelUriFor(vscode.Uri.parse(uri)).toString() : undefined),
    (uri) => uri.startsWith('file:') && uri.endsWith('.tflite'),
  );
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
      { scheme: MODEL_DESCRIPTION_SCHEME, language: LANGUAGE_ID },
    ],
    synchronize: {
      // The server lints .tflite files from disk; it hears of new and changed ones through this watcher.
      fileEvents: modelWatcher,
      configurationSection: CONFIGURATION_SECTION,
    },
    // The server reads the same section through workspace/configuration; these cover the first lint.
    initializationOptions: { [CONFIGURATION_SECTION]: settings() },
    outputChannel: output,
    traceOutputChannel: output,
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => {
        for (const [target, shown] of overlap.published(uri.toString(), diagnostics)) {
          next(vscode.Uri.parse(target), shown);
        }
      },
    },
  };
  client = new LanguageClient(CONFIGURATION_SECTION, 'Edge TPU Lint', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    void showSetupError(`Edge TPU Lint: the language server did not start: ${String(error)}`);
    return;
  }
  if (archiveFlags.length === 0) {
    scheduleServerArchive(resolved.java, resolved.jar, resolved.archiveDirectory);
  }
}

/** How long after a server start without an archive the training session starts (see scheduleServerArchive). */
const ARCHIVE_TRAINING_DELAY_MS = 20_000;
let archiveTrainingScheduled = false;

/**
 * Writes the server's archive for the next start (serverArchive.ts), once per window, some seconds
 * after this start so that it does not compete with the server's first analyses for the cores.
 */
function scheduleServerArchive(java: string, jar: string, directory: string): void {
  if (archiveTrainingScheduled) {
    return;
  }
  archiveTrainingScheduled = true;
  const timer = setTimeout(() => {
    void trainServerArchive(java, jar, directory).then((result) => {
      if (result === 'written') {
        output.appendLine("Wrote the language server's class-data-sharing archive: it starts faster from the next window on.");
      } else if (result === 'failed') {
        output.appendLine("Could not write the language server's class-data-sharing archive; it starts without one.");
      }
    });
  }, ARCHIVE_TRAINING_DELAY_MS);
  timer.unref?.();
}

async function stopServer(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop();
    } catch (error) {
      output.appendLine(`Stopping the language server failed: ${String(error)}`);
    }
  }
}

async function restartServer(): Promise<void> {
  await stopServer();
  await startServer();
}

/** The model a command applies to: its argument, the active editor or tab, or one the user picks. */
async function targetModel(argument: unknown): Promise<vscode.Uri | undefined> {
  if (argument instanceof vscode.Uri) {
    return argument.scheme === MODEL_DESCRIPTION_SCHEME ? modelUriFor(argument) : argument;
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active?.uri.scheme === MODEL_DESCRIPTION_SCHEME) {
    return modelUriFor(active.uri);
  }
  if (active?.languageId === LANGUAGE_ID && active.uri.scheme === 'file') {
    return active.uri;
  }
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (tab instanceof vscode.TabInputCustom && tab.uri.path.endsWith('.tflite')) {
    return tab.uri;
  }
  const found = await vscode.workspace.findFiles('**/*.{tflite,tflite.yaml,tflite.yml}', '**/node_modules/**', 500);
  if (found.length === 0) {
    void vscode.window.showInformationMessage('Edge TPU Lint: no .tflite model or .tflite.yaml description in the workspace.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { placeHolder: 'Model or description to lint' },
  );
  return picked?.uri;
}

async function lintModel(argument: unknown): Promise<void> {
  const model = await targetModel(argument);
  if (!model) {
    return;
  }
  const resolved = await resolveJavaAndJar();
  if ('message' in resolved) {
    await showSetupError(resolved.message);
    return;
  }
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === model.toString());
  const current = settings();
  const args = checkArguments(model.fsPath, current);
  output.appendLine('');
  output.appendLine(`$ edgetpu-lint ${args.join(' ')}`);
  if (open?.isDirty) {
    output.appendLine('(unsaved changes are not in this report; the Problems view shows them)');
  }
  output.show(true);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Edge TPU Lint: ${vscode.workspace.asRelativePath(model)}` },
    () =>
      runJar(resolved.java, resolved.jar, args, {
        cwd: vscode.workspace.getWorkspaceFolder(model)?.uri.fsPath,
        archiveDirectory: resolved.archiveDirectory,
      }),
  );
  if (result.stdout !== '') {
    output.append(result.stdout);
  }
  if (result.stderr !== '') {
    output.append(result.stderr);
  }
  const verdict =
    result.exitCode === 0 ? 'no findings' : result.exitCode === 1 ? 'findings reported' : 'the model could not be linted';
  output.appendLine(`exit code ${result.exitCode}: ${verdict}`);
  output.show(true);
  if (result.exitCode >= 2) {
    void vscode.window.showErrorMessage(`Edge TPU Lint: ${(result.stderr.trim().split('\n')[0] || verdict)}`);
  }
}

async function showDescriptionCommand(argument: unknown): Promise<void> {
  const model = await targetModel(argument);
  if (!model) {
    return;
  }
  if (!model.path.endsWith('.tflite')) {
    await vscode.window.showTextDocument(model);
    return;
  }
  await showModelDescription(model);
}
