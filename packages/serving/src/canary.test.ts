import { readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type PredictionServer } from './create-server.js';
import type { ServerOptions } from './server-options.js';
import {
  emptyModelBase,
  PENGUIN,
  postJson,
  publishVersion,
  recordingLogger,
  send,
  trainedPenguinVersion,
  writeRegistry,
} from './test-support/penguin-base.js';

let model: Awaited<ReturnType<typeof trainedPenguinVersion>>;
let base: Awaited<ReturnType<typeof emptyModelBase>>;
let serving: PredictionServer | undefined;

beforeAll(async () => {
  model = await trainedPenguinVersion();
});
afterAll(() => model.cleanup());
afterEach(async () => {
  await serving?.close();
  serving = undefined;
  await base.cleanup();
});

/** stable = 1, canary = 2 at `percent` %; `prepare` runs before the server starts. */
async function start(percent: number, options: Partial<ServerOptions> = {}, prepare?: () => Promise<void>) {
  base = await emptyModelBase();
  await publishVersion(model.dir, base.modelBase, 1);
  await publishVersion(model.dir, base.modelBase, 2);
  await writeRegistry(base.modelBase, { stable: 1, canary: 2 }, percent);
  await prepare?.();
  const logger = recordingLogger();
  serving = createServer({
    modelBasePath: base.modelBase,
    modelName: 'penguin',
    pollIntervalMs: 0,
    logger,
    ...options,
  });
  const address = await serving.listen(0);
  return { serving, address, logger };
}

const predict = (address: AddressInfo, key?: string, target = '/v1/models/penguin:predict') =>
  postJson(address, target, { instances: [PENGUIN] }, key === undefined ? {} : { 'x-request-key': key });

function requestsOf(s: PredictionServer): Record<string, number> {
  return Object.fromEntries(s.stats().versions.map((v) => [v.version, v.requests]));
}

describe('canary traffic split', () => {
  it('sends ~10 % of 1,000 keyed requests to the canary, the rest to stable', async () => {
    const { serving: s, address } = await start(10);
    for (let i = 0; i < 1000; i++) expect((await predict(address, `user-${i}`)).status).toBe(200);
    const counts = requestsOf(s);
    expect(counts['1']! + counts['2']!).toBe(1000);
    // Binomial(1000, 0.1): sd ≈ 9.5; ±4 sd.
    expect(counts['2']).toBeGreaterThan(62);
    expect(counts['2']).toBeLessThan(138);
  });

  it('is sticky: a key always lands on the same version', async () => {
    const { serving: s, address } = await start(50);
    const first = new Map<string, Record<string, number>>();
    for (const key of ['alice', 'bob', 'carol', 'dave', 'erin', 'frank']) {
      const before = requestsOf(s);
      for (let i = 0; i < 5; i++) await predict(address, key);
      const after = requestsOf(s);
      const delta = Object.fromEntries(Object.keys(after).map((v) => [v, after[v]! - (before[v] ?? 0)]));
      first.set(key, delta);
      expect(Object.values(delta).sort()).toEqual([0, 5]);
    }
    // The key can also come as Vertex-style parameters.request_key: same side as the header.
    const before = requestsOf(s);
    await postJson(address, '/v1/models/penguin:predict', {
      instances: [PENGUIN],
      parameters: { request_key: 'alice' },
    });
    const after = requestsOf(s);
    const side = Object.keys(after).find((v) => after[v]! > (before[v] ?? 0));
    expect(first.get('alice')![side!]).toBe(5);
  });

  it('explicit /versions/{v} and /labels/{l} bypass the split', async () => {
    const { serving: s, address } = await start(100);
    for (let i = 0; i < 10; i++) {
      expect((await predict(address, `k${i}`, '/v1/models/penguin/labels/stable:predict')).status).toBe(200);
      expect((await predict(address, `k${i}`, '/v1/models/penguin/versions/1:predict')).status).toBe(200);
    }
    expect(requestsOf(s)).toEqual({ '2': 0, '1': 20 });
    await predict(address, 'x');
    expect(requestsOf(s)).toEqual({ '2': 1, '1': 20 });
    const label = (await send(address, 'GET', '/v1/models/penguin/labels/canary')).json();
    expect(label).toEqual({
      model_version_status: [
        { version: '2', state: 'AVAILABLE', status: { error_code: 'OK', error_message: '' } },
      ],
    });
  });

  it('exposes per-version counters and the labels at /v1/models/{m}/stats', async () => {
    const { address } = await start(0);
    await predict(address);
    await postJson(address, '/v1/models/penguin/versions/2:predict', {
      instances: [{ ...PENGUIN, Island: 7 }],
    });
    const stats = (await send(address, 'GET', '/v1/models/penguin/stats')).json() as {
      labels: unknown;
      canary_traffic_percent: number;
      versions: {
        version: string;
        labels: string[];
        requests: number;
        errors: number;
        rows: number;
        latency_ms: { p50: number };
      }[];
    };
    expect(stats.labels).toEqual({ stable: 1, canary: 2 });
    expect(stats.canary_traffic_percent).toBe(0);
    const [v2, v1] = stats.versions;
    expect([v2!.version, v2!.labels, v2!.requests, v2!.errors, v2!.rows]).toEqual(['2', ['canary'], 1, 1, 0]);
    expect([v1!.version, v1!.labels, v1!.requests, v1!.errors, v1!.rows]).toEqual(['1', ['stable'], 1, 0, 1]);
    expect(v1!.latency_ms.p50).toBeGreaterThan(0);
  });
});

describe('automatic rollback', () => {
  /** Version 2 no longer takes `Sex`: every request that sends it is refused by the canary only. */
  async function breakCanary() {
    const file = path.join(base.modelBase, '2', 'signature.json');
    const signature = JSON.parse(await readFile(file, 'utf8'));
    delete signature.inputs.Sex;
    await writeFile(file, JSON.stringify(signature));
  }

  it('rolls the canary back once its error rate passes the bound, in registry.json too', async () => {
    const {
      serving: s,
      address: a,
      logger,
    } = await start(50, { rollback: { maxErrorRate: 0.05, minRequests: 20 } }, breakCanary);
    const statuses: number[] = [];
    for (let i = 0; i < 120; i++) statuses.push((await predict(a, `user-${i}`)).status);
    const stats = s.stats();
    const canary = stats.versions.find((v) => v.version === '2')!;
    // The canary failed exactly its first 20 requests, then got no more traffic.
    expect(canary.requests).toBe(20);
    expect(canary.errors).toBe(20);
    expect(statuses.filter((x) => x === 400)).toHaveLength(20);
    expect(stats.rollbacks).toHaveLength(1);
    expect(stats.rollbacks[0]).toMatchObject({
      version: 2,
      requests: 20,
      errors: 20,
      errorRate: 1,
      stableErrorRate: 0,
    });
    expect(logger.lines.some((l) => l.message === 'automatic rollback')).toBe(true);

    await s.refresh();
    const registry = JSON.parse(await readFile(path.join(base.modelBase, 'registry.json'), 'utf8'));
    expect(registry.labels).toEqual({ stable: 1 });
    expect(registry.canaryTrafficPercent).toBe(0);
    // Fields the server does not own are kept.
    expect(registry.versions.map((v: { runId: string }) => v.runId)).toEqual(['run-1', 'run-2']);
    expect(s.stats().labels).toEqual({ stable: 1 });
    expect((await send(a, 'GET', '/v1/models/penguin/labels/canary')).status).toBe(400);
  });

  it('does not roll back for errors the stable version makes as often (bad clients)', async () => {
    const { serving: s, address } = await start(50, { rollback: { maxErrorRate: 0.05, minRequests: 20 } });
    // Every client sends one bad request, then a good one: both sides see 50 % errors.
    for (let i = 0; i < 100; i++) {
      for (const instance of [{ ...PENGUIN, Island: 1 }, PENGUIN]) {
        await postJson(
          address,
          '/v1/models/penguin:predict',
          { instances: [instance] },
          { 'x-request-key': `u${i}` },
        );
      }
    }
    const canary = s.stats().versions.find((v) => v.version === '2')!;
    expect(canary.error_rate).toBeGreaterThan(0.05);
    expect(s.stats().rollbacks).toEqual([]);
  });

  it('can be turned off', async () => {
    const { serving: s, address: a } = await start(50, { rollback: false }, breakCanary);
    for (let i = 0; i < 60; i++) await predict(a, `user-${i}`);
    expect(s.stats().rollbacks).toEqual([]);
    expect(s.stats().labels).toEqual({ stable: 1, canary: 2 });
  });
});
