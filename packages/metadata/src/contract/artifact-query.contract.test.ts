import { expect, it } from 'vitest';
import { describeContract } from '../test-support/contract.js';
import { runInput, runTask } from '../test-support/fixtures.js';

describeContract('findArtifacts (resolver queries)', (ctx) => {
  async function twoRuns() {
    await ctx.store.startRun(runInput('r1'));
    await runTask(ctx.store, { runId: 'r1', taskName: 'validate', outputs: ['statistics', 'schema'] });
    await ctx.store.finishRun('r1', { state: 'SUCCEEDED' });
    await ctx.store.startRun(runInput('r2', { pipelineName: 'other' }));
    await runTask(ctx.store, { runId: 'r2', taskName: 'validate', outputs: ['statistics'] });
    await ctx.store.finishRun('r2', { state: 'SUCCEEDED' });
  }

  it('finds the newest artifact by output key, newest first, limited', async () => {
    await twoRuns();
    const [latest] = await ctx.store.findArtifacts({ outputKey: 'statistics', state: 'LIVE' });
    expect(latest?.uri).toBe('/art/r2/validate/statistics');
    const both = await ctx.store.findArtifacts({ outputKey: 'statistics', limit: 5 });
    expect(both.map((a) => a.uri)).toEqual(['/art/r2/validate/statistics', '/art/r1/validate/statistics']);
  });

  it('scopes by context (the pipeline or the run) and by type, state and uri', async () => {
    await twoRuns();
    const inCt = await ctx.store.findArtifacts({ outputKey: 'statistics', contextName: 'ct', limit: 5 });
    expect(inCt.map((a) => a.uri)).toEqual(['/art/r1/validate/statistics']);
    expect(await ctx.store.findArtifacts({ typeTitle: 'system.Model' })).toEqual([]);
    expect(await ctx.store.findArtifacts({ uri: '/art/r1/validate/schema' })).toHaveLength(1);
    const [stats] = await ctx.store.findArtifacts({ uri: '/art/r2/validate/statistics' });
    await ctx.store.setArtifactState(stats!.id, 'DELETED');
    const live = await ctx.store.findArtifacts({ outputKey: 'statistics', state: 'LIVE' });
    expect(live.map((a) => a.uri)).toEqual(['/art/r1/validate/statistics']);
  });

  it('matches metadata values (numbers, strings, booleans)', async () => {
    await ctx.store.startRun(runInput('r1'));
    const id = await ctx.store.startExecution({
      runId: 'r1',
      taskName: 'evaluate',
      componentName: 'evaluate',
      inputParameters: {},
      inputArtifacts: [],
      pid: 1,
    });
    await ctx.store.completeExecution(id, {
      outputParameters: {},
      outputArtifacts: [
        {
          key: 'blessing',
          uri: '/b/1',
          typeTitle: 'system.Artifact',
          metadata: { blessed: 1, model: 'm1', ok: true },
        },
        {
          key: 'blessing',
          index: 1,
          uri: '/b/2',
          typeTitle: 'system.Artifact',
          metadata: { blessed: 0, model: 'm2', ok: false },
        },
      ],
    });
    const blessed = await ctx.store.findArtifacts({
      outputKey: 'blessing',
      metadata: { blessed: 1 },
      limit: 5,
    });
    expect(blessed.map((a) => a.uri)).toEqual(['/b/1']);
    expect((await ctx.store.findArtifacts({ metadata: { model: 'm2' } })).map((a) => a.uri)).toEqual([
      '/b/2',
    ]);
    expect((await ctx.store.findArtifacts({ metadata: { ok: true, blessed: 1 } })).map((a) => a.uri)).toEqual(
      ['/b/1'],
    );
    expect(await ctx.store.findArtifacts({ metadata: { blessed: 2 } })).toEqual([]);
  });
});
