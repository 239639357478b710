import { type MetadataStore, openMetadataStore } from '@ctpipe/metadata';
import { withoutGoogleCredentials } from '@ctpipe/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TriggerEventInput } from '../events.js';
import type { ListenerContext } from '../listener.js';
import { recordRun } from '../test-support/store-fixtures.js';
import type { PubSubMessageLike } from './interpret-message.js';
import { createPubSubTriggerSource, type SubscriptionLike } from './pubsub-source.js';

interface FakeMessage extends PubSubMessageLike {
  acked: number;
  nacked: number;
}

function message(id: string, body: string | undefined, attributes: Record<string, string> = {}): FakeMessage {
  const m: FakeMessage = {
    id,
    data: Buffer.from(body ?? ''),
    attributes,
    acked: 0,
    nacked: 0,
    ack: () => {
      m.acked++;
    },
    nack: () => {
      m.nacked++;
    },
  };
  return m;
}

const gcsNotification = (id: string, objectId: string, eventType = 'OBJECT_FINALIZE') =>
  message(id, '{"kind":"storage#object"}', {
    eventType,
    bucketId: 'bkt',
    objectId,
    payloadFormat: 'JSON_API_V1',
  });

let store: MetadataStore;
let events: TriggerEventInput[];
let woken: number;
let ctx: ListenerContext;
beforeEach(() => {
  store = openMetadataStore(':memory:');
  events = [];
  woken = 0;
  ctx = {
    store,
    pipelineName: 'ct',
    emit: (e: TriggerEventInput) => events.push(e),
    wake: () => {
      woken++;
    },
  };
});
afterEach(() => store.close());

const source = () =>
  createPubSubTriggerSource({ subscription: 'ct-triggers', inputPattern: 'gs://bkt/in/span-{SPAN}/*.csv' });

describe('Pub/Sub trigger messages', () => {
  it('queues a new span from a Cloud Storage notification, then acks', async () => {
    const m = gcsNotification('1', 'in/span-4/part-0.csv');
    await source().handleMessage(m, ctx);
    const [request] = await store.listRunRequests();
    expect(request).toMatchObject({
      trigger: 'new-data',
      reason: 'new span 4: gs://bkt/in/span-4/part-0.csv finalized (Cloud Storage notification)',
      parameters: { span: 4 },
      dedupeKey: 'span-4',
      state: 'PENDING',
    });
    expect([m.acked, m.nacked, woken]).toEqual([1, 0, 1]);
    expect(await store.getTriggerState('ct', 'new-data')).toEqual({ seen: {}, lastSpan: 4 });
  });

  it('does not rerun a span already seen (a second file of it, or one the store recorded)', async () => {
    await recordRun(store, { runId: 'r', outputs: [{ key: 'examples', uri: '/x', metadata: { span: 5 } }] });
    const old = gcsNotification('1', 'in/span-5/part-0.csv');
    await source().handleMessage(old, ctx);
    expect(await store.listRunRequests()).toEqual([]);
    expect(old.acked).toBe(1);
    expect(events).toEqual([
      { type: 'skipped', source: 'pubsub', reason: 'span 5 was already run or queued' },
    ]);
  });

  it('acks and ignores other storage events and objects outside the pattern', async () => {
    const deleted = gcsNotification('1', 'in/span-9/a.csv', 'OBJECT_DELETE');
    const elsewhere = gcsNotification('2', 'other/span-9/a.csv');
    await source().handleMessage(deleted, ctx);
    await source().handleMessage(elsewhere, ctx);
    expect(await store.listRunRequests()).toEqual([]);
    expect([deleted.acked, elsewhere.acked]).toEqual([1, 1]);
    expect(events.map((e) => (e.type === 'skipped' ? e.reason : e.type))).toEqual([
      'storage event OBJECT_DELETE',
      'gs://bkt/other/span-9/a.csv does not match the input pattern',
    ]);
  });

  it('queues a Cloud Scheduler / custom JSON message with its trigger, reason and parameters', async () => {
    const m = message(
      '7',
      JSON.stringify({ trigger: 'schedule', reason: 'nightly (Cloud Scheduler)', parameters: { epochs: 5 } }),
    );
    const ping = message('8', undefined);
    await source().handleMessage(m, ctx);
    await source().handleMessage(ping, ctx);
    expect((await store.listRunRequests()).map((r) => [r.trigger, r.reason, r.parameters])).toEqual([
      ['schedule', 'nightly (Cloud Scheduler)', { epochs: 5 }],
      ['pubsub', 'Pub/Sub message 8', {}],
    ]);
    expect([m.acked, ping.acked]).toEqual([1, 1]);
  });

  it('nacks malformed messages with a logged reason and never throws', async () => {
    const bad = [
      message('1', 'not json'),
      message('2', '[1,2]'),
      message('3', '{"parameters": "epochs=5"}'),
      message('4', '{"trigger": 3}'),
      message('5', '{"span": 3}'),
    ];
    for (const m of bad) await source().handleMessage(m, ctx);
    expect(bad.map((m) => [m.acked, m.nacked])).toEqual(bad.map(() => [0, 1]));
    expect(events.map((e) => (e.type === 'error' ? e.message : e.type))).toEqual([
      'message 1: body is not JSON: not json',
      'message 2: expected a JSON object body',
      'message 3: "parameters" must be an object of pipeline parameters',
      'message 4: "trigger" must be a non-empty string',
      'message 5: unknown field(s) span; expected trigger, reason, parameters',
    ]);
    expect(await store.listRunRequests()).toEqual([]);
  });

  it('nacks when the request cannot be queued', async () => {
    const m = message('1', '{}');
    await store.close();
    await source().handleMessage(m, ctx);
    expect([m.acked, m.nacked]).toEqual([0, 1]);
    expect(events.at(-1)).toMatchObject({ type: 'error', source: 'pubsub' });
    store = openMetadataStore(':memory:');
  });

  it('subscribes on start and handles what the subscription delivers', async () => {
    let deliver: ((m: PubSubMessageLike) => void) | undefined;
    let closed = false;
    const fake: SubscriptionLike = {
      onMessage: (l) => {
        deliver = l;
      },
      onError: () => {},
      close: async () => {
        closed = true;
      },
    };
    const listener = createPubSubTriggerSource({ subscription: 's', connect: async () => fake });
    await listener.start(ctx);
    const m = message('1', '{"reason":"by hand"}');
    deliver?.(m);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(m.acked).toBe(1);
    await listener.stop();
    expect(closed).toBe(true);
  });
});

describe('Pub/Sub without credentials', () => {
  withoutGoogleCredentials();

  it('fails to start with UNAVAILABLE and says how to fix it', async () => {
    const listener = createPubSubTriggerSource({ subscription: 'projects/p/subscriptions/ct-triggers' });
    await expect(listener.start(ctx)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(
        /^Pub\/Sub: no Google credentials found\. Run `gcloud auth application-default login`/,
      ),
      details: { path: 'projects/p/subscriptions/ct-triggers' },
    });
  });
});
