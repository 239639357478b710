import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';

export interface ProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** The last stderr lines that were not progress events: the reason a failed task gives. */
  stderrTail: string[];
}

export interface ProgressEvent {
  step: string;
  done: number;
  total?: number;
  unit?: string;
}

export interface SpawnOptions {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
}

/** Runs one container command as a local process; stdout and stderr go to the task's log file. */
export async function runProcess(options: SpawnOptions): Promise<ProcessResult> {
  await mkdir(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const [file, ...args] = options.argv;
  const child = spawn(file!, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const abort = () => child.kill('SIGTERM');
  options.signal?.addEventListener('abort', abort, { once: true });
  const tail: string[] = [];
  child.stdout.pipe(log, { end: false });
  const lines = createInterface({ input: child.stderr });
  lines.on('line', (line) => {
    log.write(`${line}\n`);
    const progress = parseProgress(line);
    if (progress) {
      options.onProgress?.(progress);
      return;
    }
    tail.push(line);
    if (tail.length > 20) tail.shift();
  });
  const result = await new Promise<ProcessResult>((resolve) => {
    child.on('error', (err) => resolve({ exitCode: 127, signal: null, stderrTail: [...tail, err.message] }));
    child.on('close', (exitCode, signal) => resolve({ exitCode, signal, stderrTail: tail }));
  });
  options.signal?.removeEventListener('abort', abort);
  await new Promise<void>((resolve) => log.end(resolve));
  return result;
}

function parseProgress(line: string): ProgressEvent | undefined {
  if (!line.startsWith('{') || !line.includes('"progress"')) return undefined;
  try {
    const event = JSON.parse(line) as {
      level?: string;
      step?: string;
      done?: number;
      total?: number;
      unit?: string;
    };
    if (event.level !== 'progress' || typeof event.step !== 'string' || typeof event.done !== 'number')
      return undefined;
    return { step: event.step, done: event.done, total: event.total, unit: event.unit };
  } catch {
    return undefined;
  }
}
