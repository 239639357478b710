import { expect, it } from 'vitest';
import type { ArtifactState } from '../states.js';
import { describeContract } from '../test-support/contract.js';
import { runInput, runTask } from '../test-support/fixtures.js';

describeContract('artifacts', (ctx) => {
  it('registers an external artifact as REFERENCE by default', async () => {
    const csv = await ctx.store.registerArtifact({
      uri: 'gs://b/data.csv',
      typeTitle: 'system.Dataset',
      metadata: { span: 3 },
    });
    expect(csv).toEqual({
      id: csv.id,
      uri: 'gs://b/data.csv',
      typeTitle: 'system.Dataset',
      state: 'REFERENCE',
      metadata: { span: 3 },
      createdAt: new Date(ctx.clock.now()),
      updatedAt: new Date(ctx.clock.now()),
    });
    expect(
      (await ctx.store.registerArtifact({ uri: '/own', typeTitle: 'system.Dataset', state: 'LIVE' })).state,
    ).toBe('LIVE');
  });

  it('keeps one identity per uri, type, state and metadata', async () => {
    const first = await ctx.store.registerArtifact({
      uri: '/d.csv',
      typeTitle: 'system.Dataset',
      metadata: { a: 1, b: { c: [1, 2] } },
    });
    const again = await ctx.store.registerArtifact({
      uri: '/d.csv',
      typeTitle: 'system.Dataset',
      metadata: { b: { c: [1, 2] }, a: 1 },
    });
    expect(again.id).toBe(first.id);
    const changed = await ctx.store.registerArtifact({
      uri: '/d.csv',
      typeTitle: 'system.Dataset',
      metadata: { a: 2 },
    });
    const otherType = await ctx.store.registerArtifact({
      uri: '/d.csv',
      typeTitle: 'system.Artifact',
      metadata: { a: 1, b: { c: [1, 2] } },
    });
    expect(new Set([first.id, changed.id, otherType.id]).size).toBe(3);
  });

  it('gets an artifact by id, digit string or uri (the newest with that uri)', async () => {
    const old = await ctx.store.registerArtifact({
      uri: '/d.csv',
      typeTitle: 'system.Dataset',
      metadata: { v: 1 },
    });
    const newer = await ctx.store.registerArtifact({
      uri: '/d.csv',
      typeTitle: 'system.Dataset',
      metadata: { v: 2 },
    });
    expect((await ctx.store.getArtifact(old.id))?.metadata).toEqual({ v: 1 });
    expect((await ctx.store.getArtifact(String(old.id)))?.id).toBe(old.id);
    expect((await ctx.store.getArtifact('/d.csv'))?.id).toBe(newer.id);
    expect(await ctx.store.getArtifact('/missing')).toBeNull();
    expect(await ctx.store.getArtifact(777)).toBeNull();
  });

  it('round-trips metadata values of every JSON kind', async () => {
    const metadata = {
      count: 42,
      big: 2 ** 40,
      ratio: 0.125,
      negative: -7,
      name: 'x',
      empty: '',
      flag: false,
      none: null,
      list: [1, 'a', null, { deep: true }],
      object: { k: { j: [] } },
    };
    const artifact = await ctx.store.registerArtifact({ uri: '/m', typeTitle: 'system.Metrics', metadata });
    expect((await ctx.store.getArtifact(artifact.id))?.metadata).toEqual(metadata);
  });

  it('changes an artifact state and its update time', async () => {
    await ctx.store.startRun(runInput('run-1'));
    const extract = await runTask(ctx.store, { runId: 'run-1', taskName: 'extract', outputs: ['examples'] });
    const id = extract.outputs[0]?.artifactId ?? -1;
    ctx.clock.advance(500);
    const deleted = await ctx.store.setArtifactState(id, 'MARKED_FOR_DELETION');
    expect(deleted.state).toBe('MARKED_FOR_DELETION');
    expect(deleted.updatedAt).toEqual(new Date(ctx.clock.now()));
    expect(deleted.createdAt).toEqual(new Date(ctx.clock.now() - 500));
    await expect(ctx.store.setArtifactState(999, 'DELETED')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(ctx.store.setArtifactState(id, 'GONE' as ArtifactState)).rejects.toMatchObject({
      code: 'BAD_INPUT',
      details: { found: 'GONE' },
    });
  });

  it('rejects an artifact without a uri', async () => {
    await expect(ctx.store.registerArtifact({ uri: '', typeTitle: 'system.Dataset' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
  });
});
