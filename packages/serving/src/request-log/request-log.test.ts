import { readdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileSource, openEngine } from '@ctpipe/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type PredictionServer } from '../create-server.js';
import {
  emptyModelBase,
  PENGUIN,
  postJson,
  publishVersion,
  recordingLogger,
  trainedPenguinVersion,
} from '../test-support/penguin-base.js';
import { RequestLog } from './request-log.js';

let model: Awaited<ReturnType<typeof trainedPenguinVersion>>;
let base: Awaited<ReturnType<typeof emptyModelBase>>;

beforeAll(async () => {
  model = await trainedPenguinVersion();
  base = await emptyModelBase();
  await publishVersion(model.dir, base.modelBase, 3);
});
afterAll(async () => {
  await base.cleanup();
  await model.cleanup();
});

const ISLANDS = ['Biscoe', 'Dream', 'Torgersen'];

describe('request logging', () => {
  let serving: PredictionServer;
  let address: AddressInfo;
  const dir = () => path.join(base.base, 'request-log');

  beforeAll(async () => {
    serving = createServer({
      modelBasePath: base.modelBase,
      modelName: 'penguin',
      pollIntervalMs: 0,
      logger: recordingLogger(),
      requestLog: { dir: dir(), sampleRate: 1, maxFileBytes: 2000, maxFileAgeMs: 60_000 },
      now: () => new Date('2025-01-01T00:00:00Z'),
    });
    address = await serving.listen(0);
    for (let i = 0; i < 30; i++) {
      const instances = [
        { ...PENGUIN, Island: ISLANDS[i % 3] },
        { ...PENGUIN, 'Body Mass (g)': null },
      ];
      expect((await postJson(address, '/v1/models/penguin:predict', { instances })).status).toBe(200);
    }
    await serving.close();
  });

  it('writes raw features only to requests-*.ndjson, rotated by size, that validate reads as serving data', async () => {
    const files = (await readdir(dir())).filter((f) => f.endsWith('.ndjson'));
    expect(files.length).toBeGreaterThan(1); // 60 lines × ~130 bytes over 2,000-byte files
    expect(files.every((f) => /^requests-20250101T000000Z-\d+-\d{4}\.ndjson$/.test(f))).toBe(true);
    expect((await readdir(dir())).filter((f) => f.startsWith('.'))).toEqual([]);
    const first = (await readFile(path.join(dir(), files[0]!), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(first[0]).toEqual({ ...PENGUIN, Island: 'Biscoe' });
    expect(first[1]).toEqual({ ...PENGUIN, 'Body Mass (g)': null });

    // The validate component's reader (serving_data): one table, the raw feature columns, every instance.
    const engine = await openEngine({ threads: 1 });
    try {
      const table = await fileSource(dir()).open(engine, 'serving_data');
      expect(table.columns.map((c) => c.name).sort()).toEqual(Object.keys(PENGUIN).sort());
      const [count] = await engine.query(
        `SELECT count(*)::INTEGER AS n, count("Body Mass (g)")::INTEGER AS mass FROM ${table.ref}`,
      );
      expect(count).toEqual({ n: 60, mass: 30 });
    } finally {
      await engine.close();
    }
  });

  it('writes the predictions line for line in predictions/, with time and version', async () => {
    const requests = (await readdir(dir())).filter((f) => f.endsWith('.ndjson')).sort();
    const predictions = (await readdir(path.join(dir(), 'predictions'))).sort();
    expect(predictions).toEqual(requests.map((f) => f.replace(/^requests-/, 'predictions-')));
    for (const [i, file] of requests.entries()) {
      const rawLines = (await readFile(path.join(dir(), file), 'utf8')).trim().split('\n');
      const predLines = (await readFile(path.join(dir(), 'predictions', predictions[i]!), 'utf8'))
        .trim()
        .split('\n');
      expect(predLines).toHaveLength(rawLines.length);
    }
    const line = JSON.parse(
      (await readFile(path.join(dir(), 'predictions', predictions[0]!), 'utf8')).split('\n')[0]!,
    );
    expect(line.__time__).toBe('2025-01-01T00:00:00.000Z');
    expect(line.__version__).toBe(3);
    expect(line.__prediction__.classes).toBe('Gentoo');
    expect(line.__prediction__.probabilities).toHaveLength(3);
  });
});

describe('RequestLog sampling', () => {
  it('logs each instance with probability sampleRate', async () => {
    const logDir = path.join(base.base, 'sampled');
    let draw = 0;
    const log = new RequestLog(
      { dir: logDir, sampleRate: 0.25, maxFileBytes: 1 << 20, maxFileAgeMs: 60_000 },
      {
        now: () => new Date('2025-01-01T00:00:00Z'),
        random: () => (draw++ % 4) / 4,
        logger: recordingLogger(),
      },
    );
    const rows = Array.from({ length: 8 }, (_, i) => ({ i }));
    log.record(rows, { values: rows.map((r) => r.i) }, 1);
    await log.close();
    const [file] = (await readdir(logDir)).filter((f) => f.endsWith('.ndjson'));
    const lines = (await readFile(path.join(logDir, file!), 'utf8')).trim().split('\n');
    expect(lines).toEqual(['{"i":0}', '{"i":4}']);
  });
});
