import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { openEngine, quoteLiteral } from '@ctpipe/data';
import { testContext } from '@ctpipe/testing/core-context';
import { penguinsJsonPath } from '@ctpipe/testing/penguins';
import { describe, expect, it } from 'vitest';
import { extractInputs } from '../test/context.js';
import { extract } from './core.js';

const PENGUIN_COLUMNS = [
  { name: 'Species', type: 'VARCHAR' },
  { name: 'Island', type: 'VARCHAR' },
  { name: 'Beak Length (mm)', type: 'DOUBLE' },
  { name: 'Beak Depth (mm)', type: 'DOUBLE' },
  { name: 'Flipper Length (mm)', type: 'BIGINT' },
  { name: 'Body Mass (g)', type: 'BIGINT' },
  { name: 'Sex', type: 'VARCHAR' },
];

async function splitStats(dir: string, split: string) {
  const engine = await openEngine({ threads: 1 });
  try {
    const file = quoteLiteral(path.join(dir, `Split-${split}`, 'data_0.parquet'));
    const [stats] = await engine.query(
      `SELECT count(*) AS n, count(*) FILTER (WHERE "Sex" IS NULL) AS null_sex, sum("Body Mass (g)") AS mass FROM ${file}`,
    );
    return { stats, columns: await engine.describe(`SELECT * FROM ${file}`) };
  } finally {
    await engine.close();
  }
}

describe('extract on penguins', () => {
  it('keeps the 344 rows, exact column names and NULLs, splits ~2:1, and reports it', async () => {
    const inputs = await extractInputs({ input_pattern: penguinsJsonPath() });
    const ctx = testContext();
    const result = await extract(inputs, ctx);

    const counts = result.metadata.examples?.row_counts as { train: number; eval: number };
    expect(counts.train + counts.eval).toBe(344);
    expect(counts.train / 344).toBeGreaterThan(0.58);
    expect(counts.train / 344).toBeLessThan(0.75);
    expect(result.parameters).toEqual({ span: 0, row_count: 344 });
    expect(result.metadata.examples).toMatchObject({
      span: 0,
      split_names: '["train","eval"]',
      columns: PENGUIN_COLUMNS,
      source: penguinsJsonPath(),
      format: 'json',
      file_format: 'parquet',
    });
    expect(result.metadata.examples?.input_fingerprint).toMatch(
      /^split:single_split,num_files:1,total_bytes:\d+,/,
    );

    const dir = inputs.outputs.examples.path;
    const train = await splitStats(dir, 'train');
    const evalSplit = await splitStats(dir, 'eval');
    expect(train.columns).toEqual(PENGUIN_COLUMNS);
    expect(evalSplit.columns).toEqual(PENGUIN_COLUMNS);
    expect(Number(train.stats?.n)).toBe(counts.train);
    expect(Number(evalSplit.stats?.n)).toBe(counts.eval);
    // Counted from the JSON itself: 10 rows have Sex null; the Body Mass values sum to 1,437,000.
    expect(Number(train.stats?.null_sex) + Number(evalSplit.stats?.null_sex)).toBe(10);
    expect(Number(train.stats?.mass) + Number(evalSplit.stats?.mass)).toBe(1_437_000);

    expect(ctx.logs.filter((l) => l.level === 'progress' && l.message === 'write').at(-1)?.fields).toEqual({
      done: 344,
      total: 344,
      unit: 'rows',
    });
  });

  it('writes identical split files on a second run, and leaves no temporary files', async () => {
    const first = await extractInputs({ input_pattern: penguinsJsonPath() });
    const second = await extractInputs({ input_pattern: penguinsJsonPath() });
    await extract(first, testContext());
    await extract(second, testContext());
    for (const split of ['train', 'eval']) {
      const file = (dir: string) => readFile(path.join(dir, `Split-${split}`, 'data_0.parquet'));
      expect((await file(first.outputs.examples.path)).equals(await file(second.outputs.examples.path))).toBe(
        true,
      );
    }
    expect((await readdir(first.outputs.examples.path)).sort()).toEqual(['Split-eval', 'Split-train']);
  });

  it('honours more than two splits and their bucket ratios', async () => {
    const inputs = await extractInputs({
      input_pattern: penguinsJsonPath(),
      split_ratios: { train: 8, eval: 1, test: 1 },
    });
    const result = await extract(inputs, testContext());
    const counts = result.metadata.examples?.row_counts as Record<string, number>;
    expect(Object.keys(counts)).toEqual(['train', 'eval', 'test']);
    expect(counts.train! + counts.eval! + counts.test!).toBe(344);
    expect(counts.train! / 344).toBeGreaterThan(0.7);
    expect(result.metadata.examples?.split_names).toBe('["train","eval","test"]');
  });
});
