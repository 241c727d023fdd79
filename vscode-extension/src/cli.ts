// Runs the bundled edgetpu-lint jar as a command-line tool (describe, check).
// Free of the `vscode` module so that it can be unit-tested with plain Node.
import { execFile } from 'node:child_process';
import { classArchive } from './classArchive';

/** The `edgetpuLint.*` settings the linter reads (the language server reads the same section). */
export interface LintSettings {
  readonly runtime: number | null;
  /** The edgetpu_compiler release ("16.0", "2.0", ...), or null for the configuration file's. */
  readonly compiler: string | null;
  readonly multipleSubgraphs: boolean;
  readonly select: readonly string[];
  readonly ignore: readonly string[];
  readonly severity: Readonly<Record<string, string>>;
  readonly configFile: string;
  readonly rules: readonly string[];
}

export interface CliResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * JVM flags for a short-lived CLI run, as bin/edgetpu-lint passes them: the C1 compiler only, and one
 * compiler thread (a second one only competes with the run itself for the cores; docs/performance.md,
 * C16). The default collector: an archive is mapped with its module graph only under G1 (C11).
 */
const CLI_JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:CICompilerCount=1'];
// The class path and the main class, not -jar: with -jar the JVM reads the jar's directory twice, once
// for the manifest and once for the class loader (docs/performance.md, C18).
const MAIN_CLASS = 'dev.edgetpulint.cli.Main';

/**
 * Where the JVM finds the classes, as bin/edgetpu-lint gives them to short commands: the jar on the boot
 * class path too, so that the JVM loads its classes itself instead of the application class loader's
 * Java code for each (docs/performance.md, C20); the classes find the jar's other files through the
 * property edgetpulint.jar.
 */
export function classPathFlags(jar: string): string[] {
  return [`-Xbootclasspath/a:${jar}`, `-Dedgetpulint.jar=${jar}`, '-cp', jar, MAIN_CLASS];
}

/** The arguments of `edgetpu-lint check` for the user's settings. */
export function checkArguments(model: string, settings: LintSettings): string[] {
  const args = ['check'];
  if (settings.runtime !== null) {
    args.push('--runtime', String(settings.runtime));
  }
  if (settings.compiler !== null && settings.compiler.trim() !== '') {
    args.push('--compiler', settings.compiler.trim());
  }
  if (settings.multipleSubgraphs) {
    args.push('--enable-multiple-subgraphs');
  }
  if (settings.configFile.trim() !== '') {
    args.push('--config', settings.configFile);
  }
  for (const dir of settings.rules) {
    args.push('--rules', dir);
  }
  for (const rule of settings.select) {
    args.push('--select', rule);
  }
  for (const rule of settings.ignore) {
    args.push('--ignore', rule);
  }
  for (const [rule, level] of Object.entries(settings.severity)) {
    args.push('--severity', `${rule}=${level}`);
  }
  args.push(model);
  return args;
}

/** The arguments of `edgetpu-lint describe`, which prints the model's description to stdout. */
export function describeArguments(model: string): string[] {
  return ['describe', model];
}

export interface RunOptions {
  readonly cwd?: string;
  readonly timeoutMs?: number;
  /** Where the class-data-sharing archives of these runs are kept (see classArchive.ts); none without it. */
  readonly archiveDirectory?: string;
}

export function runJar(java: string, jar: string, args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const archive = classArchive(java, jar, args[0] ?? '', options.archiveDirectory);
  return new Promise((resolve) => {
    execFile(
      java,
      [...CLI_JVM_FLAGS, ...archive.jvmFlags, ...classPathFlags(jar), ...args],
      { cwd: options.cwd, timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        archive.finish(!(error?.killed || error?.signal));
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
