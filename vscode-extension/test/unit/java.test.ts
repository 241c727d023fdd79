import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findJava, javaCandidates, JavaEnvironment, parseJavaMajorVersion } from '../../src/java';

/** A machine made of the files, directories and java versions a test needs. */
function machine(options: {
  env?: NodeJS.ProcessEnv;
  files?: Record<string, number | string>;
  dirs?: string[];
}): JavaEnvironment {
  const files = options.files ?? {};
  const dirs = new Set(options.dirs ?? []);
  return {
    platform: 'linux',
    env: options.env ?? {},
    isFile: (file) => file in files,
    isDirectory: (dir) => dirs.has(dir),
    majorVersion: async (executable) => files[executable] ?? 'not found',
  };
}

describe('parseJavaMajorVersion', () => {
  it('reads modern and legacy version strings', () => {
    assert.equal(parseJavaMajorVersion('openjdk version "17.0.15" 2025-04-15'), 17);
    assert.equal(parseJavaMajorVersion('openjdk version "21" 2023-09-19'), 21);
    assert.equal(parseJavaMajorVersion('java version "1.8.0_392"'), 8);
    assert.equal(parseJavaMajorVersion('no version here'), undefined);
  });
});

describe('javaCandidates', () => {
  it('uses only the setting when it is given, resolving a home directory to bin/java', () => {
    const m = machine({ env: { JAVA_HOME: '/jdk', PATH: '/usr/bin' }, dirs: ['/opt/jdk21'], files: { '/usr/bin/java': 17 } });
    assert.deepEqual(javaCandidates('/opt/jdk21', m), [
      { executable: '/opt/jdk21/bin/java', source: 'setting edgetpuLint.java.path' },
    ]);
  });

  it('tries JAVA_HOME before the first java on the PATH', () => {
    const m = machine({
      env: { JAVA_HOME: '/jdk', PATH: '/nothing:/usr/local/bin:/usr/bin' },
      dirs: ['/jdk'],
      files: { '/usr/local/bin/java': 17, '/usr/bin/java': 11 },
    });
    assert.deepEqual(javaCandidates('', m), [
      { executable: '/jdk/bin/java', source: 'JAVA_HOME' },
      { executable: '/usr/local/bin/java', source: 'PATH' },
    ]);
  });
});

describe('findJava', () => {
  it('finds java on the PATH when nothing is configured', async () => {
    const found = await findJava('', machine({ env: { PATH: '/usr/bin' }, files: { '/usr/bin/java': 17 } }));
    assert.deepEqual(found, { ok: true, executable: '/usr/bin/java', source: 'PATH', version: 17 });
  });

  it('prefers JAVA_HOME', async () => {
    const found = await findJava(
      undefined,
      machine({ env: { JAVA_HOME: '/jdk', PATH: '/usr/bin' }, dirs: ['/jdk'], files: { '/jdk/bin/java': 21, '/usr/bin/java': 17 } }),
    );
    assert.equal(found.ok && found.executable, '/jdk/bin/java');
  });

  it('falls back to the PATH when JAVA_HOME points at a Java that is too old', async () => {
    const found = await findJava(
      '',
      machine({ env: { JAVA_HOME: '/jdk8', PATH: '/usr/bin' }, dirs: ['/jdk8'], files: { '/jdk8/bin/java': 8, '/usr/bin/java': 17 } }),
    );
    assert.equal(found.ok && found.executable, '/usr/bin/java');
  });

  it('says what is missing and how to fix it when there is no Java at all', async () => {
    const found = await findJava('', machine({ env: { PATH: '/usr/bin:/bin' } }));
    assert.equal(found.ok, false);
    assert.match(!found.ok ? found.message : '', /no Java found/);
    assert.match(!found.ok ? found.message : '', /edgetpuLint\.java\.path/);
    assert.match(!found.ok ? found.message : '', /JAVA_HOME/);
  });

  it('names a configured path that does not exist instead of silently using another java', async () => {
    const found = await findJava('/wrong/java', machine({ env: { PATH: '/usr/bin' }, files: { '/usr/bin/java': 17 } }));
    assert.equal(found.ok, false);
    assert.match(!found.ok ? found.message : '', /\/wrong\/java \(from setting edgetpuLint\.java\.path\) does not exist/);
  });

  it('rejects a Java older than 17 with its version', async () => {
    const found = await findJava('', machine({ env: { PATH: '/usr/bin' }, files: { '/usr/bin/java': 11 } }));
    assert.equal(found.ok, false);
    assert.match(!found.ok ? found.message : '', /is Java 11/);
  });
});
