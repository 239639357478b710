import { openMetadataStore } from '@ctpipe/metadata';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForRunLock } from './run-lock.js';

describe('waitForRunLock (ctpipe run while another run of the pipeline is in progress)', () => {
  let store: ReturnType<typeof openMetadataStore>;
  beforeEach(() => {
    store = openMetadataStore(':memory:');
  });
  afterEach(async () => {
    await store.close();
  });

  it('waits for the run in progress, says once whom it waits for, then holds the lock itself', async () => {
    // A live process (this one) holds the lock for another run, as `ctpipe trigger` would during its run.
    expect(await store.acquireRunLock('ct', 'run-trigger', process.pid)).toEqual({ acquired: true });
    const waits: string[] = [];
    const waiting = waitForRunLock(store, 'ct', 'run-manual', {
      pollMs: 20,
      onWait: (held) => waits.push(`${held.runId}/${held.pid}`),
    });
    await new Promise((r) => setTimeout(r, 150));
    expect((await store.runLockHolders('ct')).map((h) => h.runId)).toEqual(['run-trigger']);
    await store.releaseRunLock('ct', 'run-trigger');
    const release = await waiting;
    expect(waits).toEqual([`run-trigger/${process.pid}`]);
    expect((await store.runLockHolders('ct')).map((h) => h.runId)).toEqual(['run-manual']);
    await release();
    expect(await store.runLockHolders('ct')).toEqual([]);
  });

  it('stops waiting when the user interrupts', async () => {
    await store.acquireRunLock('ct', 'run-trigger', process.pid);
    const abort = new AbortController();
    const waiting = waitForRunLock(store, 'ct', 'run-manual', { pollMs: 20, signal: abort.signal });
    setTimeout(() => abort.abort(), 50);
    await expect(waiting).rejects.toMatchObject({
      code: 'CONFLICT',
      message: /stopped waiting for run run-trigger/,
    });
  });
});
