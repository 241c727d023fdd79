import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { classArchive, existingArchive } from '../../src/classArchive';

/** A scratch directory with a fake jar and java executable (the key only reads their size and time). */
function scratch(): { dir: string; jar: string; java: string; store: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgetpu-lint-archive-'));
  const jar = path.join(dir, 'edgetpu-lint.jar');
  const java = path.join(dir, 'java');
  fs.writeFileSync(jar, 'jar');
  fs.writeFileSync(java, 'java');
  return { dir, jar, java, store: path.join(dir, 'storage') };
}

/** The file a first run's JVM is told to write, as the JVM would write it at exit. */
function writeAsTheJvmWould(flags: readonly string[], content: string): string {
  const flag = flags.find((f) => f.startsWith('-XX:ArchiveClassesAtExit='));
  assert.ok(flag, `no ArchiveClassesAtExit in ${flags.join(' ')}`);
  const file = flag.slice('-XX:ArchiveClassesAtExit='.length);
  fs.writeFileSync(file, content);
  return file;
}

function archives(store: string): string[] {
  return fs.readdirSync(store).sort();
}

describe('classArchive', () => {
  it('has the first run of a command write an archive, which later runs of that command map', () => {
    const { jar, java, store } = scratch();
    const first = classArchive(java, jar, 'check', store);
    assert.ok(first.jvmFlags.includes('-Xlog:cds=off'), 'archive warnings would end up in stdout');
    const written = writeAsTheJvmWould(first.jvmFlags, 'archive');
    assert.match(path.basename(written), /^edgetpu-lint-check-[0-9a-f]{16}\.jsa\.[0-9]+-[0-9a-f]{8}\.tmp$/);
    first.finish(true);
    const [archive] = archives(store);
    assert.match(archive, /^edgetpu-lint-check-[0-9a-f]{16}\.jsa$/);

    const later = classArchive(java, jar, 'check', store);
    assert.ok(later.jvmFlags.includes(`-XX:SharedArchiveFile=${path.join(store, archive)}`));
    assert.ok(!later.jvmFlags.some((f) => f.startsWith('-XX:ArchiveClassesAtExit')));
  });

  it('keeps one archive per command: describe loads other classes than check', () => {
    const { jar, java, store } = scratch();
    for (const command of ['check', 'describe']) {
      const run = classArchive(java, jar, command, store);
      writeAsTheJvmWould(run.jvmFlags, command);
      run.finish(true);
    }
    assert.equal(archives(store).length, 2);
    assert.ok(classArchive(java, jar, 'describe', store).jvmFlags.some((f) => f.includes('edgetpu-lint-describe-')));
  });

  it('writes a new archive for another jar and drops the old one of the same command', () => {
    const { dir, jar, java, store } = scratch();
    const run = classArchive(java, jar, 'check', store);
    writeAsTheJvmWould(run.jvmFlags, 'old');
    run.finish(true);
    const [old] = archives(store);

    fs.writeFileSync(jar, 'a newer and longer jar');
    const next = classArchive(java, jar, 'check', store);
    assert.ok(!next.jvmFlags.some((f) => f.startsWith('-XX:SharedArchiveFile')), 'an archive of another jar was used');
    writeAsTheJvmWould(next.jvmFlags, 'new');
    next.finish(true);
    assert.equal(archives(store).length, 1);
    assert.notEqual(archives(store)[0], old);
    fs.rmSync(dir, { recursive: true });
  });

  it('leaves nothing behind when the JVM wrote no archive (a crash, a full disk)', () => {
    const { jar, java, store } = scratch();
    const run = classArchive(java, jar, 'check', store);
    const written = writeAsTheJvmWould(run.jvmFlags, '');
    run.finish(true);
    assert.ok(!fs.existsSync(written));
    assert.deepEqual(archives(store), []);
    classArchive(java, jar, 'check', store).finish(true); // nothing written at all: nothing to do
    assert.deepEqual(archives(store), []);
  });

  it('drops what a killed JVM wrote: it may be half an archive', () => {
    const { jar, java, store } = scratch();
    const run = classArchive(java, jar, 'check', store);
    const written = writeAsTheJvmWould(run.jvmFlags, 'half an archive');
    run.finish(false);
    assert.ok(!fs.existsSync(written));
    assert.deepEqual(archives(store), []);
  });

  it('removes temporary archives abandoned long ago, not those of runs that may still be writing', () => {
    const { jar, java, store } = scratch();
    fs.mkdirSync(store);
    const abandoned = path.join(store, 'edgetpu-lint-check-0123456789abcdef.jsa.1-00000000.tmp');
    const recent = path.join(store, 'edgetpu-lint-check-0123456789abcdef.jsa.2-00000000.tmp');
    fs.writeFileSync(abandoned, 'x');
    fs.writeFileSync(recent, 'x');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(abandoned, anHourAgo, anHourAgo);
    classArchive(java, jar, 'check', store);
    assert.ok(!fs.existsSync(abandoned));
    assert.ok(fs.existsSync(recent));
  });

  it('only maps an archive that is there when asked for an existing one', () => {
    const { jar, java, store } = scratch();
    assert.deepEqual(existingArchive(java, jar, 'lsp', store), []);
    assert.ok(!fs.existsSync(store), 'asking wrote something');
    const run = classArchive(java, jar, 'lsp', store);
    writeAsTheJvmWould(run.jvmFlags, 'archive');
    run.finish(true);
    assert.ok(existingArchive(java, jar, 'lsp', store).some((f) => f.startsWith('-XX:SharedArchiveFile=')));
  });

  it('runs without an archive when there is no storage or the java executable cannot be read', () => {
    const { dir, jar, java } = scratch();
    assert.deepEqual(classArchive(java, jar, 'check', undefined).jvmFlags, []);
    assert.deepEqual(classArchive(path.join(dir, 'no-java'), jar, 'check', path.join(dir, 's')).jvmFlags, []);
    const blocked = path.join(dir, 'a-file');
    fs.writeFileSync(blocked, '');
    assert.deepEqual(classArchive(java, jar, 'check', path.join(blocked, 'storage')).jvmFlags, []);
  });
});
