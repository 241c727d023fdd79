import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkArguments, describeArguments } from '../../src/cli';

describe('checkArguments', () => {
  it('passes the runtime version and leaves rule selection out when empty', () => {
    assert.deepEqual(checkArguments('/m/a.tflite', { runtimeVersion: 13, select: [], ignore: [] }), [
      'check', '--runtime-version', '13', '/m/a.tflite',
    ]);
  });

  it('joins selected and ignored rules', () => {
    assert.deepEqual(checkArguments('a.tflite', { runtimeVersion: 14, select: ['ETPU1', 'ETPU2'], ignore: ['ETPU3'] }), [
      'check', '--runtime-version', '14', '--select', 'ETPU1,ETPU2', '--ignore', 'ETPU3', 'a.tflite',
    ]);
  });
});

describe('describeArguments', () => {
  it('describes to stdout', () => {
    assert.deepEqual(describeArguments('a.tflite'), ['describe', 'a.tflite']);
  });
});
