import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, openEngine } from './engine.js';
import { writeParquet } from './parquet-writer.js';
import { quoteLiteral } from './sql-quote.js';

describe('writeParquet', () => {
  let dir: string;
  let engine: Engine;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-pq-'));
    engine = await openEngine({ threads: 1 });
  });
  afterAll(async () => {
    await engine.close();
    await rm(dir, { recursive: true });
  });

  it('writes zstd row groups of the asked size into new directories and returns the row count', async () => {
    const file = path.join(dir, 'nested/Split-train/data_0.parquet');
    const rows = await writeParquet(
      engine,
      'SELECT range AS i, range % 7 AS "Body Mass (g)" FROM range(10000)',
      file,
      {
        rowGroupSize: 4096,
      },
    );
    expect(rows).toBe(10_000);
    const meta = await engine.query(
      `SELECT row_group_id, row_group_num_rows AS n, compression FROM parquet_metadata(${quoteLiteral(file)}) WHERE column_id = 1 ORDER BY 1`,
    );
    expect(meta).toEqual([
      { row_group_id: '0', n: '4096', compression: 'ZSTD' },
      { row_group_id: '1', n: '4096', compression: 'ZSTD' },
      { row_group_id: '2', n: '1808', compression: 'ZSTD' },
    ]);
    expect(await engine.describe(`SELECT * FROM ${quoteLiteral(file)}`)).toEqual([
      { name: 'i', type: 'BIGINT' },
      { name: 'Body Mass (g)', type: 'BIGINT' },
    ]);
  });

  it('writes a readable file with the schema when the query has no rows', async () => {
    const file = path.join(dir, 'empty.parquet');
    expect(await writeParquet(engine, "SELECT 1 AS a, 'x' AS b WHERE false", file)).toBe(0);
    expect(await engine.query(`SELECT count(*) AS n FROM ${quoteLiteral(file)}`)).toEqual([{ n: '0' }]);
  });
});
