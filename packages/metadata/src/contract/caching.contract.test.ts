import { expect, it } from 'vitest';
import { describeContract } from '../test-support/contract.js';
import { outputId, RUNNER_PID, runInput, runTask } from '../test-support/fixtures.js';

describeContract('caching', (ctx) => {
  async function trainedOnce(runId = 'run-1', cacheKey = 'key-train') {
    await ctx.store.startRun(runInput(runId));
    return runTask(ctx.store, {
      runId,
      taskName: 'train',
      cacheKey,
      outputs: ['model', 'hparams'],
      outputParameters: { best_lr: 0.1 },
    });
  }

  it('misses when no execution has the key', async () => {
    await trainedOnce();
    expect(await ctx.store.findCachedExecution('other-key')).toBeNull();
  });

  it('hits with the execution, its output artifacts and output parameters', async () => {
    const train = await trainedOnce();
    const hit = await ctx.store.findCachedExecution('key-train');
    expect(hit?.execution.id).toBe(train.id);
    expect(hit?.outputParameters).toEqual({ best_lr: 0.1 });
    expect(hit?.outputArtifacts.map((o) => [o.key, o.index, o.artifact.uri, o.artifact.state])).toEqual([
      ['hparams', 0, '/art/run-1/train/hparams', 'LIVE'],
      ['model', 0, '/art/run-1/train/model', 'LIVE'],
    ]);
    expect(hit?.outputArtifacts[1]?.artifact.metadata).toEqual({ task: 'train' });
  });

  it('prefers the latest complete execution', async () => {
    await trainedOnce('run-1');
    ctx.clock.advance(1_000);
    const second = await trainedOnce('run-2');
    expect((await ctx.store.findCachedExecution('key-train'))?.execution.id).toBe(second.id);
  });

  it('never hits a RUNNING, FAILED or CANCELED execution', async () => {
    await ctx.store.startRun(runInput('run-1'));
    const start = () =>
      ctx.store.startExecution({
        runId: 'run-1',
        taskName: 'train',
        componentName: 'train',
        cacheKey: 'key-train',
        inputParameters: {},
        inputArtifacts: [],
        pid: RUNNER_PID,
      });
    await start();
    await ctx.store.failExecution(await start(), { message: 'boom' });
    await ctx.store.cancelExecution(await start());
    expect(await ctx.store.findCachedExecution('key-train')).toBeNull();
  });

  for (const state of ['DELETED', 'MARKED_FOR_DELETION', 'ABANDONED'] as const) {
    it(`misses when an output artifact is ${state}, falling back to an older intact execution`, async () => {
      const first = await trainedOnce('run-1');
      ctx.clock.advance(1_000);
      const second = await trainedOnce('run-2');
      await ctx.store.setArtifactState(outputId(second, 'model'), state);
      expect((await ctx.store.findCachedExecution('key-train'))?.execution.id).toBe(first.id);
      await ctx.store.setArtifactState(outputId(first, 'hparams'), state);
      expect(await ctx.store.findCachedExecution('key-train')).toBeNull();
    });
  }

  it('records a CACHED execution that points at the original artifacts', async () => {
    const train = await trainedOnce();
    await ctx.store.finishRun('run-1', { state: 'SUCCEEDED' });
    await ctx.store.startRun(runInput('run-2'));
    ctx.clock.advance(60_000);
    const cached = await ctx.store.recordCachedExecution({
      runId: 'run-2',
      taskName: 'train',
      componentName: 'train',
      cacheKey: 'key-train',
      reusedFrom: train.id,
      inputParameters: { epochs: 3 },
    });
    expect(cached).toMatchObject({
      runId: 'run-2',
      state: 'CACHED',
      reusedFrom: train.id,
      cacheKey: 'key-train',
      inputParameters: { epochs: 3 },
      outputParameters: { best_lr: 0.1 },
      startedAt: new Date(ctx.clock.now()),
      finishedAt: new Date(ctx.clock.now()),
    });
    expect(cached.outputs.map((o) => o.artifactId)).toEqual(train.outputs.map((o) => o.artifactId));
    const run2 = await ctx.store.getRun('run-2');
    expect(run2?.tasks).toMatchObject({ CACHED: 1, COMPLETE: 0, total: 1 });
    // The cache source stays the execution that really produced the artifacts.
    expect((await ctx.store.findCachedExecution('key-train'))?.execution.id).toBe(train.id);
  });

  it('is no cache source itself once the original artifacts are gone', async () => {
    const train = await trainedOnce();
    await ctx.store.startRun(runInput('run-2'));
    await ctx.store.recordCachedExecution({
      runId: 'run-2',
      taskName: 'train',
      componentName: 'train',
      cacheKey: 'key-train',
      reusedFrom: train.id,
    });
    await ctx.store.setArtifactState(outputId(train, 'model'), 'DELETED');
    expect(await ctx.store.findCachedExecution('key-train')).toBeNull();
  });

  it('refuses to reuse a deleted artifact, a wrong key or an execution that did not complete', async () => {
    const train = await trainedOnce();
    await ctx.store.startRun(runInput('run-2'));
    const reuse = (reusedFrom: number, cacheKey = 'key-train') =>
      ctx.store.recordCachedExecution({
        runId: 'run-2',
        taskName: 'train',
        componentName: 'train',
        cacheKey,
        reusedFrom,
      });

    await expect(reuse(train.id, 'another-key')).rejects.toMatchObject({ code: 'CONFLICT' });
    const failed = await ctx.store.startExecution({
      runId: 'run-2',
      taskName: 'eval',
      componentName: 'eval',
      cacheKey: 'key-train',
      inputParameters: {},
      inputArtifacts: [],
      pid: RUNNER_PID,
    });
    await ctx.store.failExecution(failed, { message: 'x' });
    await expect(reuse(failed)).rejects.toMatchObject({ code: 'CONFLICT', details: { found: 'FAILED' } });
    await ctx.store.setArtifactState(outputId(train, 'model'), 'DELETED');
    await expect(reuse(train.id)).rejects.toMatchObject({ code: 'CONFLICT', details: { found: 'DELETED' } });
    await expect(reuse(98765)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await ctx.store.getRun('run-2'))?.tasks.CACHED).toBe(0);
  });
});
