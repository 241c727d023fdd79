// A class-data-sharing archive for the extension's command-line runs (describe, check), kept in the
// extension's storage: what bin/edgetpu-lint does with ~/.cache/edgetpu-lint, for the same reason.
// A JVM that maps an archive of the classes a run loads starts in about 60% of the time (the model
// view and "Lint model" run the jar once per request; docs/performance.md). Free of the `vscode`
// module so that it can be unit-tested with plain Node.
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** What one run passes to the JVM, and what it does once the JVM has exited. */
export interface ArchiveUse {
  readonly jvmFlags: readonly string[];
  /**
   * Called after the run: moves a newly written archive into place when the JVM ended by itself
   * ({@code exitedByItself}; a killed JVM may have written half of it), else drops it.
   */
  readonly finish: (exitedByItself: boolean) => void;
}

const NONE: ArchiveUse = { jvmFlags: [], finish: () => {} };

/**
 * Keeps the JVM quiet about archives: one that does not fit this jar or JVM is ignored, and the run
 * goes on without it. Its warnings would otherwise go to standard output, which `describe` returns.
 */
const QUIET = ['-Xshare:auto', '-Xlog:cds=off', '-Xlog:cds+dynamic=off'];

/**
 * The archive flags for running `command` of `jar` with `java`, with archives kept in `directory`.
 * An archive fits one jar, one JVM and one command's classes, so its name holds the command and a key
 * of the jar's and the java executable's size and modification time and the jar's path (the JVM
 * records the path). The first run of a command writes the archive at exit, to a temporary name that
 * {@link ArchiveUse.finish} renames, so that two first runs at once never read half an archive; it
 * also removes this command's archives for other jars or JVMs (an updated extension or Java).
 * Anything that goes wrong (no storage, an unreadable java) means a run without an archive, never a
 * failed run.
 */
export function classArchive(java: string, jar: string, command: string, directory: string | undefined): ArchiveUse {
  const archive = archiveFile(java, jar, command, directory);
  if (archive === undefined || directory === undefined) {
    return NONE;
  }
  if (isNonEmptyFile(archive)) {
    return { jvmFlags: [...QUIET, `-XX:SharedArchiveFile=${archive}`], finish: () => {} };
  }
  try {
    fs.mkdirSync(directory, { recursive: true });
  } catch {
    return NONE;
  }
  const prefix = `edgetpu-lint-${command}-`;
  removeAbandoned(directory, prefix);
  const temporary = `${archive}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  return {
    jvmFlags: [...QUIET, `-XX:ArchiveClassesAtExit=${temporary}`],
    finish: (exitedByItself) => {
      try {
        if (exitedByItself && isNonEmptyFile(temporary)) {
          fs.renameSync(temporary, archive);
          removeOthers(directory, prefix, path.basename(archive));
        } else {
          fs.rmSync(temporary, { force: true });
        }
      } catch {
        fs.rmSync(temporary, { force: true });
      }
    },
  };
}

/** The flags that map the command's archive when there is one, else none (nothing is written). */
export function existingArchive(java: string, jar: string, command: string, directory: string | undefined): readonly string[] {
  const archive = archiveFile(java, jar, command, directory);
  return archive !== undefined && isNonEmptyFile(archive) ? [...QUIET, `-XX:SharedArchiveFile=${archive}`] : [];
}

/** Where the archive of {@code command} for this jar and java is kept, or undefined when it cannot be named. */
export function archiveFile(java: string, jar: string, command: string, directory: string | undefined): string | undefined {
  if (!directory || !/^[a-z]+$/.test(command)) {
    return undefined;
  }
  try {
    const jarStat = fs.statSync(jar);
    const javaStat = fs.statSync(java);
    const key = createHash('sha256')
      .update(`${path.resolve(jar)}\n${jarStat.size}-${jarStat.mtimeMs}\n${javaStat.size}-${javaStat.mtimeMs}`)
      .digest('hex')
      .slice(0, 16);
    return path.join(directory, `edgetpu-lint-${command}-${key}.jsa`);
  } catch {
    return undefined;
  }
}

function isNonEmptyFile(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() && stat.size > 0;
  } catch {
    return false;
  }
}

/** How old a temporary archive must be to count as abandoned: a JVM writes it at exit, in about a second. */
const ABANDONED_AFTER_MS = 10 * 60_000;

/**
 * Removes temporary archives no run will rename: a JVM that went on after its parent (the extension
 * host) was gone writes its archive at exit, and nobody moves it into place.
 */
function removeAbandoned(directory: string, prefix: string): void {
  try {
    for (const name of fs.readdirSync(directory)) {
      const file = path.join(directory, name);
      if (name.startsWith(prefix) && name.endsWith('.tmp') && Date.now() - fs.statSync(file).mtimeMs > ABANDONED_AFTER_MS) {
        fs.rmSync(file, { force: true });
      }
    }
  } catch {
    // A file that went away meanwhile, or an unreadable directory: nothing to clean.
  }
}

/** Removes the command's archives for other keys; temporary files of runs still going are left alone. */
function removeOthers(directory: string, prefix: string, keep: string): void {
  for (const name of fs.readdirSync(directory)) {
    if (name !== keep && name.startsWith(prefix) && name.endsWith('.jsa')) {
      fs.rmSync(path.join(directory, name), { force: true });
    }
  }
}
