import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { SERVER_JVM_FLAGS, serverArchiveFlags, trainServerArchive } from '../../src/serverArchive';

/** The jar the Maven build wrote (out/test/unit is three levels below vscode-extension/). */
const JAR = process.env.EDGETPU_LINT_JAR ?? path.resolve(__dirname, '../../../../target/edgetpu-lint.jar');

function javaOnPath(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v java'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const JAVA = javaOnPath();
const skip = !JAVA || !fs.existsSync(JAR) ? 'needs java on the PATH and the built jar (mvn package)' : false;

describe('trainServerArchive', { skip }, () => {
  it('writes an archive the server JVM maps, once', async () => {
    const store = fs.mkdtempSync(path.join(os.tmpdir(), 'edgetpu-lint-server-archive-'));
    assert.deepEqual(serverArchiveFlags(JAVA!, JAR, store), []);
    assert.equal(await trainServerArchive(JAVA!, JAR, store), 'written');
    const flags = serverArchiveFlags(JAVA!, JAR, store);
    assert.equal(fs.readdirSync(store).filter((f) => f.endsWith('.tmp')).length, 0);
    // -Xshare:on makes a JVM that cannot map the archive fail instead of running without it.
    const run = spawnSync(JAVA!, [...SERVER_JVM_FLAGS, ...flags, '-Xshare:on', '-jar', JAR, '--version'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(await trainServerArchive(JAVA!, JAR, store), 'exists');
  });

  it('leaves no archive when the session does not finish in time, and does not try again', async () => {
    const store = fs.mkdtempSync(path.join(os.tmpdir(), 'edgetpu-lint-server-archive-'));
    assert.equal(await trainServerArchive(JAVA!, JAR, store, 1), 'failed');
    const left = fs.readdirSync(store);
    assert.equal(left.length, 1, `only the marker of the failure: ${left.join(', ')}`);
    assert.match(left[0], /^edgetpu-lint-lsp-[0-9a-f]{16}\.jsa\.failed$/);
    assert.equal(await trainServerArchive(JAVA!, JAR, store), 'unavailable');
  });

  it('does nothing without storage', async () => {
    assert.equal(await trainServerArchive(JAVA!, JAR, undefined), 'unavailable');
  });
});
