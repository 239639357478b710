import { expect, it } from 'vitest';
import { describeContract } from '../test-support/contract.js';
import { runInput, runTask } from '../test-support/fixtures.js';

describeContract('runs', (ctx) => {
  it('starts a RUNNING run with its creation time and no tasks', async () => {
    const run = await ctx.store.startRun(
      runInput('run-1', {
        trigger: 'schedule',
        triggerReason: "schedule '0 3 * * *' (UTC) due 2024-01-02T03:00Z",
      }),
    );
    expect(run).toEqual({
      runId: 'run-1',
      pipelineName: 'ct',
      state: 'RUNNING',
      trigger: 'schedule',
      triggerReason: "schedule '0 3 * * *' (UTC) due 2024-01-02T03:00Z",
      createdAt: new Date(ctx.clock.now()),
      finishedAt: null,
      durationMs: null,
      tasks: { NEW: 0, RUNNING: 0, COMPLETE: 0, FAILED: 0, CACHED: 0, CANCELED: 0, total: 0 },
    });
  });

  it('records no trigger reason when none is given', async () => {
    await ctx.store.startRun(runInput('run-1'));
    expect((await ctx.store.getRun('run-1'))?.triggerReason).toBeNull();
    expect((await ctx.store.listRuns())[0]?.trigger).toBeNull();
  });

  it('refuses a second run with the same id', async () => {
    await ctx.store.startRun(runInput('run-1'));
    await expect(ctx.store.startRun(runInput('run-1', { pipelineName: 'other' }))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await ctx.store.listRuns()).map((r) => r.pipelineName)).toEqual(['ct']);
  });

  it('finishes a run with its end time and duration', async () => {
    const started = await ctx.store.startRun(runInput('run-1'));
    ctx.clock.advance(5_250);
    const finished = await ctx.store.finishRun('run-1', { state: 'SUCCEEDED' });
    expect(finished.state).toBe('SUCCEEDED');
    expect(finished.finishedAt).toEqual(new Date(started.createdAt.getTime() + 5_250));
    expect(finished.durationMs).toBe(5_250);
  });

  it('keeps the error of a failed run', async () => {
    await ctx.store.startRun(runInput('run-1'));
    await ctx.store.finishRun('run-1', { state: 'FAILED', error: 'train: exit 2' });
    const run = await ctx.store.getRun('run-1');
    expect(run?.state).toBe('FAILED');
    expect(run?.error).toBe('train: exit 2');
  });

  it('refuses to finish a run twice, an unknown run, or to RUNNING', async () => {
    await ctx.store.startRun(runInput('run-1'));
    await ctx.store.finishRun('run-1', { state: 'CANCELED' });
    await expect(ctx.store.finishRun('run-1', { state: 'SUCCEEDED' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { expected: 'RUNNING', found: 'CANCELED' },
    });
    await expect(ctx.store.finishRun('nope', { state: 'FAILED' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await ctx.store.startRun(runInput('run-2'));
    // A caller outside TypeScript (the CLI) can pass anything.
    const bogus = { state: 'RUNNING' } as unknown as { state: 'FAILED' };
    await expect(ctx.store.finishRun('run-2', bogus)).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('cancels executions still running when a run ends FAILED or CANCELED', async () => {
    await ctx.store.startRun(runInput('run-1'));
    const done = await runTask(ctx.store, { runId: 'run-1', taskName: 'extract', outputs: ['examples'] });
    const running = await ctx.store.startExecution({
      runId: 'run-1',
      taskName: 'train',
      componentName: 'train',
      inputParameters: {},
      inputArtifacts: [],
      pid: 1,
    });
    const run = await ctx.store.finishRun('run-1', { state: 'CANCELED' });
    expect(run.tasks).toMatchObject({ COMPLETE: 1, CANCELED: 1, RUNNING: 0, total: 2 });
    expect((await ctx.store.getExecution(running))?.error).toBe('run run-1 ended CANCELED');
    expect((await ctx.store.getExecution(done.id))?.state).toBe('COMPLETE');
  });

  it('refuses success while a task is unfinished, and changes nothing', async () => {
    await ctx.store.startRun(runInput('run-1'));
    const running = await ctx.store.startExecution({
      runId: 'run-1',
      taskName: 'train',
      componentName: 'train',
      inputParameters: {},
      inputArtifacts: [],
      pid: 1,
    });
    await expect(ctx.store.finishRun('run-1', { state: 'SUCCEEDED' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await ctx.store.getRun('run-1'))?.state).toBe('RUNNING');
    expect((await ctx.store.getExecution(running))?.state).toBe('RUNNING');
  });

  it('lists runs newest first, by pipeline, with a limit and task counts', async () => {
    await ctx.store.startRun(runInput('a-1'));
    ctx.clock.advance(1_000);
    await ctx.store.startRun(runInput('b-1', { pipelineName: 'other' }));
    ctx.clock.advance(1_000);
    await ctx.store.startRun(runInput('a-2'));
    await runTask(ctx.store, { runId: 'a-2', taskName: 'extract', outputs: ['examples'] });
    const failing = await ctx.store.startExecution({
      runId: 'a-2',
      taskName: 'train',
      componentName: 'train',
      inputParameters: {},
      inputArtifacts: [],
      pid: 1,
    });
    await ctx.store.failExecution(failing, { message: 'boom', exitCode: 1 });

    expect((await ctx.store.listRuns()).map((r) => r.runId)).toEqual(['a-2', 'b-1', 'a-1']);
    expect((await ctx.store.listRuns({ pipelineName: 'ct' })).map((r) => r.runId)).toEqual(['a-2', 'a-1']);
    expect((await ctx.store.listRuns({ limit: 1 })).map((r) => r.runId)).toEqual(['a-2']);
    expect(await ctx.store.listRuns({ pipelineName: 'missing' })).toEqual([]);
    await expect(ctx.store.listRuns({ limit: 0 })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      details: { found: '0' },
    });
    const [latest] = await ctx.store.listRuns({ limit: 1 });
    expect(latest?.tasks).toEqual({
      NEW: 0,
      RUNNING: 0,
      COMPLETE: 1,
      FAILED: 1,
      CACHED: 0,
      CANCELED: 0,
      total: 2,
    });
  });

  it('returns a run with its spec, parameters and executions in start order', async () => {
    await ctx.store.startRun(
      runInput('run-1', {
        parameters: { epochs: 3, lr: 0.01, tags: ['a'] },
        pipelineSpecDigest: 'sha256:abc',
      }),
    );
    const extract = await runTask(ctx.store, { runId: 'run-1', taskName: 'extract', outputs: ['examples'] });
    ctx.clock.advance(10);
    const train = await runTask(ctx.store, {
      runId: 'run-1',
      taskName: 'train',
      inputs: [{ key: 'examples', artifactId: extract.outputs[0]?.artifactId ?? -1 }],
      outputs: ['model'],
    });
    const run = await ctx.store.getRun('run-1');
    expect(run).toMatchObject({
      runId: 'run-1',
      pipelineSpecDigest: 'sha256:abc',
      parameters: { epochs: 3, lr: 0.01, tags: ['a'] },
      error: null,
    });
    expect(run?.executions.map((e) => [e.id, e.taskName, e.state])).toEqual([
      [extract.id, 'extract', 'COMPLETE'],
      [train.id, 'train', 'COMPLETE'],
    ]);
    expect(await ctx.store.getRun('missing')).toBeNull();
  });
});
