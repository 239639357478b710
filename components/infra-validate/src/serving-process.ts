import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { ServingSignature } from '@ctpipe/model';
import type { FromServer, ToServer } from './serving-protocol.js';

export type Loaded =
  | { ok: true; version: number; backend: string; signature: ServingSignature }
  | { ok: false; reason: string };

export type Answered = { ok: true; status: number; body: string; ms: number } | { ok: false; reason: string };

/** The serving runtime in its own process. Failures come back as data: they are what infra-validate reports. */
export interface ServingProcess {
  /** Waits until the model is loaded (or failed to, or the process died, or `timeoutMs` passed). */
  loaded(timeoutMs: number): Promise<Loaded>;
  /** One predict request (JSON text); `ms` is the round trip as a client sees it. */
  predict(body: string, timeoutMs: number): Promise<Answered>;
  /** Closes the channel (the server exits), then kills it if it lingers. */
  stop(): Promise<void>;
}

const OUTPUT_TAIL_CHARS = 2000;
const STOP_GRACE_MS = 5000;

export function startServingProcess(serverModule: string, modelDir: string): ServingProcess {
  // No inherited execArgv: a test runner's loader flags must not leak into the server.
  const child = fork(serverModule, [modelDir], { execArgv: [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  const keepTail = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);

  let loadedResult: Loaded | undefined;
  let onLoaded: ((result: Loaded) => void) | undefined;
  const settleLoaded = (result: Loaded) => {
    loadedResult ??= result;
    onLoaded?.(loadedResult);
  };
  const pending = new Map<number, (answer: Answered) => void>();
  let nextId = 1;
  let exit: string | undefined;

  child.on('message', (message: FromServer) => {
    if (message.type === 'ready') {
      const { type: _type, ...info } = message;
      settleLoaded({ ok: true, ...info });
    } else if (message.type === 'load-failed') {
      settleLoaded({ ok: false, reason: `the model failed to load: ${message.message}` });
    } else {
      pending.get(message.id)?.({ ok: true, status: message.status, body: message.body, ms: NaN });
      pending.delete(message.id);
    }
  });
  const died = (how: string) => {
    if (exit !== undefined) return;
    exit = how;
    const tail = lastLines(output);
    settleLoaded({ ok: false, reason: `the serving process ${how} before the model loaded${tail}` });
    for (const resolve of pending.values()) {
      resolve({ ok: false, reason: `the serving process ${how} while answering a request${tail}` });
    }
    pending.clear();
  };
  child.on('exit', (code, signal) => died(signal ? `was killed by ${signal}` : `exited with code ${code}`));
  child.on('error', (err) => died(`failed (${err.message})`));

  return {
    loaded(timeoutMs) {
      if (loadedResult) return Promise.resolve(loadedResult);
      return new Promise((resolve) => {
        const timer = setTimeout(
          () => settleLoaded({ ok: false, reason: `the model did not load within ${timeoutMs / 1000} s` }),
          timeoutMs,
        );
        onLoaded = (result) => {
          clearTimeout(timer);
          resolve(result);
        };
      });
    },
    predict(body, timeoutMs) {
      if (exit !== undefined) {
        return Promise.resolve({ ok: false, reason: `the serving process ${exit}${lastLines(output)}` });
      }
      const id = nextId++;
      return new Promise((resolve) => {
        const started = performance.now();
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve({ ok: false, reason: `request ${id} got no answer within ${timeoutMs} ms` });
        }, timeoutMs);
        pending.set(id, (answer) => {
          clearTimeout(timer);
          resolve(answer.ok ? { ...answer, ms: performance.now() - started } : answer);
        });
        const message: ToServer = { type: 'predict', id, body };
        child.send(message);
      });
    },
    async stop() {
      if (exit !== undefined) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      if (child.connected) child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The end of what the process printed, for the reason: usually the error that ended it. */
function lastLines(output: string): string {
  const lines = output.trim().split('\n').slice(-3).join(' | ').trim();
  return lines ? `: ${lines}` : '';
}
