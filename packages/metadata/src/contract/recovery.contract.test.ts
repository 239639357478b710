import { expect, it } from 'vitest';
import { ABANDONED_ERROR } from '../states.js';
import { describeContract } from '../test-support/contract.js';
import { runInput, runTask } from '../test-support/fixtures.js';

const DEAD_PID = 111;
const LIVE_PID = 222;

describeContract('crash recovery', (ctx) => {
  async function startTask(runId: string, taskName: string, pid: number): Promise<number> {
    return ctx.store.startExecution({
      runId,
      taskName,
      componentName: taskName,
      cacheKey: `key-${taskName}`,
      inputParameters: {},
      inputArtifacts: [],
      pid,
    });
  }

  it('fails RUNNING executions of a dead runner and their run, and leaves live ones alone', async () => {
    await ctx.store.startRun(runInput('dead-run', { pid: DEAD_PID }));
    const finished = await runTask(ctx.store, {
      runId: 'dead-run',
      taskName: 'extract',
      outputs: ['examples'],
    });
    const orphan = await startTask('dead-run', 'train', DEAD_PID);
    await ctx.store.startRun(runInput('live-run', { pid: LIVE_PID }));
    const busy = await startTask('live-run', 'train', LIVE_PID);
    ctx.clock.advance(9_000);

    const asked: number[] = [];
    const result = await ctx.store.abandonStaleExecutions((pid) => {
      asked.push(pid);
      return pid === LIVE_PID;
    });

    expect(result).toEqual({ executionIds: [orphan], runIds: ['dead-run'] });
    expect(new Set(asked)).toEqual(new Set([DEAD_PID, LIVE_PID]));
    expect(await ctx.store.getExecution(orphan)).toMatchObject({
      state: 'FAILED',
      error: ABANDONED_ERROR,
      finishedAt: new Date(ctx.clock.now()),
      outputs: [],
    });
    expect(await ctx.store.getRun('dead-run')).toMatchObject({ state: 'FAILED', error: ABANDONED_ERROR });
    expect((await ctx.store.getExecution(finished.id))?.state).toBe('COMPLETE');
    expect((await ctx.store.getExecution(busy))?.state).toBe('RUNNING');
    expect((await ctx.store.getRun('live-run'))?.state).toBe('RUNNING');
    expect(await ctx.store.findCachedExecution('key-train')).toBeNull();
  });

  it('never lets an abandoned execution register its outputs afterwards', async () => {
    await ctx.store.startRun(runInput('run-1', { pid: DEAD_PID }));
    const orphan = await startTask('run-1', 'train', DEAD_PID);
    await ctx.store.abandonStaleExecutions(() => false);
    await expect(
      ctx.store.completeExecution(orphan, {
        outputParameters: {},
        outputArtifacts: [{ key: 'model', uri: '/half-written', typeTitle: 'system.Model', metadata: {} }],
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await ctx.store.getArtifact('/half-written')).toBeNull();
  });

  it('fails a run whose runner died between tasks', async () => {
    await ctx.store.startRun(runInput('run-1', { pid: DEAD_PID }));
    await runTask(ctx.store, { runId: 'run-1', taskName: 'extract', outputs: ['examples'] });
    const result = await ctx.store.abandonStaleExecutions((pid) => pid !== DEAD_PID);
    expect(result).toEqual({ executionIds: [], runIds: ['run-1'] });
    expect((await ctx.store.getRun('run-1'))?.state).toBe('FAILED');
  });

  it('leaves runs without a pid and finished runs alone, and is idempotent', async () => {
    await ctx.store.startRun(runInput('no-pid', { pid: undefined }));
    await ctx.store.startRun(runInput('done', { pid: DEAD_PID }));
    await ctx.store.finishRun('done', { state: 'SUCCEEDED' });
    expect(await ctx.store.abandonStaleExecutions(() => false)).toEqual({ executionIds: [], runIds: [] });
    expect((await ctx.store.getRun('no-pid'))?.state).toBe('RUNNING');
    expect((await ctx.store.getRun('done'))?.state).toBe('SUCCEEDED');
  });

  it('fails every unfinished task of a dead run', async () => {
    await ctx.store.startRun(runInput('run-1', { pid: DEAD_PID }));
    const a = await startTask('run-1', 'a', DEAD_PID);
    const b = await startTask('run-1', 'b', DEAD_PID);
    const first = await ctx.store.abandonStaleExecutions(() => false);
    expect(first).toEqual({ executionIds: [a, b], runIds: ['run-1'] });
    expect((await ctx.store.getRun('run-1'))?.tasks).toMatchObject({ FAILED: 2, RUNNING: 0 });
    expect(await ctx.store.abandonStaleExecutions(() => false)).toEqual({ executionIds: [], runIds: [] });
  });
});
