import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Engine, openEngine, quoteLiteral } from '@ctpipe/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTransformedSplit } from './read-examples.js';

let dir: string;
let engine: Engine;

async function writeSplit(split: string, files: Record<string, string>): Promise<void> {
  await mkdir(path.join(dir, `Split-${split}`), { recursive: true });
  for (const [name, select] of Object.entries(files)) {
    await engine.run(
      `COPY (${select}) TO ${quoteLiteral(path.join(dir, `Split-${split}`, name))} (FORMAT parquet)`,
    );
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-train-read-'));
  engine = await openEngine({ threads: 2 });
  await writeSplit('train', {
    'data_0.parquet': `SELECT i::FLOAT AS a, (i * 10)::FLOAT AS b, (i % 2)::INTEGER AS city, (i % 3)::BIGINT AS label
      FROM range(3) t(i)`,
    'data_1.parquet': `SELECT 7::FLOAT AS a, 70::FLOAT AS b, 1::INTEGER AS city, 2::BIGINT AS label`,
  });
  await writeSplit('holes', {
    'data_0.parquet': `SELECT * FROM (VALUES (1.0::FLOAT, 0), (NULL, 1)) t(a, label)`,
  });
});

afterAll(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

describe('readTransformedSplit', () => {
  it('reads dense columns row-major, index ids and labels, files in name order', async () => {
    const data = await readTransformedSplit(engine, dir, 'train', ['a', 'b'], ['city']);
    expect(data.n).toBe(4);
    expect(Array.from(data.features)).toEqual([0, 0, 1, 10, 2, 20, 7, 70]);
    expect(Array.from(data.indices?.city ?? [])).toEqual([0, 1, 0, 1]);
    expect(Array.from(data.labels)).toEqual([0, 1, 2, 2]);
  });

  it('names a column the graph expects but the data lack', async () => {
    await expect(readTransformedSplit(engine, dir, 'train', ['a', 'c'], [])).rejects.toMatchObject({
      code: 'BAD_INPUT',
      details: { column: 'c', expected: 'c' },
    });
  });

  it('names the row of a missing value', async () => {
    await expect(readTransformedSplit(engine, dir, 'holes', ['a'], [])).rejects.toMatchObject({
      code: 'BAD_INPUT',
      details: { column: 'a', row: 1, found: 'null' },
    });
  });

  it('reports a missing split as NOT_FOUND', async () => {
    await expect(readTransformedSplit(engine, dir, 'eval', ['a'], [])).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { expected: 'Split-eval/*.parquet' },
    });
  });
});
