// The language server's class-data-sharing archive. The server is started once per window and runs
// until the window closes, so it cannot write its own archive at exit: the client kills a server that
// takes more than two seconds to stop, and a JVM killed while writing leaves half an archive. Instead,
// when there is no archive for this jar and java, a short training session in a separate JVM (open one
// small description, wait for its diagnostics, shut down) writes it in the background; the next server
// start maps it and publishes its first diagnostics in about two thirds of the time
// (docs/vscode.md). Free of the `vscode` module so that it can be unit-tested with plain Node.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { archiveFile, classArchive, existingArchive } from './classArchive';

/** The JVM flags the language server runs with, as bin/edgetpu-lint gives them to `lsp`. */
export const SERVER_JVM_FLAGS = ['-XX:+UseSerialGC'];

/** The flags that map the server's archive when there is one. */
export function serverArchiveFlags(java: string, jar: string, directory: string | undefined): readonly string[] {
  return existingArchive(java, jar, 'lsp', directory);
}

export type TrainingResult = 'written' | 'exists' | 'unavailable' | 'failed';

/**
 * A description that meets the classes a real one does: tensors with quantization and constants, an
 * operator the Edge TPU maps, one it does not (a finding), and the compiler path after them.
 */
const TRAINING_DESCRIPTION = `format: edgetpu-lint/description/v1
subgraphs:
  - name: main
    inputs: [input]
    outputs: [mean]
    tensors:
      - {name: input, type: INT8, shape: [1, 8, 8, 16], quantization: {scale: [0.05], zero_point: [0]}}
      - {name: filter, type: INT8, shape: [16, 3, 3, 16], constant: true}
      - {name: bias, type: INT32, shape: [16], constant: true}
      - {name: conv, type: INT8, shape: [1, 8, 8, 16]}
      - {name: axes, type: INT32, shape: [2], values: [1, 2]}
      - {name: mean, type: INT8, shape: [1, 16]}
    operators:
      - {op: CONV_2D, inputs: [input, filter, bias], outputs: [conv], options: {padding: SAME, stride_w: 1, stride_h: 1, dilation_w_factor: 2, dilation_h_factor: 1}}
      - {op: MEAN, inputs: [conv, axes], outputs: [mean], options: {keep_dims: false}}
`;

/**
 * Writes the server's archive for this jar and java by a training session, unless there is one.
 * Never throws: a session that fails or takes longer than {@code timeoutMs} leaves no archive, and a
 * marker that keeps later starts with the same jar and java from trying again.
 */
export async function trainServerArchive(
  java: string,
  jar: string,
  directory: string | undefined,
  timeoutMs = 60_000,
): Promise<TrainingResult> {
  if (serverArchiveFlags(java, jar, directory).length > 0) {
    return 'exists';
  }
  const target = archiveFile(java, jar, 'lsp', directory);
  if (target === undefined || directory === undefined) {
    return 'unavailable';
  }
  const failedBefore = `${target}.failed`;
  if (fs.existsSync(failedBefore)) {
    return 'unavailable'; // tried with this jar and java before: not again at every start
  }
  const archive = classArchive(java, jar, 'lsp', directory);
  if (!archive.jvmFlags.some((flag) => flag.startsWith('-XX:ArchiveClassesAtExit='))) {
    return 'unavailable';
  }
  // A JVM that crashes writes its error report to its working directory unless told otherwise.
  const errorFile = `-XX:ErrorFile=${path.join(directory, 'edgetpu-lint-lsp-hs_err_pid%p.log')}`;
  const server = spawn(java, [...SERVER_JVM_FLAGS, ...archive.jvmFlags, errorFile, '-jar', jar, 'lsp'], {
    cwd: directory,
    stdio: ['pipe', 'pipe', 'ignore'],
    windowsHide: true,
  });
  const exited = new Promise<number | null>((resolve) => {
    server.on('error', () => resolve(null));
    server.on('close', (code) => resolve(code));
  });
  const session = new Session(server.stdin, server.stdout);
  const timer = setTimeout(() => server.kill(), timeoutMs);
  try {
    const uri = pathToFileURL(path.join(directory, 'training.tflite.yaml')).toString();
    await session.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    session.notify('initialized', {});
    session.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'tflite-description', version: 1, text: TRAINING_DESCRIPTION },
    });
    await session.notification('textDocument/publishDiagnostics', (params) => params?.uri === uri);
    await session.request('shutdown', null);
    session.notify('exit', null);
  } catch {
    server.kill();
  }
  const code = await exited;
  clearTimeout(timer);
  archive.finish(code === 0);
  if (code === 0 && serverArchiveFlags(java, jar, directory).length > 0) {
    return 'written';
  }
  try {
    fs.writeFileSync(failedBefore, `training session ended with exit code ${code}\n`);
  } catch {
    // Not remembered: the next start tries again.
  }
  return 'failed';
}

/** The client's half of a JSON-RPC session over the server's standard streams (LSP base protocol framing). */
class Session {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiting: Array<(message: Message) => boolean> = [];
  private closed = false;

  constructor(
    private readonly input: NodeJS.WritableStream,
    output: NodeJS.ReadableStream,
  ) {
    output.on('data', (chunk: Buffer) => this.receive(chunk));
    output.on('close', () => {
      this.closed = true;
      for (const waiter of this.waiting.splice(0)) {
        waiter({ closed: true });
      }
    });
    input.on('error', () => {}); // a server that died: the waiting side reports it
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    const answer = this.wait((message) => message.id === id);
    this.send({ jsonrpc: '2.0', id, method, params });
    return answer.then((message) => {
      if (message.error !== undefined) {
        throw new Error(`${method} failed: ${JSON.stringify(message.error)}`);
      }
      return message.result;
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  notification(method: string, accept: (params: { uri?: string } | undefined) => boolean): Promise<Message> {
    return this.wait((message) => message.method === method && accept(message.params as { uri?: string }));
  }

  private wait(matches: (message: Message) => boolean): Promise<Message> {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new Error('the server closed its output'));
        return;
      }
      this.waiting.push((message) => {
        if (message.closed) {
          reject(new Error('the server closed its output'));
          return true;
        }
        if (!matches(message)) {
          return false;
        }
        resolve(message);
        return true;
      });
    });
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.input.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.input.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) {
        return;
      }
      const length = /content-length:\s*(\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'));
      if (!length) {
        this.buffer = Buffer.alloc(0); // not LSP framing: nothing more can be read
        return;
      }
      const start = end + 4;
      const size = Number(length[1]);
      if (this.buffer.length < start + size) {
        return;
      }
      const body = this.buffer.subarray(start, start + size).toString('utf8');
      this.buffer = this.buffer.subarray(start + size);
      let message: Message;
      try {
        message = JSON.parse(body) as Message;
      } catch {
        continue; // not JSON: skipped, as a client skips what it cannot read
      }
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request of the server (configuration, capability registration): answered empty.
      const items = (message.params as { items?: unknown[] } | undefined)?.items;
      this.send({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? (items ?? []).map(() => null) : null });
      return;
    }
    const index = this.waiting.findIndex((waiter) => waiter(message));
    if (index >= 0) {
      this.waiting.splice(index, 1);
    }
  }
}

interface Message {
  readonly id?: number | string;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: unknown;
  readonly closed?: boolean;
}
