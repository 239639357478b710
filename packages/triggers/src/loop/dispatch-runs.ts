import type { MetadataStore, RunRequest } from '@ctpipe/metadata';
import type { TriggerEventInput } from '../events.js';
import type { Launcher } from '../launcher.js';

export interface FinishedRun {
  requestId: number;
  runId: string;
  state: string;
}

export interface DispatchDeps {
  store: MetadataStore;
  pipelineName: string;
  launch: Launcher;
  maxConcurrentRuns: number;
  pid: number;
  newRunId: (pipelineName: string) => string;
  emit: (event: TriggerEventInput) => void;
  /** Called when a run ends, so the loop can start the next one. */
  onFinished: (run: FinishedRun) => void;
}

/**
 * Starts queued requests while this process has a free slot and the pipeline's run lock (shared with other trigger
 * processes on the same store) grants one. Returns the runs it started, each settling when its run has ended.
 */
export async function dispatchRuns(
  deps: DispatchDeps,
  active: Map<number, Promise<void>>,
  lastHolder: { runId?: string },
): Promise<void> {
  const { store, pipelineName } = deps;
  while (active.size < deps.maxConcurrentRuns) {
    const request = await store.claimNextRunRequest(deps.pid, { pipelineName });
    if (!request) return;
    const runId = deps.newRunId(pipelineName);
    const lock = await store.acquireRunLock(pipelineName, runId, deps.pid, {
      maxHolders: deps.maxConcurrentRuns,
    });
    if (!lock.acquired) {
      await store.unclaimRunRequest(request.id);
      if (lastHolder.runId !== lock.heldBy.runId) {
        deps.emit({
          type: 'skipped',
          source: 'queue',
          reason: `request ${request.id} waits: ${pipelineName} is running ${lock.heldBy.runId} (pid ${lock.heldBy.pid})`,
        });
      }
      lastHolder.runId = lock.heldBy.runId;
      return;
    }
    lastHolder.runId = undefined;
    const started = await store.markRunRequestStarted(request.id, runId);
    deps.emit({
      type: 'started',
      requestId: request.id,
      runId,
      trigger: request.trigger,
      reason: request.reason,
      parameters: request.parameters,
    });
    const run = runOne(deps, started, runId).finally(() => active.delete(request.id));
    active.set(request.id, run);
  }
}

async function runOne(deps: DispatchDeps, request: RunRequest, runId: string): Promise<void> {
  const { store, pipelineName } = deps;
  const startedAt = Date.now();
  let finished: FinishedRun;
  try {
    const result = await deps.launch(request, { runId });
    await store.markRunRequestDone(request.id);
    finished = { requestId: request.id, runId: result.runId, state: result.state };
    deps.emit({
      type: 'finished',
      ...finished,
      durationMs: Date.now() - startedAt,
      ...(result.error === undefined ? {} : { error: result.error }),
    });
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    await store.markRunRequestFailed(request.id, error).catch(() => undefined);
    finished = { requestId: request.id, runId, state: 'FAILED' };
    deps.emit({ type: 'finished', ...finished, durationMs: Date.now() - startedAt, error });
  } finally {
    await store.releaseRunLock(pipelineName, runId);
  }
  deps.onFinished(finished);
}
