// Finds the Java runtime that starts the bundled language server.
// Order: the `edgetpuLint.java.path` setting, then JAVA_HOME, then `java` on the PATH.
// Kept free of the `vscode` module so that it is unit-tested with plain Node.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const MINIMUM_JAVA_VERSION = 17;

export type JavaSource = 'setting edgetpuLint.java.path' | 'JAVA_HOME' | 'PATH';

export interface JavaCandidate {
  readonly executable: string;
  readonly source: JavaSource;
}

export interface JavaFound {
  readonly ok: true;
  readonly executable: string;
  readonly source: JavaSource;
  readonly version: number;
}

export interface JavaMissing {
  readonly ok: false;
  /** One or more sentences for the user: what was tried and how to fix it. */
  readonly message: string;
}

export type JavaLookup = JavaFound | JavaMissing;

/** What the lookup needs from the machine; injected so that tests need no real JDK. */
export interface JavaEnvironment {
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
  isFile(file: string): boolean;
  isDirectory(dir: string): boolean;
  /** The major version reported by `<executable> -version`, or an error text. */
  majorVersion(executable: string): Promise<number | string>;
}

function javaExecutableName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'java.exe' : 'java';
}

/** A setting or JAVA_HOME may name a Java home directory or the executable itself. */
function resolveJavaPath(configured: string, platform: NodeJS.Platform, machine: JavaEnvironment): string {
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  if (machine.isDirectory(configured)) {
    return pathApi.join(configured, 'bin', javaExecutableName(platform));
  }
  return configured;
}

/** The candidates in the order they are tried; an explicit setting is the only one tried when given. */
export function javaCandidates(setting: string | undefined, machine: JavaEnvironment): JavaCandidate[] {
  const trimmed = (setting ?? '').trim();
  if (trimmed !== '') {
    return [{ executable: resolveJavaPath(trimmed, machine.platform, machine), source: 'setting edgetpuLint.java.path' }];
  }
  const candidates: JavaCandidate[] = [];
  const javaHome = (machine.env.JAVA_HOME ?? '').trim();
  if (javaHome !== '') {
    candidates.push({ executable: resolveJavaPath(javaHome, machine.platform, machine), source: 'JAVA_HOME' });
  }
  const pathApi = machine.platform === 'win32' ? path.win32 : path.posix;
  const pathVariable = machine.env.PATH ?? machine.env.Path ?? '';
  for (const dir of pathVariable.split(pathApi.delimiter)) {
    if (dir === '') {
      continue;
    }
    const executable = pathApi.join(dir, javaExecutableName(machine.platform));
    if (machine.isFile(executable)) {
      candidates.push({ executable, source: 'PATH' });
      break;
    }
  }
  return candidates;
}

/** Parses the major version from the first line of `java -version` ("1.8.0_392" is 8, "17.0.15" is 17). */
export function parseJavaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!match) {
    return undefined;
  }
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

const FIX_HINT =
  `Install Java ${MINIMUM_JAVA_VERSION} or newer, then set "edgetpuLint.java.path" to its java executable ` +
  '(or its home directory), set JAVA_HOME, or put java on the PATH.';

export async function findJava(setting: string | undefined, machine: JavaEnvironment): Promise<JavaLookup> {
  const candidates = javaCandidates(setting, machine);
  if (candidates.length === 0) {
    return {
      ok: false,
      message: `Edge TPU Lint cannot start its language server: no Java found (edgetpuLint.java.path is empty, JAVA_HOME is not set and there is no java on the PATH). ${FIX_HINT}`,
    };
  }
  const problems: string[] = [];
  for (const candidate of candidates) {
    if (!machine.isFile(candidate.executable)) {
      problems.push(`${candidate.executable} (from ${candidate.source}) does not exist`);
      continue;
    }
    const version = await machine.majorVersion(candidate.executable);
    if (typeof version === 'string') {
      problems.push(`${candidate.executable} (from ${candidate.source}) did not run: ${version}`);
    } else if (version < MINIMUM_JAVA_VERSION) {
      problems.push(`${candidate.executable} (from ${candidate.source}) is Java ${version}`);
    } else {
      return { ok: true, executable: candidate.executable, source: candidate.source, version };
    }
  }
  return {
    ok: false,
    message: `Edge TPU Lint cannot start its language server: ${problems.join('; ')}. ${FIX_HINT}`,
  };
}

/** The real machine. */
export const hostEnvironment: JavaEnvironment = {
  platform: process.platform,
  env: process.env,
  isFile(file: string): boolean {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
  isDirectory(dir: string): boolean {
    try {
      return fs.statSync(dir).isDirectory();
    } catch {
      return false;
    }
  },
  majorVersion(executable: string): Promise<number | string> {
    return new Promise((resolve) => {
      execFile(executable, ['-version'], { timeout: 20_000 }, (error, stdout, stderr) => {
        if (error) {
          resolve(error.message.split('\n')[0]);
          return;
        }
        const version = parseJavaMajorVersion(`${stderr}\n${stdout}`);
        resolve(version ?? 'could not read its version');
      });
    });
  },
};
