import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MetadataStore, openMetadataStore, type RunDetail } from '@ctpipe/metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corruptedSpan, dropSpan, skewedInstances, spanOne, spanSettings, spanTwo } from './ct-demo/spans.js';
import { runCli } from './helpers.js';

/**
 * The continuous-training loop end to end, as `npm run demo:ct` shows it: a model trained on span 1 is served;
 * `ctpipe trigger` notices span 2 by itself, retrains and the blessed v2 goes to canary; a corrupted span 3 stops
 * at validate and nothing is pushed; skewed serving traffic starts a drift-triggered run. Every step is checked
 * in the metadata store and against the running server's model status.
 */

const dir = mkdtempSync(join(tmpdir(), 'ctpipe-ct-demo-'));
const source = join(dir, 'source');
const serving = join(dir, 'serving');
const settings = spanSettings(
  dir,
  'demo',
  `    max_trials: 2
    canary_percent: 10
  serving:
    request_log: { dir: request-log, sample_rate: 1, rotate_seconds: 1 }
  triggers:
    poll_interval: 300ms
    new_data: {}
    drift: { min_instances: 100 }`,
);
const base = ['--settings', settings, '--env', 'demo'];

interface TriggerLine {
  type: string;
  trigger?: string;
  reason?: string;
  runId?: string;
  state?: string;
}

/** A long-running CLI process whose JSON lines can be awaited. */
function background(args: string[]) {
  const lines: TriggerLine[] = [];
  const waiters: { match: (l: TriggerLine) => boolean; resolve: (l: TriggerLine) => void }[] = [];
  let text = '';
  const { child, done } = runCli(args, {
    onLine: (line) => {
      text += `${line}\n`;
      if (!line.startsWith('{')) return;
      const parsed = JSON.parse(line) as TriggerLine;
      lines.push(parsed);
      for (const w of [...waiters]) {
        if (w.match(parsed)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(parsed);
        }
      }
    },
  });
  const waitFor = (match: (l: TriggerLine) => boolean, after = 0) =>
    new Promise<TriggerLine>((resolve) => {
      const seen = lines.slice(after).find(match);
      if (seen) resolve(seen);
      else waiters.push({ match, resolve });
    });
  return { child, done, lines, waitFor, output: () => text };
}

async function waitForText(get: () => string, pattern: RegExp, what: string): Promise<RegExpMatchArray> {
  for (let i = 0; i < 600; i++) {
    const m = get().match(pattern);
    if (m) return m;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; output so far:\n${get()}`);
}

async function modelStatus(url: string, path = ''): Promise<{ version: string; state: string }[]> {
  const res = await fetch(`${url}${path}`);
  const body = (await res.json()) as { model_version_status?: { version: string; state: string }[] };
  return body.model_version_status ?? [];
}

/** The server polls its base path: wait until the label points where the registry says. */
async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 300 && !ok(value); i++) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

function registry() {
  return JSON.parse(readFileSync(join(serving, 'penguins', 'registry.json'), 'utf8')) as {
    versions: { version: number }[];
    labels: Record<string, number>;
    canaryTrafficPercent: number;
  };
}

async function runOf(store: MetadataStore, runId: string): Promise<RunDetail> {
  const run = await store.getRun(runId);
  if (!run) throw new Error(`run ${runId} is not in the metadata store`);
  return run;
}

/** A task's execution by its name, wherever it sits (`condition-1/condition-2/train`). */
const task = (run: RunDetail, name: string) =>
  run.executions.find((e) => e.taskName === name || e.taskName.endsWith(`/${name}`));

describe('the CT demo: new data retrains, a bad span is stopped, skew retriggers', () => {
  let server: ReturnType<typeof background>;
  let trigger: ReturnType<typeof background>;
  let url = '';
  let pushedRun = '';
  let store: MetadataStore;
  const children: ChildProcess[] = [];

  beforeAll(() => {
    store = openMetadataStore(join(dir, 'metadata.sqlite'));
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGTERM');
    await store.close();
  });

  it('1. runs on span 1 and serves v1', async () => {
    dropSpan(source, 1, spanOne());
    const first = await runCli(['run', ...base]).done;
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const [latest] = await store.listRuns({ limit: 1 });
    const run = await runOf(store, latest!.runId);
    expect(run.trigger).toBe('manual');
    expect(run.triggerReason).toMatch(/^on demand: ctpipe run by /);
    expect(task(run, 'extract')?.outputParameters).toMatchObject({ span: 1 });
    expect(task(run, 'push')?.outputParameters).toMatchObject({ pushed: true, version: 1 });
    expect(registry().labels).toMatchObject({ stable: 1 });

    server = background(['serve', ...base, '--port', '0']);
    children.push(server.child);
    url = (await waitForText(server.output, /on (http:\/\/\S+\/v1\/models\/penguins)/, 'the server'))[1]!;
    expect(await modelStatus(url)).toEqual([expect.objectContaining({ version: '1', state: 'AVAILABLE' })]);
  });

  it('2. span 2 appears while `ctpipe trigger` runs: a run starts by itself, is blessed, v2 goes to canary', async () => {
    trigger = background(['trigger', ...base]);
    children.push(trigger.child);
    await trigger.waitFor((l) => l.type === 'loop-started');
    dropSpan(source, 2, spanTwo());
    const started = await trigger.waitFor((l) => l.type === 'started');
    expect(started.trigger).toBe('new-data');
    expect(started.reason).toMatch(/new span 2/);
    const finished = await trigger.waitFor((l) => l.type === 'finished' && l.runId === started.runId);
    expect(finished.state).toBe('SUCCEEDED');
    pushedRun = started.runId!;

    const run = await runOf(store, started.runId!);
    expect(run.trigger).toBe('new-data');
    expect(run.triggerReason).toMatch(/new span 2/);
    expect(task(run, 'extract')?.outputParameters).toMatchObject({ span: 2 });
    expect(task(run, 'evaluate')?.outputParameters).toMatchObject({ blessed: true });
    expect(task(run, 'push')?.outputParameters).toMatchObject({ pushed: true, version: 2 });
    expect(registry()).toMatchObject({ labels: { stable: 1, canary: 2 }, canaryTrafficPercent: 10 });
    const canary = await eventually(
      () => modelStatus(url, '/labels/canary'),
      (s) => s[0]?.version === '2' && s[0]?.state === 'AVAILABLE',
    );
    expect(canary).toEqual([expect.objectContaining({ version: '2', state: 'AVAILABLE' })]);
  });

  it('3. a span 3 with a corrupted column stops at validate and nothing is pushed', async () => {
    const after = trigger.lines.length;
    dropSpan(source, 3, corruptedSpan());
    const started = await trigger.waitFor((l) => l.type === 'started', after);
    expect(started.reason).toMatch(/new span 3/);
    await trigger.waitFor((l) => l.type === 'finished' && l.runId === started.runId);

    const run = await runOf(store, started.runId!);
    expect(run.trigger).toBe('new-data');
    expect(task(run, 'extract')?.outputParameters).toMatchObject({ span: 3 });
    expect(task(run, 'validate')?.outputParameters).toMatchObject({ valid: false });
    for (const step of ['transform', 'train', 'evaluate', 'push']) expect(task(run, step)).toBeUndefined();
    expect(registry().versions.map((v) => v.version)).toEqual([1, 2]);
    expect(await modelStatus(url, '/labels/canary')).toEqual([expect.objectContaining({ version: '2' })]);
    expect(await modelStatus(url, '/labels/stable')).toEqual([expect.objectContaining({ version: '1' })]);
  });

  it('4. skewed serving traffic starts a drift-triggered run', async () => {
    const after = trigger.lines.length;
    const instances = skewedInstances(150);
    for (let i = 0; i < instances.length; i += 50) {
      const res = await fetch(`${url}:predict`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ instances: instances.slice(i, i + 50) }),
      });
      expect(res.status).toBe(200);
    }
    const started = await trigger.waitFor((l) => l.type === 'started' && l.trigger === 'drift', after);
    expect(started.reason).toMatch(/skew: .*(Body Mass \(g\)|Flipper Length \(mm\))/);
    // Compared with what the served model learned from (span 2's run), not with the rejected span 3.
    expect(started.reason).toContain(`vs the training data of run ${pushedRun}`);
    await trigger.waitFor((l) => l.type === 'finished' && l.runId === started.runId);

    const run = await runOf(store, started.runId!);
    expect(run.trigger).toBe('drift');
    expect(run.triggerReason).toMatch(/Body Mass \(g\)|Flipper Length \(mm\)/);
    // The retraining run's validate compared the training data with exactly the logged requests.
    const validate = task(run, 'validate');
    expect(String(validate?.inputParameters.serving_data)).toMatch(/serving-data/);
    expect(registry().versions.map((v) => v.version)).toEqual([1, 2]);
  });
});
