import { expect, it } from 'vitest';
import type { EnqueueRunRequestInput } from '../inputs.js';
import { describeContract } from '../test-support/contract.js';

const request = (overrides: Partial<EnqueueRunRequestInput> = {}): EnqueueRunRequestInput => ({
  pipelineName: 'ct',
  trigger: 'new-data',
  reason: 'new span 3',
  parameters: { span: 3 },
  ...overrides,
});

describeContract('run queue', (ctx) => {
  it('queues a PENDING request with its trigger, reason and parameters', async () => {
    const { request: queued, created } = await ctx.store.enqueueRunRequest(request({ dedupeKey: 'span-3' }));
    expect(created).toBe(true);
    expect(queued).toEqual({
      id: queued.id,
      pipelineName: 'ct',
      trigger: 'new-data',
      reason: 'new span 3',
      parameters: { span: 3 },
      dedupeKey: 'span-3',
      state: 'PENDING',
      runId: null,
      claimedBy: null,
      error: null,
      attempts: 0,
      createdAt: new Date(ctx.clock.now()),
      updatedAt: new Date(ctx.clock.now()),
    });
    expect(await ctx.store.getRunRequest(queued.id)).toEqual(queued);
    expect(await ctx.store.getRunRequest(queued.id + 100)).toBeNull();
  });

  it('does not duplicate a pending request with the same pipeline and dedupe key', async () => {
    const first = await ctx.store.enqueueRunRequest(request({ dedupeKey: 'span-3' }));
    const again = await ctx.store.enqueueRunRequest(request({ dedupeKey: 'span-3', reason: 'again' }));
    const otherPipeline = await ctx.store.enqueueRunRequest(
      request({ dedupeKey: 'span-3', pipelineName: 'x' }),
    );
    const noKey = await ctx.store.enqueueRunRequest(request());
    expect(again).toEqual({ request: first.request, created: false });
    expect(otherPipeline.created).toBe(true);
    expect(noKey.created).toBe(true);
    expect((await ctx.store.listRunRequests()).map((r) => r.id)).toEqual([
      first.request.id,
      otherPipeline.request.id,
      noKey.request.id,
    ]);
  });

  it('accepts the same dedupe key again once the earlier request has left PENDING', async () => {
    const first = await ctx.store.enqueueRunRequest(request({ dedupeKey: 'span-3' }));
    await ctx.store.claimNextRunRequest(7);
    const second = await ctx.store.enqueueRunRequest(request({ dedupeKey: 'span-3' }));
    expect(second.created).toBe(true);
    expect(second.request.id).not.toBe(first.request.id);
  });

  it('claims the oldest pending request once, by pipeline or skipping pipelines', async () => {
    const a1 = (await ctx.store.enqueueRunRequest(request({ reason: 'a1' }))).request;
    const b1 = (await ctx.store.enqueueRunRequest(request({ reason: 'b1', pipelineName: 'other' }))).request;
    const a2 = (await ctx.store.enqueueRunRequest(request({ reason: 'a2' }))).request;
    ctx.clock.advance(500);
    const claimed = await ctx.store.claimNextRunRequest(11, { skipPipelines: ['ct'] });
    expect(claimed).toMatchObject({ id: b1.id, state: 'CLAIMED', claimedBy: 11 });
    expect(claimed?.updatedAt).toEqual(new Date(ctx.clock.now()));
    expect((await ctx.store.claimNextRunRequest(11, { pipelineName: 'ct' }))?.id).toBe(a1.id);
    expect((await ctx.store.claimNextRunRequest(12))?.id).toBe(a2.id);
    expect(await ctx.store.claimNextRunRequest(12)).toBeNull();
    expect(await ctx.store.listRunRequests({ states: ['PENDING'] })).toEqual([]);
  });

  it('moves a request through started and done, or failed, and refuses a wrong step', async () => {
    const ok = (await ctx.store.enqueueRunRequest(request())).request;
    const bad = (await ctx.store.enqueueRunRequest(request())).request;
    await expect(ctx.store.markRunRequestStarted(ok.id, 'run-1')).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { expected: 'CLAIMED', found: 'PENDING' },
    });
    await ctx.store.claimNextRunRequest(1);
    await ctx.store.claimNextRunRequest(1);
    expect(await ctx.store.markRunRequestStarted(ok.id, 'run-1')).toMatchObject({
      state: 'STARTED',
      runId: 'run-1',
    });
    expect(await ctx.store.markRunRequestDone(ok.id)).toMatchObject({ state: 'DONE', runId: 'run-1' });
    expect(await ctx.store.markRunRequestFailed(bad.id, 'compile failed')).toMatchObject({
      state: 'FAILED',
      error: 'compile failed',
    });
    await expect(ctx.store.markRunRequestDone(ok.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(ctx.store.markRunRequestDone(999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await ctx.store.listRunRequests({ states: ['DONE', 'FAILED'] })).map((r) => r.state)).toEqual([
      'DONE',
      'FAILED',
    ]);
  });

  it('gives a claim back, or retires it when an equal request was queued meanwhile', async () => {
    const first = (await ctx.store.enqueueRunRequest(request({ dedupeKey: 'span-3' }))).request;
    await ctx.store.claimNextRunRequest(1);
    expect(await ctx.store.unclaimRunRequest(first.id)).toMatchObject({ state: 'PENDING', claimedBy: null });
    await ctx.store.claimNextRunRequest(1);
    const twin = (await ctx.store.enqueueRunRequest(request({ dedupeKey: 'span-3' }))).request;
    expect(await ctx.store.unclaimRunRequest(first.id)).toMatchObject({
      state: 'DONE',
      error: `superseded by pending request ${twin.id}`,
    });
  });

  it('recovers the requests of a dead worker: claimed and started ones are pending again (the span is not lost)', async () => {
    const claimed = (await ctx.store.enqueueRunRequest(request({ reason: 'claimed' }))).request;
    const started = (await ctx.store.enqueueRunRequest(request({ reason: 'started' }))).request;
    const alive = (await ctx.store.enqueueRunRequest(request({ reason: 'alive' }))).request;
    await ctx.store.claimNextRunRequest(100);
    await ctx.store.claimNextRunRequest(100);
    await ctx.store.claimNextRunRequest(200);
    await ctx.store.markRunRequestStarted(started.id, 'run-9');
    const recovered = await ctx.store.recoverRunRequests((pid) => pid === 200);
    expect(recovered.map((r) => [r.id, r.state, r.error, r.attempts])).toEqual([
      [claimed.id, 'PENDING', null, 0],
      [started.id, 'PENDING', 'run run-9 abandoned (trigger worker died): retrying', 1],
    ]);
    expect((await ctx.store.getRunRequest(alive.id))?.state).toBe('CLAIMED');
  });

  it('fails a request whose runs were abandoned three times, instead of retrying it forever', async () => {
    const { request: r } = await ctx.store.enqueueRunRequest(request({ reason: 'crashes' }));
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await ctx.store.claimNextRunRequest(100))?.id).toBe(r.id);
      await ctx.store.markRunRequestStarted(r.id, `run-${attempt}`);
      const [recovered] = await ctx.store.recoverRunRequests(() => false);
      expect(recovered?.state).toBe(attempt < 3 ? 'PENDING' : 'FAILED');
    }
    expect(await ctx.store.getRunRequest(r.id)).toMatchObject({
      state: 'FAILED',
      attempts: 3,
      error: 'abandoned: trigger worker died during each of 3 runs',
    });
  });

  it('refuses an unknown state in a query', async () => {
    const bogus = ['WAITING'] as unknown as ['PENDING'];
    await expect(ctx.store.listRunRequests({ states: bogus })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});
