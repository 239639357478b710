import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type PredictionServer } from './create-server.js';
import {
  emptyModelBase,
  PENGUIN,
  postJson,
  publishVersion,
  type RawResponse,
  recordingLogger,
  send,
  trainedPenguinVersion,
} from './test-support/penguin-base.js';

let model: Awaited<ReturnType<typeof trainedPenguinVersion>>;
let base: Awaited<ReturnType<typeof emptyModelBase>>;
let serving: PredictionServer;
let address: AddressInfo;
const logger = recordingLogger();

beforeAll(async () => {
  model = await trainedPenguinVersion();
  base = await emptyModelBase();
  await publishVersion(model.dir, base.modelBase, 1);
  serving = createServer({
    modelBasePath: base.modelBase,
    modelName: 'penguin',
    pollIntervalMs: 0,
    logger,
    maxBodyBytes: 64 * 1024,
  });
  address = await serving.listen(0);
});

afterAll(async () => {
  await serving.close();
  await base.cleanup();
  await model.cleanup();
});

/** mulberry32: the corruptions are the same at every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stands for 5,000 nested arrays: JSON.parse takes them, JSON.stringify would overflow the stack. */
const DEEP = '<deep>';
const DEEP_JSON = `${'['.repeat(5000)}${']'.repeat(5000)}`;
const json = (value: unknown) => JSON.stringify(value).replaceAll(`"${DEEP}"`, DEEP_JSON);

const WEIRD_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  1e308,
  -1e-308,
  '',
  'Gentoo',
  '46.1',
  '\u0000\uffff\ud83d\ude00',
  'x'.repeat(10_000),
  [],
  [1, 2],
  {},
  { b64: '!!!' },
  { b64: 'R2VudG9v' },
  { nested: { deeper: [1] } },
  DEEP,
];
const WEIRD_KEYS = [
  '__proto__',
  'constructor',
  'toString',
  '',
  'Species',
  'beak length (mm)',
  '😀',
  'hasOwnProperty',
];

function corrupt(random: () => number): { method: string; target: string; body: string | Buffer } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const valid = json({ instances: [PENGUIN, PENGUIN] });
  const target = '/v1/models/penguin:predict';
  switch (Math.floor(random() * 12)) {
    case 0: {
      // byte flips
      const bytes = Buffer.from(valid);
      for (let k = 0; k < 1 + Math.floor(random() * 5); k++)
        bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      return { method: 'POST', target, body: bytes };
    }
    case 1:
      return { method: 'POST', target, body: valid.slice(0, Math.floor(random() * valid.length)) };
    case 2: {
      const at = Math.floor(random() * valid.length);
      return {
        method: 'POST',
        target,
        body: valid.slice(0, at) + pick(['{', ']', '"', ',', 'NaN', 'Infinity', '\\u']) + valid.slice(at),
      };
    }
    case 3: {
      const instance: Record<string, unknown> = { ...PENGUIN };
      instance[pick(Object.keys(PENGUIN))] = pick(WEIRD_VALUES);
      return { method: 'POST', target, body: json({ instances: [PENGUIN, instance] }) };
    }
    case 4: {
      const instance = { ...PENGUIN };
      Object.defineProperty(instance, pick(WEIRD_KEYS), { value: pick(WEIRD_VALUES), enumerable: true });
      return { method: 'POST', target, body: json({ instances: [instance] }) };
    }
    case 5: {
      const instance: Record<string, unknown> = { ...PENGUIN };
      delete instance[pick(Object.keys(PENGUIN))];
      instance[pick(Object.keys(PENGUIN))] = null;
      return { method: 'POST', target, body: json({ instances: [instance] }) };
    }
    case 6:
      return { method: 'POST', target, body: json({ instances: pick(WEIRD_VALUES) }) };
    case 7:
      return { method: 'POST', target, body: json({ inputs: pick(WEIRD_VALUES) }) };
    case 8: {
      const inputs: Record<string, unknown> = Object.fromEntries(
        Object.entries(PENGUIN).map(([k, v]) => [k, [v, v]]),
      );
      inputs[pick(Object.keys(PENGUIN))] = pick([[1], [], 'x', null, [PENGUIN, PENGUIN], [[1], [2]]]);
      return { method: 'POST', target, body: json({ inputs }) };
    }
    case 9:
      return {
        method: 'POST',
        target,
        body: json({
          instances: [PENGUIN],
          ...pick([
            { inputs: {} },
            { signature_name: pick(WEIRD_VALUES) },
            { parameters: pick(WEIRD_VALUES) },
          ]),
        }),
      };
    case 10:
      return {
        method: pick(['GET', 'PUT', 'DELETE', 'PATCH', 'POST']),
        target: pick([
          '/v1/models/penguin:predict',
          '/v1/models/penguin/versions/99999999999999999999:predict',
          '/v1/models/%zz:predict',
          '/v1/models/penguin/labels/%E0%A4%A:predict',
          '/v1/models//penguin',
          `/v1/models/${'a'.repeat(2000)}`,
          '/v1/models/penguin/metadata?x=1',
          '/',
        ]),
        body: valid,
      };
    default:
      return {
        method: 'POST',
        target,
        body: pick([`${'['.repeat(100_000)}`, '"\\ud800"', 'null', '[]', '1', '{"instances": [{}]}']),
      };
  }
}

describe('bad input never kills the server', () => {
  it('answers 1,000 randomly corrupted requests with 4xx (never 5xx), then a valid one', async () => {
    const random = seeded(20250101);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const { method, target, body } = corrupt(random);
      const res = await send(address, method, target, body, { 'content-type': 'application/json' }).catch(
        (err: Error) => {
          throw new Error(
            `request ${i} ${method} ${target.slice(0, 80)} ${String(body).slice(0, 200)}: ${err.message}`,
          );
        },
      );
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) throw new Error(`request ${i} got ${res.status}: ${res.body}`);
      if (res.status !== 200) expect(Object.keys(res.json() as object)).toEqual(['error']);
    }
    expect(statuses.get(400)).toBeGreaterThan(500);
    const ok = await postJson(address, '/v1/models/penguin:predict', { instances: [PENGUIN] });
    expect(ok.status).toBe(200);
    expect((ok.json() as { predictions: { classes: string }[] }).predictions[0]!.classes).toBe('Gentoo');
    expect(logger.lines.filter((l) => l.message === 'request failed')).toEqual([]);
  });

  it('survives clients that go away mid-body or send garbage instead of HTTP', async () => {
    for (const payload of [
      'POST /v1/models/penguin:predict HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{"instances": [',
      'GARBAGE\r\n\r\n',
      'POST /v1/models/penguin:predict HTTP/1.1\r\nContent-Length: abc\r\n\r\n',
    ]) {
      await new Promise<void>((resolve) => {
        const socket = connect(address.port, address.address, () => {
          socket.write(payload);
          setImmediate(() => socket.destroy());
        });
        socket.on('close', () => resolve());
        socket.on('error', () => resolve());
      });
    }
    expect((await postJson(address, '/v1/models/penguin:predict', { instances: [PENGUIN] })).status).toBe(
      200,
    );
  });

  it('refuses a chunked body as soon as it passes the limit (413), without buffering the rest', async () => {
    const res = await new Promise<RawResponse>((resolve, reject) => {
      const req = request(
        {
          host: address.address,
          port: address.port,
          method: 'POST',
          path: '/v1/models/penguin:predict',
          agent: false,
        },
        (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            resolve({ status: r.statusCode ?? 0, headers: r.headers, body, json: () => JSON.parse(body) });
          });
        },
      );
      req.on('error', reject);
      const chunk = 'x'.repeat(16 * 1024);
      for (let i = 0; i < 8; i++) req.write(chunk); // 128 KiB, no Content-Length
      req.end();
    });
    expect(res.status).toBe(413);
    expect((res.json() as { error: string }).error).toMatch(/exceeds the limit of 65536 bytes/);
    expect((await postJson(address, '/v1/models/penguin:predict', { instances: [PENGUIN] })).status).toBe(
      200,
    );
  });
});
