import { createHash } from 'node:crypto';
import path from 'node:path';
import { openEngine, quoteLiteral } from '@ctpipe/data';
import { CtpipeError } from '@ctpipe/errors';
import { testContext } from '@ctpipe/testing/core-context';
import { penguinsJsonPath } from '@ctpipe/testing/penguins';
import { describe, expect, it } from 'vitest';
import { extractInputs } from '../test/context.js';
import { extract } from './core.js';
import { bucketExpression, parseSplitRatios } from './split.js';

describe('split ratios', () => {
  it('become contiguous bucket ranges in the order given', () => {
    expect(parseSplitRatios({ train: 2, eval: 1 })).toEqual({
      splits: [
        { name: 'train', first: 0, buckets: 2 },
        { name: 'eval', first: 2, buckets: 1 },
      ],
      totalBuckets: 3,
    });
  });

  it('reject fractions, zero, bad names and an empty struct with BAD_CONFIG', () => {
    for (const bad of [{ train: 0.8, eval: 0.2 }, { train: 0 }, { 'no/slash': 1 }, {}]) {
      const err = (() => {
        try {
          parseSplitRatios(bad);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(CtpipeError);
      expect((err as CtpipeError).code).toBe('BAD_CONFIG');
    }
  });
});

describe('bucket hash', () => {
  it('is the first 16 hex digits of MD5 of the text, mod the bucket count (reproducible outside DuckDB)', async () => {
    const engine = await openEngine({ threads: 1 });
    try {
      const keys = ['Adelie', 'Gentoo', 'Chinstrap', '42', 'Beak Length (mm)'];
      const sql = `SELECT k, ${bucketExpression([{ name: 'k', type: 'VARCHAR' }], 'k', 7)} AS b FROM (VALUES ${keys
        .map((k) => `(${quoteLiteral(k)})`)
        .join(', ')}) t(k)`;
      const rows = await engine.query(sql);
      for (const row of rows) {
        const hex = createHash('md5').update(String(row.k)).digest('hex').slice(0, 16);
        expect(Number(row.b)).toBe(Number(BigInt(`0x${hex}`) % 7n));
      }
      const whole = bucketExpression(
        [
          { name: 'a', type: 'BIGINT' },
          { name: 'b', type: 'VARCHAR' },
        ],
        '',
        3,
      );
      const [row] = await engine.query(`SELECT ${whole} AS b FROM (SELECT 181 AS a, NULL AS b)`);
      const hex = createHash('md5').update('181\u001f\u0000').digest('hex').slice(0, 16);
      expect(Number(row?.b)).toBe(Number(BigInt(`0x${hex}`) % 3n));
    } finally {
      await engine.close();
    }
  });

  it('an unknown split_key is a BAD_CONFIG naming the columns', () => {
    expect(() => bucketExpression([{ name: 'Island', type: 'VARCHAR' }], 'island', 3)).toThrow(
      /split_key "island"/,
    );
  });
});

describe('split by key', () => {
  it('puts all rows with the same key in one split', async () => {
    const inputs = await extractInputs({ input_pattern: penguinsJsonPath(), split_key: 'Body Mass (g)' });
    const result = await extract(inputs, testContext());
    expect(result.parameters.row_count).toBe(344);
    const engine = await openEngine({ threads: 1 });
    try {
      const split = (name: string) =>
        quoteLiteral(path.join(inputs.outputs.examples.path, `Split-${name}`, 'data_0.parquet'));
      const [overlap] = await engine.query(
        `SELECT count(*) AS shared, (SELECT count(DISTINCT "Body Mass (g)") FROM ${split('train')}) AS train_keys,
                (SELECT count(DISTINCT "Body Mass (g)") FROM ${split('eval')}) AS eval_keys
         FROM (SELECT DISTINCT "Body Mass (g)" FROM ${split('train')}) t
         JOIN (SELECT DISTINCT "Body Mass (g)" FROM ${split('eval')}) e USING ("Body Mass (g)")`,
      );
      expect(overlap?.shared).toBe('0');
      // Both splits hold many keys: the key really partitions the data rather than sending it all one way.
      expect(Number(overlap?.train_keys)).toBeGreaterThan(30);
      expect(Number(overlap?.eval_keys)).toBeGreaterThan(15);
    } finally {
      await engine.close();
    }
  });
});
