import { expect, it } from 'vitest';
import { describeContract } from '../test-support/contract.js';

const alive = () => true;

describeContract('run lock and trigger state', (ctx) => {
  it('lets one run of a pipeline hold the lock and tells the others who holds it', async () => {
    expect(await ctx.store.acquireRunLock('ct', 'run-1', 10, { isAlive: alive })).toEqual({ acquired: true });
    ctx.clock.advance(1_000);
    expect(await ctx.store.acquireRunLock('ct', 'run-2', 11, { isAlive: alive })).toEqual({
      acquired: false,
      heldBy: { runId: 'run-1', pid: 10, acquiredAt: new Date(ctx.clock.now() - 1_000) },
    });
    // Another pipeline has its own lock; the holder acquiring again is not a second slot.
    expect(await ctx.store.acquireRunLock('other', 'run-3', 11, { isAlive: alive })).toEqual({
      acquired: true,
    });
    expect(await ctx.store.acquireRunLock('ct', 'run-1', 10, { isAlive: alive })).toEqual({ acquired: true });
    expect((await ctx.store.runLockHolders('ct')).map((h) => h.runId)).toEqual(['run-1']);
  });

  it('frees the lock on release; releasing again is a no-op', async () => {
    await ctx.store.acquireRunLock('ct', 'run-1', 10, { isAlive: alive });
    expect(await ctx.store.releaseRunLock('ct', 'run-1')).toBe(true);
    expect(await ctx.store.releaseRunLock('ct', 'run-1')).toBe(false);
    expect(await ctx.store.acquireRunLock('ct', 'run-2', 10, { isAlive: alive })).toEqual({ acquired: true });
  });

  it('takes over a lock whose holder process is dead', async () => {
    await ctx.store.acquireRunLock('ct', 'run-1', 10, { isAlive: alive });
    const result = await ctx.store.acquireRunLock('ct', 'run-2', 11, { isAlive: (pid) => pid !== 10 });
    expect(result).toEqual({ acquired: true });
    expect((await ctx.store.runLockHolders('ct')).map((h) => [h.runId, h.pid])).toEqual([['run-2', 11]]);
  });

  it('uses the real process table by default', async () => {
    // A pid far above pid_max on Linux (4194304) cannot be alive.
    await ctx.store.acquireRunLock('ct', 'ghost', 99_999_999);
    expect(await ctx.store.acquireRunLock('ct', 'mine', process.pid)).toEqual({ acquired: true });
    expect(await ctx.store.acquireRunLock('ct', 'next', process.pid)).toMatchObject({
      acquired: false,
      heldBy: { runId: 'mine', pid: process.pid },
    });
  });

  it('allows max_concurrent_runs holders at once', async () => {
    const opts = { isAlive: alive, maxHolders: 2 };
    expect((await ctx.store.acquireRunLock('ct', 'run-1', 1, opts)).acquired).toBe(true);
    expect((await ctx.store.acquireRunLock('ct', 'run-2', 1, opts)).acquired).toBe(true);
    expect(await ctx.store.acquireRunLock('ct', 'run-3', 1, opts)).toMatchObject({
      acquired: false,
      heldBy: { runId: 'run-1' },
    });
    await expect(ctx.store.acquireRunLock('ct', 'run-4', 1, { maxHolders: 0 })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
  });

  it('keeps a trigger source state per pipeline and source', async () => {
    expect(await ctx.store.getTriggerState('ct', 'new-data')).toBeNull();
    await ctx.store.setTriggerState('ct', 'new-data', { lastSpan: 2 });
    await ctx.store.setTriggerState('ct', 'new-data', { lastSpan: 3, pending: { '4': 'sig' } });
    await ctx.store.setTriggerState('ct', 'schedule', { lastDue: '2024-01-02T03:00:00.000Z' });
    expect(await ctx.store.getTriggerState('ct', 'new-data')).toEqual({
      lastSpan: 3,
      pending: { '4': 'sig' },
    });
    expect(await ctx.store.getTriggerState('other', 'new-data')).toBeNull();
  });
});
