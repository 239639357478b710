import { expect, it } from 'vitest';
import type { Execution } from '../entities.js';
import type { ConsumerStep, Lineage, ProducerStep } from '../lineage-types.js';
import { describeContract } from '../test-support/contract.js';
import { outputId, runInput, runTask } from '../test-support/fixtures.js';

/** Compact views of the trees, so expectations read like the pipeline graph. */
interface Up {
  task: string;
  inputs: { key: string; uri: string; producer: Up | null; truncated: boolean }[];
}
function up(step: ProducerStep | null): Up | null {
  if (!step) return null;
  return {
    task: step.execution.taskName,
    inputs: step.inputs.map((i) => ({
      key: i.key,
      uri: i.artifact.uri,
      producer: up(i.producer),
      truncated: i.truncated,
    })),
  };
}
interface Down {
  task: string;
  outputs: { key: string; consumers: Down[]; truncated: boolean }[];
}
function down(steps: ConsumerStep[]): Down[] {
  return steps.map((s) => ({
    task: s.execution.taskName,
    outputs: s.outputs.map((o) => ({ key: o.key, consumers: down(o.consumers), truncated: o.truncated })),
  }));
}

describeContract('lineage', (ctx) => {
  /** csv → extract → transform → train → evaluate → push, with evaluate and push reading two inputs each. */
  async function pipeline(runId = 'run-1') {
    await ctx.store.startRun(runInput(runId));
    const csv = await ctx.store.registerArtifact({
      uri: 'gs://bucket/data.csv',
      typeTitle: 'system.Dataset',
    });
    const extract = await runTask(ctx.store, {
      runId,
      taskName: 'extract',
      inputParameters: { split: 0.8 },
      inputs: [{ key: 'source', artifactId: csv.id }],
      outputs: ['examples'],
    });
    const transform = await runTask(ctx.store, {
      runId,
      taskName: 'transform',
      inputs: [{ key: 'examples', artifactId: outputId(extract, 'examples') }],
      outputs: ['transformed', 'graph'],
    });
    const train = await runTask(ctx.store, {
      runId,
      taskName: 'train',
      cacheKey: 'key-train',
      inputParameters: { epochs: 3 },
      inputs: [
        { key: 'examples', artifactId: outputId(transform, 'transformed') },
        { key: 'graph', artifactId: outputId(transform, 'graph') },
      ],
      outputs: ['model'],
    });
    const evaluate = await runTask(ctx.store, {
      runId,
      taskName: 'evaluate',
      inputs: [
        { key: 'model', artifactId: outputId(train, 'model') },
        { key: 'examples', artifactId: outputId(extract, 'examples') },
      ],
      outputs: ['blessing'],
    });
    const push = await runTask(ctx.store, {
      runId,
      taskName: 'push',
      inputs: [
        { key: 'model', artifactId: outputId(train, 'model') },
        { key: 'blessing', artifactId: outputId(evaluate, 'blessing') },
      ],
      outputs: ['pushed'],
    });
    return { csv, extract, transform, train, evaluate, push };
  }

  it('walks upstream from a model to the source data', async () => {
    await pipeline();
    const lineage = await ctx.store.lineage('/art/run-1/train/model');
    expect(lineage.artifact.uri).toBe('/art/run-1/train/model');
    const extract: Up = {
      task: 'extract',
      inputs: [{ key: 'source', uri: 'gs://bucket/data.csv', producer: null, truncated: false }],
    };
    const transform: Up = {
      task: 'transform',
      inputs: [{ key: 'examples', uri: '/art/run-1/extract/examples', producer: extract, truncated: false }],
    };
    expect(up(lineage.producer)).toEqual({
      task: 'train',
      inputs: [
        { key: 'examples', uri: '/art/run-1/transform/transformed', producer: transform, truncated: false },
        { key: 'graph', uri: '/art/run-1/transform/graph', producer: transform, truncated: false },
      ],
    });
  });

  it('carries each execution with its run, component and parameters', async () => {
    await pipeline();
    const lineage = await ctx.store.lineage('/art/run-1/train/model');
    const train = lineage.producer?.execution as Execution;
    expect(train).toMatchObject({
      runId: 'run-1',
      pipelineName: 'ct',
      componentName: 'train',
      state: 'COMPLETE',
      inputParameters: { epochs: 3 },
    });
    const extract = lineage.producer?.inputs[0]?.producer?.inputs[0]?.producer?.execution;
    expect(extract?.inputParameters).toEqual({ split: 0.8 });
  });

  it('walks downstream from a dataset to everything built on it', async () => {
    await pipeline();
    const lineage = await ctx.store.lineage('/art/run-1/extract/examples');
    const push: Down = { task: 'push', outputs: [{ key: 'pushed', consumers: [], truncated: false }] };
    const evaluate: Down = {
      task: 'evaluate',
      outputs: [{ key: 'blessing', consumers: [push], truncated: false }],
    };
    const train: Down = {
      task: 'train',
      outputs: [{ key: 'model', consumers: [evaluate, push], truncated: false }],
    };
    expect(down(lineage.consumers)).toEqual([
      {
        task: 'transform',
        outputs: [
          { key: 'graph', consumers: [train], truncated: false },
          { key: 'transformed', consumers: [train], truncated: false },
        ],
      },
      evaluate,
    ]);
    expect(up(lineage.producer)?.task).toBe('extract');
  });

  it('stops at the requested depth and says where', async () => {
    await pipeline();
    const one = await ctx.store.lineage('/art/run-1/transform/transformed', { depth: 1 });
    expect(up(one.producer)).toEqual({
      task: 'transform',
      inputs: [{ key: 'examples', uri: '/art/run-1/extract/examples', producer: null, truncated: true }],
    });
    expect(down(one.consumers)).toEqual([
      { task: 'train', outputs: [{ key: 'model', consumers: [], truncated: true }] },
    ]);

    const zero = await ctx.store.lineage('/art/run-1/transform/transformed', { depth: 0 });
    expect(zero.producer).toBeNull();
    expect(zero.consumers).toEqual([]);
    expect(zero.truncated).toEqual({ upstream: true, downstream: true });
    expect((await ctx.store.lineage('/art/run-1/push/pushed', { depth: 0 })).truncated).toEqual({
      upstream: true,
      downstream: false,
    });
    await expect(ctx.store.lineage('/art/run-1/push/pushed', { depth: -1 })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
  });

  it('keeps the original producer when a later run reuses the artifact from cache', async () => {
    const first = await pipeline();
    await ctx.store.startRun(runInput('run-2'));
    const cached = await ctx.store.recordCachedExecution({
      runId: 'run-2',
      taskName: 'train',
      componentName: 'train',
      cacheKey: 'key-train',
      reusedFrom: first.train.id,
    });
    const evaluate2 = await runTask(ctx.store, {
      runId: 'run-2',
      taskName: 'evaluate',
      inputs: [{ key: 'model', artifactId: outputId(first.train, 'model') }],
      outputs: ['blessing'],
    });
    const lineage: Lineage = await ctx.store.lineage(outputId(first.train, 'model'));
    expect(lineage.producer?.execution.id).toBe(first.train.id);
    expect(lineage.reusedBy.map((e) => [e.id, e.runId, e.state])).toEqual([[cached.id, 'run-2', 'CACHED']]);
    expect(lineage.consumers.map((c) => [c.execution.taskName, c.execution.runId])).toEqual([
      ['evaluate', 'run-1'],
      ['push', 'run-1'],
      ['evaluate', 'run-2'],
    ]);
    expect(lineage.consumers[2]?.execution.id).toBe(evaluate2.id);
  });

  it('finds the root by id, digit string or uri, and reports an unknown one', async () => {
    const { train } = await pipeline();
    const id = outputId(train, 'model');
    expect((await ctx.store.lineage(id)).artifact.id).toBe(id);
    expect((await ctx.store.lineage(String(id))).artifact.id).toBe(id);
    await expect(ctx.store.lineage('/nowhere')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { found: '/nowhere' },
    });
    await expect(ctx.store.lineage(424242)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
