// The read-only view of a binary .tflite: a virtual document holding the model's description,
// produced by `edgetpu-lint describe`. It is a tflite-description document like a hand-written one,
// so the language server publishes its diagnostics on their lines and shows Edge TPU / CPU per op.
import * as vscode from 'vscode';
import { describeArguments, runJar } from './cli';

export const MODEL_DESCRIPTION_SCHEME = 'edgetpu-lint-model';

/** file:///m/model.tflite -> edgetpu-lint-model:/m/model.tflite.yaml (the name gives the language). */
export function descriptionUriFor(model: vscode.Uri): vscode.Uri {
  return model.with({ scheme: MODEL_DESCRIPTION_SCHEME, path: `${model.path}.yaml` });
}

export function modelUriFor(description: vscode.Uri): vscode.Uri {
  return description.with({ scheme: 'file', path: description.path.replace(/\.ya?ml$/, '') });
}

export interface JarRunner {
  /** The java executable, the server jar and where run archives are kept, or a message saying why there are none. */
  resolve(): Promise<{ java: string; jar: string; archiveDirectory?: string } | { message: string }>;
}

export class ModelDescriptionProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly runner: JarRunner) {}

  /** Called when a model changes on disk: open views of it are described again. */
  modelChanged(model: vscode.Uri): void {
    this.changed.fire(descriptionUriFor(model));
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const model = modelUriFor(uri);
    const resolved = await this.runner.resolve();
    if ('message' in resolved) {
      return commentBlock(`Cannot describe ${model.fsPath}`, resolved.message);
    }
    const result = await runJar(resolved.java, resolved.jar, describeArguments(model.fsPath), {
      archiveDirectory: resolved.archiveDirectory,
    });
    if (token.isCancellationRequested) {
      return '';
    }
    if (result.exitCode !== 0 || result.stdout.trim() === '') {
      const reason = result.stderr.trim() || `edgetpu-lint describe exited with code ${result.exitCode}`;
      return commentBlock(`Cannot describe ${model.fsPath}`, reason);
    }
    return result.stdout;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** A YAML comment, so that a failure still shows as a readable (and valid) document. */
function commentBlock(title: string, body: string): string {
  const lines = [title, '', ...body.split(/\r?\n/)];
  return lines.map((line) => (line === '' ? '#' : `# ${line}`)).join('\n') + '\n';
}

/**
 * Opening a .tflite in the editor (double click in the explorer) shows its description instead of
 * "binary file not displayed": the custom editor hands over to the virtual document and closes.
 */
export class ModelViewEditorProvider implements vscode.CustomReadonlyEditorProvider {
  static readonly viewType = 'edgetpuLint.modelView';

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.options = { enableScripts: false };
    panel.webview.html = placeholderHtml(`Describing ${escapeHtml(document.uri.fsPath)} ...`);
    try {
      await showModelDescription(document.uri, panel.viewColumn);
      panel.dispose();
    } catch (error) {
      panel.webview.html = placeholderHtml(`Cannot show ${escapeHtml(document.uri.fsPath)}: ${escapeHtml(String(error))}`);
    }
  }
}

export async function showModelDescription(model: vscode.Uri, column?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(descriptionUriFor(model));
  if (document.languageId !== 'tflite-description') {
    await vscode.languages.setTextDocumentLanguage(document, 'tflite-description');
  }
  return vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
}

function placeholderHtml(text: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
</head><body style="font-family: var(--vscode-font-family); padding: 1em;"><p>${text}</p></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
