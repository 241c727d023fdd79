// Runs the bundled edgetpu-lint jar as a command-line tool (describe, check).
// Free of the `vscode` module so that it can be unit-tested with plain Node.
import { execFile } from 'node:child_process';

export interface LintSettings {
  readonly runtimeVersion: number;
  readonly select: readonly string[];
  readonly ignore: readonly string[];
}

export interface CliResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** JVM flags for a short-lived CLI run: start fast, stay small. */
const CLI_JVM_FLAGS = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xshare:auto'];

/** The arguments of `edgetpu-lint check` for the user's settings. */
export function checkArguments(model: string, settings: LintSettings): string[] {
  const args = ['check', '--runtime-version', String(settings.runtimeVersion)];
  if (settings.select.length > 0) {
    args.push('--select', settings.select.join(','));
  }
  if (settings.ignore.length > 0) {
    args.push('--ignore', settings.ignore.join(','));
  }
  args.push(model);
  return args;
}

/** The arguments of `edgetpu-lint describe`, which prints the model's description to stdout. */
export function describeArguments(model: string): string[] {
  return ['describe', model];
}

export function runJar(java: string, jar: string, args: readonly string[], timeoutMs = 120_000): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      java,
      [...CLI_JVM_FLAGS, '-jar', jar, ...args],
      { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        let exitCode = 0;
        if (error) {
          const code = (error as NodeJS.ErrnoException & { code?: number | string }).code;
          exitCode = typeof code === 'number' ? code : 2;
          if (typeof code !== 'number' && stderr === '') {
            stderr = error.message;
          }
        }
        resolve({ exitCode, stdout, stderr });
      },
    );
  });
}
