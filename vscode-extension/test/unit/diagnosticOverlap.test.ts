import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticLike, ModelViewDiagnostics, withoutShown } from '../../src/diagnosticOverlap';

const VIEW = 'edgetpu-lint-model:/w/m.tflite.yaml';
const MODEL = 'file:///w/m.tflite';

function diagnostic(code: string, message: string, line = 0): DiagnosticLike & { line: number } {
  return { code: { value: code }, message, line };
}

function tracker(): ModelViewDiagnostics<DiagnosticLike & { line: number }> {
  return new ModelViewDiagnostics(
    (uri) => (uri.startsWith('edgetpu-lint-model:') ? uri.replace('edgetpu-lint-model:', 'file://').replace(/\.yaml$/, '') : undefined),
    (uri) => uri.startsWith('file:') && uri.endsWith('.tflite'),
  );
}

const DILATION = diagnostic('EDGETPU-CONV2D-DILATION', 'dilation 2x1', 0);
const FLOAT = diagnostic('EDGETPU-QUANT-FLOAT', 'the model is float32', 0);

describe('withoutShown', () => {
  it('drops one finding per finding shown, by rule id and message, whatever the line', () => {
    const shown = [diagnostic('EDGETPU-CONV2D-DILATION', 'dilation 2x1', 12)];
    assert.deepEqual(withoutShown([DILATION, DILATION, FLOAT], shown), [DILATION, FLOAT]);
    assert.deepEqual(withoutShown([DILATION], [diagnostic('EDGETPU-CONV2D-DILATION', 'dilation 3x1')]), [DILATION]);
    assert.deepEqual(withoutShown([{ code: 'A', message: 'm' }], [{ code: { value: 'A' }, message: 'm' }]), []);
  });

  it("matches the .tflite's message, which starts with where the finding is, to the view's", () => {
    const inView = [
      diagnostic('EDGETPU-DATA-TYPE', "CONV_2D reads FLOAT32 tensor 'input'\nFix: quantize", 12),
      diagnostic('EDGETPU-DATA-TYPE', "ADD reads FLOAT32\nFix: quantize", 30),
      diagnostic('EDGETPU-TENSOR', 'too big', 40),
    ];
    const model = [
      diagnostic('EDGETPU-DATA-TYPE', "operator 0 (CONV_2D): CONV_2D reads FLOAT32 tensor 'input'\nFix: quantize"),
      diagnostic('EDGETPU-DATA-TYPE', 'operator 4 (ADD) of subgraph 1: ADD reads FLOAT32\nFix: quantize'),
      diagnostic('EDGETPU-TENSOR', "tensor 7 'a: b': too big"),
      diagnostic('EDGETPU-DATA-TYPE', 'operator 5 (ADD): ADD reads FLOAT32\nFix: quantize'), // one ADD only in the view
      diagnostic('EDGETPU-OTHER', "operator 0 (CONV_2D): CONV_2D reads FLOAT32 tensor 'input'\nFix: quantize"),
    ];
    assert.deepEqual(withoutShown(model, inView), [model[3], model[4]]);
  });
});

describe('ModelViewDiagnostics', () => {
  it('shows the findings of a model once while its view is open, and all of them again when it closes', () => {
    const t = tracker();
    assert.deepEqual(t.published(MODEL, [DILATION, FLOAT]), [[MODEL, [DILATION, FLOAT]]]);
    const onLines = [diagnostic('EDGETPU-CONV2D-DILATION', 'dilation 2x1', 14)];
    // The view reports only the dilation: the .tflite keeps the float finding the view does not show.
    assert.deepEqual(t.published(VIEW, onLines), [[VIEW, onLines], [MODEL, [FLOAT]]]);
    // The model is linted again from disk while the view is open.
    assert.deepEqual(t.published(MODEL, [DILATION, FLOAT]), [[MODEL, [FLOAT]]]);
    // The view closes: the server clears it, and the .tflite shows everything again.
    assert.deepEqual(t.published(VIEW, []), [[VIEW, []], [MODEL, [DILATION, FLOAT]]]);
  });

  it('passes other documents through and does not republish a model it has not heard of', () => {
    const t = tracker();
    assert.deepEqual(t.published('file:///w/d.tflite.yaml', [FLOAT]), [['file:///w/d.tflite.yaml', [FLOAT]]]);
    assert.deepEqual(t.published(VIEW, [FLOAT]), [[VIEW, [FLOAT]]]);
    assert.deepEqual(t.published(MODEL, [FLOAT, DILATION]), [[MODEL, [DILATION]]]);
  });
});
