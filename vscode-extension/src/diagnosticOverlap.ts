// While a model's read-only description view is open, the server publishes the model's findings twice:
// for the .tflite itself (from disk, as a workspace model) and for the view (a description document).
// The Problems view would list each finding under both. This keeps the view's copy, on the lines of
// the operators, and leaves out of the .tflite's list each finding the view already shows; a finding
// only one side reports stays. Free of the `vscode` module so that it can be unit-tested with Node.

/**
 * What makes two diagnostics the same finding: the rule id and the message (which names the values),
 * less the .tflite's "operator N (OP): " prefix.
 */
export interface DiagnosticLike {
  readonly code?: string | number | { readonly value: string | number };
  readonly message: string;
}

/**
 * A .tflite has no lines, so the server starts its messages with where the finding is ("operator 3
 * (CONV_2D): ", "operator 1 (ADD) of subgraph 2: ", "tensor 7 'input': "); the view puts the finding on
 * that line instead.
 */
const WHERE_PREFIX = /^(?:operator \d+(?: \([A-Za-z0-9_]+\))?(?: of subgraph \d+)?|tensor \d+(?: '.*?')?): /;

function findingKey(diagnostic: DiagnosticLike, message = diagnostic.message): string {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return `${String(code ?? '')}\u0000${message}`;
}

/** `diagnostics` without one of each finding in `shown` (a multiset difference: duplicates count). */
export function withoutShown<D extends DiagnosticLike>(diagnostics: readonly D[], shown: readonly DiagnosticLike[]): D[] {
  const remaining = new Map<string, number>();
  for (const diagnostic of shown) {
    const key = findingKey(diagnostic);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  return diagnostics.filter((diagnostic) => {
    const keys = [findingKey(diagnostic)];
    const unplaced = diagnostic.message.replace(WHERE_PREFIX, '');
    if (unplaced !== diagnostic.message) {
      keys.push(findingKey(diagnostic, unplaced));
    }
    const key = keys.find((k) => (remaining.get(k) ?? 0) > 0);
    if (key === undefined) {
      return true;
    }
    remaining.set(key, (remaining.get(key) ?? 0) - 1);
    return false;
  });
}

/**
 * The diagnostics the server last published for models and their views, by URI string. `modelOfView`
 * gives the model's URI string for a description view's, and undefined for any other document.
 */
export class ModelViewDiagnostics<D extends DiagnosticLike> {
  private readonly models = new Map<string, readonly D[]>();
  private readonly views = new Map<string, readonly D[]>(); // by the model's URI string

  constructor(
    private readonly modelOfView: (uri: string) => string | undefined,
    private readonly isModel: (uri: string) => boolean,
  ) {}

  /** The server published `diagnostics` for `uri`: what to show, as [uri, diagnostics] pairs. */
  published(uri: string, diagnostics: readonly D[]): Array<[string, D[]]> {
    const model = this.modelOfView(uri);
    if (model !== undefined) {
      if (diagnostics.length === 0) {
        this.views.delete(model); // the view closed (or has no findings): the .tflite shows them all
      } else {
        this.views.set(model, diagnostics);
      }
      const result: Array<[string, D[]]> = [[uri, [...diagnostics]]];
      const modelDiagnostics = this.models.get(model);
      if (modelDiagnostics !== undefined) {
        result.push([model, withoutShown(modelDiagnostics, diagnostics)]);
      }
      return result;
    }
    if (this.isModel(uri)) {
      if (diagnostics.length === 0) {
        this.models.delete(uri);
      } else {
        this.models.set(uri, diagnostics);
      }
      return [[uri, withoutShown(diagnostics, this.views.get(uri) ?? [])]];
    }
    return [[uri, [...diagnostics]]];
  }
}
