// While a model's read-only description view is open, the server publishes the model's findings twice:
// for the .tflite itself (from disk, as a workspace model) and for the view (a description document).
// The Problems view would list each finding under both. This keeps the view's copy, on the lines of
// the operators, and leaves out of the .tflite's list each finding the view already shows; a finding
// only one side reports stays. Free of the `vscode` module so that it can be unit-tested with Node.

/** What makes two diagnostics the same finding: the rule id and the message (which names the values). */
export interface DiagnosticLike {
  readonly code?: string | number | { readonly value: string | number };
  readonly message: string;
}

function findingKey(diagnostic: DiagnosticLike): string {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return `${String(code ?? '')}\u0000${diagnostic.message}`;
}

/** `diagnostics` without one of each finding in `shown` (a multiset difference: duplicates count). */
export function withoutShown<D extends DiagnosticLike>(diagnostics: readonly D[], shown: readonly DiagnosticLike[]): D[] {
  const remaining = new Map<string, number>();
  for (const diagnostic of shown) {
    const key = findingKey(diagnostic);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  return diagnostics.filter((diagnostic) => {
    const key = findingKey(diagnostic);
    const count = remaining.get(key) ?? 0;
    if (count === 0) {
      return true;
    }
    remaining.set(key, count - 1);
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
