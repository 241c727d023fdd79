import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkArguments, classPathFlags, describeArguments, LintSettings, runJar } from '../../src/cli';

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

describe('runJar', () => {
  // out/test/unit -> the repository, whose build (mvn package) writes the jar the extension bundles.
  const repo = path.resolve(__dirname, '..', '..', '..', '..');
  const jar = path.join(repo, 'target', 'edgetpu-lint.jar');
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const model = path.join(repo, 'bench', 'cds-training', 'conv.tflite');

  it('gives the JVM the jar as bin/edgetpu-lint does: boot class path, its name, class path', () => {
    assert.deepEqual(classPathFlags('/opt/e.jar'), [
      '-Xbootclasspath/a:/opt/e.jar',
      '-Dedgetpulint.jar=/opt/e.jar',
      '-cp',
      '/opt/e.jar',
      'dev.edgetpulint.cli.Main',
    ]);
  });

  it('describes and checks a model with the built jar', { skip: fs.existsSync(jar) ? false : `no ${jar} (mvn package)` }, async () => {
    const described = await runJar(java, jar, describeArguments(model), { cwd: repo });
    assert.equal(described.exitCode, 0, described.stderr);
    assert.match(described.stdout, /CONV_2D/);
    const checked = await runJar(java, jar, checkArguments(model, DEFAULTS), { cwd: repo });
    assert.equal(checked.exitCode, 0, checked.stderr);
    assert.match(checked.stdout, /Checked 1 model/);
  });
});
