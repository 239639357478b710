import { setTimeout as sleep } from 'node:timers/promises';
import { CtpipeError } from '@ctpipe/errors';
import type { MetadataStore } from '@ctpipe/metadata';

/**
 * At most one run of a pipeline at a time on one metadata store (what `ctpipe trigger` also honours): a manual
 * run that finds another one in progress waits for it, like a queued trigger, instead of racing it for the
 * same baselines and serving folder. Returns the release function.
 */
export async function waitForRunLock(
  store: MetadataStore,
  pipelineName: string,
  runId: string,
  options: {
    signal?: AbortSignal;
    onWait?: (heldBy: { runId: string; pid: number }) => void;
    pollMs?: number;
  } = {},
): Promise<() => Promise<void>> {
  let told = false;
  for (;;) {
    const lock = await store.acquireRunLock(pipelineName, runId, process.pid);
    if (lock.acquired) return async () => void (await store.releaseRunLock(pipelineName, runId));
    if (!told) {
      options.onWait?.(lock.heldBy);
      told = true;
    }
    if (options.signal?.aborted) {
      throw new CtpipeError('CONFLICT', `stopped waiting for run ${lock.heldBy.runId} of ${pipelineName}`);
    }
    await sleep(options.pollMs ?? 1000, undefined, { signal: options.signal }).catch(() => undefined);
  }
}
