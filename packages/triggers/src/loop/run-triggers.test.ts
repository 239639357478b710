import { type MetadataStore, openMetadataStore, type RunRequest } from '@ctpipe/metadata';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TriggerEvent } from '../events.js';
import type { LaunchResult } from '../launcher.js';
import type { TriggerFire, TriggerSource } from '../source.js';
import { runTriggers } from './run-triggers.js';

let store: MetadataStore;
let events: TriggerEvent[];
beforeEach(() => {
  store = openMetadataStore(':memory:');
  events = [];
});
afterEach(() => store.close());

const fire = (span: number): TriggerFire => ({
  trigger: 'new-data',
  reason: `new span ${span}`,
  parameters: { span },
  dedupeKey: `span-${span}`,
});

/** Fires the given batches on successive polls, and counts its polls in its state. */
function scripted(batches: TriggerFire[][]): TriggerSource {
  return {
    name: 'scripted',
    async poll({ state }) {
      const n = typeof state?.polls === 'number' ? state.polls : 0;
      return { fired: batches[n] ?? [], skipped: [], state: { polls: n + 1 } };
    },
  };
}

let ids = 0;
const base = () => ({
  store,
  pipelineName: 'ct',
  pollIntervalMs: 5,
  events: (e: TriggerEvent) => events.push(e),
  newRunId: () => `run-${++ids}`,
});
const kinds = () => events.map((e) => e.type);

describe('runTriggers --once', () => {
  it('queues what fired and runs it in order, one at a time, holding the lock during each run', async () => {
    const launched: [number, string, string[]][] = [];
    const result = await runTriggers({
      ...base(),
      sources: [scripted([[fire(2), fire(3)]])],
      once: true,
      launch: async (request, { runId }) => {
        const holders = (await store.runLockHolders('ct')).map((h) => h.runId);
        launched.push([Number(request.parameters.span), runId, holders]);
        return { runId, state: 'SUCCEEDED' };
      },
    });
    expect(launched).toEqual([
      [2, 'run-1', ['run-1']],
      [3, 'run-2', ['run-2']],
    ]);
    expect(result.runs.map((r) => [r.runId, r.state])).toEqual([
      ['run-1', 'SUCCEEDED'],
      ['run-2', 'SUCCEEDED'],
    ]);
    expect((await store.listRunRequests()).map((r) => [r.state, r.runId])).toEqual([
      ['DONE', 'run-1'],
      ['DONE', 'run-2'],
    ]);
    expect(await store.runLockHolders('ct')).toEqual([]);
    expect(await store.getTriggerState('ct', 'scripted')).toEqual({ polls: 1 });
    expect(kinds()).toEqual([
      'loop-started',
      'fired',
      'queued',
      'fired',
      'queued',
      'started',
      'finished',
      'started',
      'finished',
      'loop-stopped',
    ]);
    expect(events.find((e) => e.type === 'started')).toMatchObject({
      requestId: 1,
      runId: 'run-1',
      trigger: 'new-data',
      reason: 'new span 2',
      parameters: { span: 2 },
    });
    expect(events.at(-1)).toMatchObject({ type: 'loop-stopped', why: 'once', runs: 2 });
  });

  it('runs requests queued before a restart, and puts back those a dead worker had claimed', async () => {
    await store.enqueueRunRequest({
      pipelineName: 'ct',
      trigger: 'schedule',
      reason: 'queued earlier',
      parameters: {},
    });
    await store.enqueueRunRequest({
      pipelineName: 'ct',
      trigger: 'drift',
      reason: 'claimed by a dead worker',
      parameters: {},
    });
    await store.claimNextRunRequest(99_999_999, { skipPipelines: [] });
    const reasons: string[] = [];
    await runTriggers({
      ...base(),
      sources: [],
      once: true,
      launch: async (request, { runId }) => {
        reasons.push(request.reason);
        return { runId, state: 'SUCCEEDED' };
      },
    });
    expect(reasons).toEqual(['queued earlier', 'claimed by a dead worker']);
    expect(events[0]).toMatchObject({ type: 'loop-started', recovered: 1 });
  });

  it('does not start a run while another live process holds the pipeline lock, and says who', async () => {
    await store.acquireRunLock('ct', 'manual-run', process.pid);
    let launched = 0;
    const result = await runTriggers({
      ...base(),
      sources: [scripted([[fire(4)]])],
      once: true,
      launch: async (_r, { runId }) => {
        launched++;
        return { runId, state: 'SUCCEEDED' };
      },
    });
    expect(launched).toBe(0);
    expect(result.runs).toEqual([]);
    expect((await store.listRunRequests()).map((r) => r.state)).toEqual(['PENDING']);
    expect(events.find((e) => e.type === 'skipped')).toMatchObject({
      source: 'queue',
      reason: `request 1 waits: ct is running manual-run (pid ${process.pid})`,
    });
  });

  it('marks a request FAILED when its launch throws, releases the lock and goes on with the next', async () => {
    const result = await runTriggers({
      ...base(),
      sources: [scripted([[fire(1), fire(2)]])],
      once: true,
      launch: async (request, { runId }) => {
        if (request.parameters.span === 1) throw new Error('pipeline.json is not valid');
        return { runId, state: 'FAILED', error: 'train: exit 1' };
      },
    });
    expect(result.runs.map((r) => r.state)).toEqual(['FAILED', 'FAILED']);
    expect((await store.listRunRequests()).map((r) => [r.state, r.error])).toEqual([
      ['FAILED', 'pipeline.json is not valid'],
      ['DONE', null],
    ]);
    expect(
      events.filter((e) => e.type === 'finished').map((e) => (e.type === 'finished' ? e.error : '')),
    ).toEqual(['pipeline.json is not valid', 'train: exit 1']);
    expect(await store.runLockHolders('ct')).toEqual([]);
  });

  it('reports a failing source and still polls the others; its state is not advanced', async () => {
    const broken: TriggerSource = {
      name: 'broken',
      poll: async () => {
        throw new Error('feedback file unreadable');
      },
    };
    await runTriggers({
      ...base(),
      sources: [broken, scripted([[fire(1)]])],
      once: true,
      launch: async (_r, { runId }) => ({ runId, state: 'SUCCEEDED' }),
    });
    expect(events.find((e) => e.type === 'error')).toMatchObject({
      source: 'broken',
      message: 'feedback file unreadable',
    });
    expect(kinds()).toContain('finished');
    expect(await store.getTriggerState('ct', 'broken')).toBeNull();
  });

  it('runs up to max_concurrent_runs at once', async () => {
    let running = 0;
    let peak = 0;
    await runTriggers({
      ...base(),
      sources: [scripted([[fire(1), fire(2), fire(3)]])],
      once: true,
      maxConcurrentRuns: 2,
      launch: async (_r, { runId }) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running--;
        return { runId, state: 'SUCCEEDED' };
      },
    });
    expect(peak).toBe(2);
    expect((await store.listRunRequests()).map((r) => r.state)).toEqual(['DONE', 'DONE', 'DONE']);
  });
});

describe('runTriggers until aborted', () => {
  it('queues a trigger that fires during a run, runs it after, and stops after the current run on abort', async () => {
    const abort = new AbortController();
    let releaseFirst: () => void = () => {};
    const firstRunBlocked = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const launched: RunRequest[] = [];
    const launch = async (request: RunRequest, { runId }: { runId: string }): Promise<LaunchResult> => {
      launched.push(request);
      if (launched.length === 1) await firstRunBlocked;
      if (launched.length === 2) abort.abort();
      return { runId, state: 'SUCCEEDED' };
    };
    const done = runTriggers({
      ...base(),
      sources: [scripted([[fire(1)], [], [fire(2)]])],
      launch,
      signal: abort.signal,
      events: (e) => {
        events.push(e);
        // The second span is queued while span 1 is still running: only then may span 1 finish.
        if (e.type === 'queued' && e.reason === 'new span 2') releaseFirst();
      },
    });
    const result = await done;
    expect(launched.map((r) => r.parameters.span)).toEqual([1, 2]);
    expect(result.runs.map((r) => r.state)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    const order = events.map((e) =>
      e.type === 'queued' || e.type === 'started' ? `${e.type} ${e.reason}` : e.type,
    );
    expect(order.indexOf('queued new span 2')).toBeLessThan(order.indexOf('started new span 2'));
    expect(order.indexOf('started new span 1')).toBeLessThan(order.indexOf('queued new span 2'));
    expect(events.at(-1)).toMatchObject({ type: 'loop-stopped', why: 'signal', runs: 2 });
  });

  it('resolves at once when aborted with nothing running', async () => {
    const abort = new AbortController();
    const done = runTriggers({
      ...base(),
      pollIntervalMs: 60_000,
      sources: [scripted([])],
      launch: async (_r, { runId }) => ({ runId, state: 'SUCCEEDED' }),
      signal: abort.signal,
    });
    setTimeout(() => abort.abort(), 10);
    expect(await done).toEqual({ runs: [] });
    expect(kinds()).toEqual(['loop-started', 'loop-stopped']);
  });
});
