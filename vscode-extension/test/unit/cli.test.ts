import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkArguments, describeArguments, LintSettings } from '../../src/cli';

const DEFAULTS: LintSettings = {
  runtime: null,
  compiler: null,
  multipleSubgraphs: false,
  select: [],
  ignore: [],
  severity: {},
  configFile: '',
  rules: [],
};

describe('checkArguments', () => {
  it('leaves everything to the configuration file by default', () => {
    assert.deepEqual(checkArguments('/m/a.tflite', DEFAULTS), ['check', '/m/a.tflite']);
  });

  it('passes runtime, compiler, multiple subgraphs, config file and rule directories as flags', () => {
    assert.deepEqual(
      checkArguments('a.tflite', {
        ...DEFAULTS,
        runtime: 13,
        compiler: '2.0',
        multipleSubgraphs: true,
        configFile: 'c.yaml',
        rules: ['r1', 'r2'],
      }),
      [
        'check', '--runtime', '13', '--compiler', '2.0', '--enable-multiple-subgraphs',
        '--config', 'c.yaml', '--rules', 'r1', '--rules', 'r2', 'a.tflite',
      ],
    );
  });

  it('passes the compiler alone when only it is set, and never an empty one', () => {
    assert.deepEqual(checkArguments('a.tflite', { ...DEFAULTS, compiler: '14.1' }), ['check', '--compiler', '14.1', 'a.tflite']);
    assert.deepEqual(checkArguments('a.tflite', { ...DEFAULTS, compiler: ' ' }), ['check', 'a.tflite']);
  });
});

describe('rule selection', () => {
  it('passes select, ignore and severity as flags, in the order the settings give them', () => {
    assert.deepEqual(
      checkArguments('a.tflite', { ...DEFAULTS, select: ['EDGETPU-'], ignore: ['EDGETPU-MEAN', 'EDGETPU-PAD'], severity: { X: 'off' } }),
      ['check', '--select', 'EDGETPU-', '--ignore', 'EDGETPU-MEAN', '--ignore', 'EDGETPU-PAD', '--severity', 'X=off', 'a.tflite'],
    );
  });
});

describe('describeArguments', () => {
  it('describes to stdout', () => {
    assert.deepEqual(describeArguments('a.tflite'), ['describe', 'a.tflite']);
  });
});
