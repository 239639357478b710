import { expect, it } from 'vitest';
import type { StartExecutionInput } from '../inputs.js';
import { describeContract } from '../test-support/contract.js';
import { RUNNER_PID, runInput, runTask } from '../test-support/fixtures.js';

function trainInput(overrides: Partial<StartExecutionInput> = {}): StartExecutionInput {
  return {
    runId: 'run-1',
    taskName: 'train',
    componentName: 'train',
    cacheKey: 'key-train',
    inputParameters: { epochs: 3, lr: 0.5 },
    inputArtifacts: [],
    pid: RUNNER_PID,
    ...overrides,
  };
}

describeContract('executions', (ctx) => {
  async function withExamples(): Promise<number> {
    await ctx.store.startRun(runInput('run-1'));
    const extract = await runTask(ctx.store, {
      runId: 'run-1',
      taskName: 'extract',
      outputs: ['train', 'eval'],
    });
    return extract.outputs.find((o) => o.key === 'train')?.artifactId ?? -1;
  }

  it('records a RUNNING execution with its inputs by key and index', async () => {
    const examples = await withExamples();
    const schema = await ctx.store.registerArtifact({
      uri: '/curated/schema.json',
      typeTitle: 'system.Artifact',
    });
    const id = await ctx.store.startExecution(
      trainInput({
        inputArtifacts: [
          { key: 'examples', artifactId: examples },
          { key: 'extra', index: 1, artifactId: schema.id },
          { key: 'extra', index: 0, artifactId: examples },
        ],
      }),
    );
    const execution = await ctx.store.getExecution(id);
    expect(execution).toMatchObject({
      id,
      runId: 'run-1',
      pipelineName: 'ct',
      taskName: 'train',
      componentName: 'train',
      state: 'RUNNING',
      cacheKey: 'key-train',
      reusedFrom: null,
      pid: RUNNER_PID,
      startedAt: new Date(ctx.clock.now()),
      finishedAt: null,
      exitCode: null,
      error: null,
      inputParameters: { epochs: 3, lr: 0.5 },
      outputParameters: {},
      outputs: [],
    });
    expect(execution?.inputs).toEqual([
      {
        key: 'examples',
        index: 0,
        artifactId: examples,
        uri: '/art/run-1/extract/train',
        typeTitle: 'system.Dataset',
      },
      {
        key: 'extra',
        index: 0,
        artifactId: examples,
        uri: '/art/run-1/extract/train',
        typeTitle: 'system.Dataset',
      },
      {
        key: 'extra',
        index: 1,
        artifactId: schema.id,
        uri: '/curated/schema.json',
        typeTitle: 'system.Artifact',
      },
    ]);
  });

  it('rejects an unknown input artifact or a duplicated input slot and records nothing', async () => {
    const examples = await withExamples();
    await expect(
      ctx.store.startExecution(trainInput({ inputArtifacts: [{ key: 'examples', artifactId: 999 }] })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', details: { found: '999' } });
    await expect(
      ctx.store.startExecution(
        trainInput({
          inputArtifacts: [
            { key: 'examples', artifactId: examples },
            { key: 'examples', artifactId: examples },
          ],
        }),
      ),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', details: { found: 'examples[0]' } });
    expect((await ctx.store.getRun('run-1'))?.executions.map((e) => e.taskName)).toEqual(['extract']);
  });

  it('only starts executions in a RUNNING run that exists', async () => {
    await expect(ctx.store.startExecution(trainInput({ runId: 'ghost' }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await ctx.store.startRun(runInput('run-1'));
    await ctx.store.finishRun('run-1', { state: 'FAILED' });
    await expect(ctx.store.startExecution(trainInput())).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('completes an execution: LIVE output artifacts with metadata, OUTPUT events, parameters', async () => {
    const examples = await withExamples();
    const id = await ctx.store.startExecution(
      trainInput({ inputArtifacts: [{ key: 'examples', artifactId: examples }] }),
    );
    ctx.clock.advance(2_000);
    const done = await ctx.store.completeExecution(id, {
      outputParameters: { best_lr: 0.25, converged: true },
      outputArtifacts: [
        {
          key: 'model',
          uri: 'file:///art/model',
          typeTitle: 'system.Model',
          metadata: {
            framework: 'tfjs',
            version: 3,
            accuracy: 0.93,
            tags: ['x'],
            extra: null,
            nested: { a: { b: 1 } },
          },
        },
      ],
    });
    expect(done.state).toBe('COMPLETE');
    expect(done.finishedAt).toEqual(new Date(ctx.clock.now()));
    expect(done.outputParameters).toEqual({ best_lr: 0.25, converged: true });
    const [modelRef] = done.outputs;
    expect(modelRef).toMatchObject({
      key: 'model',
      index: 0,
      uri: 'file:///art/model',
      typeTitle: 'system.Model',
    });
    const model = await ctx.store.getArtifact('file:///art/model');
    expect(model).toEqual({
      id: modelRef?.artifactId,
      uri: 'file:///art/model',
      typeTitle: 'system.Model',
      state: 'LIVE',
      metadata: {
        framework: 'tfjs',
        version: 3,
        accuracy: 0.93,
        tags: ['x'],
        extra: null,
        nested: { a: { b: 1 } },
      },
      createdAt: new Date(ctx.clock.now()),
      updatedAt: new Date(ctx.clock.now()),
    });
  });

  it('completes only a RUNNING execution, so a second completion registers nothing', async () => {
    await ctx.store.startRun(runInput('run-1'));
    const id = await ctx.store.startExecution(trainInput());
    await ctx.store.completeExecution(id, { outputParameters: {}, outputArtifacts: [] });
    await expect(
      ctx.store.completeExecution(id, {
        outputParameters: {},
        outputArtifacts: [{ key: 'model', uri: '/late', typeTitle: 'system.Model', metadata: {} }],
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { expected: 'RUNNING', found: 'COMPLETE' } });
    expect(await ctx.store.getArtifact('/late')).toBeNull();
  });

  it('registers no artifact at all when one output of the set is invalid', async () => {
    await ctx.store.startRun(runInput('run-1'));
    const id = await ctx.store.startExecution(trainInput());
    const model = { key: 'model', uri: '/m', typeTitle: 'system.Model', metadata: {} };
    await expect(
      ctx.store.completeExecution(id, {
        outputParameters: {},
        outputArtifacts: [model, { ...model, uri: '/m2' }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(
      ctx.store.completeExecution(id, {
        outputParameters: {},
        outputArtifacts: [model, { ...model, key: 'x', uri: '' }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(await ctx.store.getArtifact('/m')).toBeNull();
    expect(await ctx.store.getArtifact('/m2')).toBeNull();
    expect((await ctx.store.getExecution(id))?.state).toBe('RUNNING');
  });

  it('fails an execution with its error and exit code', async () => {
    await ctx.store.startRun(runInput('run-1'));
    const id = await ctx.store.startExecution(trainInput());
    ctx.clock.advance(300);
    const failed = await ctx.store.failExecution(id, {
      message: 'BAD_INPUT: column age missing',
      exitCode: 2,
    });
    expect(failed).toMatchObject({
      state: 'FAILED',
      error: 'BAD_INPUT: column age missing',
      exitCode: 2,
      finishedAt: new Date(ctx.clock.now()),
      outputs: [],
    });
    await expect(
      ctx.store.completeExecution(id, { outputParameters: {}, outputArtifacts: [] }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(ctx.store.failExecution(id, { message: 'again' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('cancels a running execution', async () => {
    await ctx.store.startRun(runInput('run-1'));
    const id = await ctx.store.startExecution(trainInput());
    const canceled = await ctx.store.cancelExecution(id, 'user pressed ctrl-c');
    expect(canceled).toMatchObject({ state: 'CANCELED', error: 'user pressed ctrl-c', exitCode: null });
  });

  it('reports unknown executions', async () => {
    expect(await ctx.store.getExecution(12345)).toBeNull();
    await expect(ctx.store.failExecution(12345, { message: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      ctx.store.completeExecution(12345, { outputParameters: {}, outputArtifacts: [] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
