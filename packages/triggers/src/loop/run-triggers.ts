import { isProcessAlive, type MetadataStore } from '@ctpipe/metadata';
import type { TriggerEventInput, TriggerEventListener } from '../events.js';
import type { Launcher } from '../launcher.js';
import type { TriggerListener } from '../listener.js';
import type { TriggerSource } from '../source.js';
import { dispatchRuns, type FinishedRun } from './dispatch-runs.js';
import { pollSources } from './poll-sources.js';
import { newRunId } from './run-id.js';
import { WakeTimer } from './wake-timer.js';

export interface RunTriggersOptions {
  store: MetadataStore;
  /** The pipeline whose requests this loop queues and runs (the compiled pipelineInfo.name). */
  pipelineName: string;
  sources: readonly TriggerSource[];
  /** Pushed sources (Pub/Sub), started with the loop and stopped with it. */
  listeners?: readonly TriggerListener[];
  launch: Launcher;
  pollIntervalMs: number;
  /** Runs of the pipeline at once, across every trigger process on the store. Default 1. */
  maxConcurrentRuns?: number;
  /** Poll once, run everything queued (one after another, or maxConcurrentRuns at once), then return. */
  once?: boolean;
  /** Aborting stops polling and starting runs; runTriggers resolves once the runs in progress have ended. */
  signal?: AbortSignal;
  events?: TriggerEventListener;
  /** Default: the wall clock. */
  now?: () => Date;
  /** Default: `<pipeline>-<stamp>-<hex>`, as the runner names runs. */
  newRunId?: (pipelineName: string) => string;
}

export interface RunTriggersResult {
  /** Every run this loop started, in the order they ended. */
  runs: FinishedRun[];
}

/**
 * The continuous-training loop: poll the sources every pollIntervalMs, queue what fired in the metadata store (so a
 * trigger firing during a run waits, and survives a restart), and start queued requests while the pipeline's run
 * lock allows. Requests a dead trigger process left behind are recovered first.
 */
export async function runTriggers(options: RunTriggersOptions): Promise<RunTriggersResult> {
  const { store, pipelineName, signal } = options;
  const now = options.now ?? (() => new Date());
  const emit = (event: TriggerEventInput) => options.events?.({ time: now().toISOString(), ...event });
  const maxConcurrentRuns = options.maxConcurrentRuns ?? 1;
  const timer = new WakeTimer();
  const runs: FinishedRun[] = [];
  const active = new Map<number, Promise<void>>();
  const lastSkips = new Map<string, string>();
  const lastHolder: { runId?: string } = {};
  const dispatchDeps = {
    store,
    pipelineName,
    launch: options.launch,
    maxConcurrentRuns,
    pid: process.pid,
    newRunId: options.newRunId ?? ((name: string) => newRunId(name)),
    emit,
    onFinished: (run: FinishedRun) => {
      runs.push(run);
      timer.wake();
    },
  };
  const dispatch = () => dispatchRuns(dispatchDeps, active, lastHolder);

  const recovered = await store.recoverRunRequests(isProcessAlive);
  emit({
    type: 'loop-started',
    pipeline: pipelineName,
    sources: [...options.sources.map((s) => s.name), ...(options.listeners ?? []).map((l) => l.name)],
    pollIntervalMs: options.pollIntervalMs,
    maxConcurrentRuns,
    once: options.once ?? false,
    recovered: recovered.length,
  });
  const started: TriggerListener[] = [];
  try {
    for (const listener of options.listeners ?? []) {
      await listener.start({ store, pipelineName, emit, wake: () => timer.wake() });
      started.push(listener);
    }
    let nextPoll = 0;
    while (!signal?.aborted) {
      if (Date.now() >= nextPoll) {
        await pollSources(options.sources, { store, pipelineName, now, emit }, lastSkips);
        nextPoll = Date.now() + options.pollIntervalMs;
      }
      if (signal?.aborted) break;
      await dispatch();
      if (options.once) {
        await drainQueue(dispatch, active, signal);
        break;
      }
      await timer.sleep(Math.max(0, nextPoll - Date.now()), signal);
    }
  } finally {
    for (const listener of started.reverse()) await listener.stop().catch(() => undefined);
    await Promise.allSettled(active.values());
    emit({ type: 'loop-stopped', why: signal?.aborted ? 'signal' : 'once', runs: runs.length });
  }
  return { runs };
}

/** `--once`: start queued requests as slots free up until none is left (or the lock is held elsewhere). */
async function drainQueue(
  dispatch: () => Promise<void>,
  active: Map<number, Promise<void>>,
  signal: AbortSignal | undefined,
): Promise<void> {
  while (active.size > 0) {
    await Promise.race(active.values());
    if (!signal?.aborted) await dispatch();
  }
}
