import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openEngine, quoteLiteral, writeParquet } from '@ctpipe/data';
import { testContext } from '@ctpipe/testing/core-context';
import { penguinsJsonPath } from '@ctpipe/testing/penguins';
import { Float64, Int64, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractInputs } from '../test/context.js';
import { extract } from './core.js';

/**
 * The same penguins in every supported format: the whole-row hash is computed on typed values, so every
 * format must produce the same split, row for row.
 */
describe('extract reads every source format to the same split', () => {
  const files: Record<string, string> = {};
  let dir: string;
  afterAll(() => rm(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-extract-formats-'));
    files.json = penguinsJsonPath();
    files.csv = path.join(dir, 'penguins.csv');
    files.ndjson = path.join(dir, 'penguins.ndjson');
    files.parquet = path.join(dir, 'penguins.parquet');
    files.arrow = path.join(dir, 'penguins.arrow');
    const engine = await openEngine({ threads: 1 });
    try {
      const src = `SELECT * FROM read_json(${quoteLiteral(files.json)}, format = 'array')`;
      await engine.run(`COPY (${src}) TO ${quoteLiteral(files.csv)} (HEADER)`);
      await engine.run(`COPY (${src}) TO ${quoteLiteral(files.ndjson)} (FORMAT json)`);
      await writeParquet(engine, src, files.parquet);
    } finally {
      await engine.close();
    }
    // Arrow with the types the other readers infer (BIGINT for the integral columns, not Float64).
    const rows = JSON.parse(await readFile(files.json, 'utf8')) as Record<string, string | number | null>[];
    const column = (name: string) => rows.map((r) => r[name] ?? null);
    const ints = (name: string) => column(name).map((v) => (v === null ? null : BigInt(v)));
    const arrow = new Table({
      Species: vectorFromArray(column('Species'), new Utf8()),
      Island: vectorFromArray(column('Island'), new Utf8()),
      'Beak Length (mm)': vectorFromArray(column('Beak Length (mm)'), new Float64()),
      'Beak Depth (mm)': vectorFromArray(column('Beak Depth (mm)'), new Float64()),
      'Flipper Length (mm)': vectorFromArray(ints('Flipper Length (mm)'), new Int64()),
      'Body Mass (g)': vectorFromArray(ints('Body Mass (g)'), new Int64()),
      Sex: vectorFromArray(column('Sex'), new Utf8()),
    });
    await writeFile(files.arrow, tableToIPC(arrow, 'file'));
  });

  it('csv, json, ndjson, parquet and arrow give the same row counts and split membership', async () => {
    const results: Record<string, { counts: unknown; train: string }> = {};
    for (const [format, file] of Object.entries(files)) {
      const inputs = await extractInputs({ input_pattern: file });
      const result = await extract(inputs, testContext());
      expect(result.metadata.examples?.format).toBe(format);
      expect(result.parameters.row_count).toBe(344);
      results[format] = {
        counts: result.metadata.examples?.row_counts,
        train: await membership(path.join(inputs.outputs.examples.path, 'Split-train', 'data_0.parquet')),
      };
    }
    for (const format of ['csv', 'ndjson', 'parquet', 'arrow']) {
      expect(results[format], format).toEqual(results.json);
    }
  });
});

/** A digest of which rows a split holds, independent of file encoding. */
async function membership(file: string): Promise<string> {
  const engine = await openEngine({ threads: 1 });
  try {
    const [row] = await engine.query(
      `SELECT md5(string_agg(CAST(p AS VARCHAR), '|' ORDER BY CAST(p AS VARCHAR))) AS d FROM ${quoteLiteral(file)} p`,
    );
    return String(row?.d);
  } finally {
    await engine.close();
  }
}
