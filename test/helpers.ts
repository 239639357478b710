import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunEvent, RunReporter } from '@ctpipe/runner';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = join(REPO_ROOT, 'packages/cli/dist/main.js');
export const PENGUINS = join(REPO_ROOT, 'node_modules/vega-datasets/data/penguins.json');

/** A settings.yaml in a fresh temp folder, so each test has its own pipeline root and metadata store. */
export function tempSettings(parameters: Record<string, unknown> = {}): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ctpipe-e2e-'));
  const file = join(dir, 'settings.yaml');
  const params = Object.entries({
    input_pattern: PENGUINS,
    serving_base_path: join(dir, 'serving'),
    ...parameters,
  })
    .map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`)
    .join('\n');
  writeFileSync(
    file,
    `defaults:\n  pipeline_root: ${join(dir, 'root')}\n  metadata_db: ${join(dir, 'metadata.sqlite')}\n  parameters:\n${params}\nenvironments:\n  test: {}\n`,
  );
  return { dir, file };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built ctpipe CLI as a user would, as a child process (not a TTY: JSON lines). */
export function runCli(args: string[], options: { cwd?: string; onLine?: (line: string) => void } = {}) {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, CI: 'true' },
  });
  let stdout = '';
  let stderr = '';
  let pending = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d;
    pending += d;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) options.onLine?.(line);
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d;
  });
  const done = new Promise<CliResult>((resolvePromise) => {
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
  return { child, done };
}

/** The JSON-line events a non-TTY run prints. */
export function eventsOf(stdout: string): RunEvent[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as RunEvent);
}

export function collectingReporter(): RunReporter & { events: RunEvent[] } {
  const events: RunEvent[] = [];
  return { events, emit: (e) => events.push(e), close() {} };
}
