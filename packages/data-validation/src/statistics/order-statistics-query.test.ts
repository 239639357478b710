import { type Engine, openEngine } from '@ctpipe/data';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { featureColumn, type NumericColumn } from './feature-columns.js';
import { orderStatistics } from './order-statistics-query.js';
import { type NumericProfile, profileDataset } from './profile-query.js';

let engine: Engine;

beforeAll(async () => {
  engine = await openEngine({ threads: 2 });
  // Ties everywhere: 101 distinct ints, ~2000 distinct doubles, a few NULLs and NaNs.
  await engine.run(`CREATE TABLE t AS SELECT
      CASE WHEN i % 97 = 0 THEN NULL ELSE (i * 37) % 101 END AS small,
      CASE WHEN i % 89 = 0 THEN 'NaN'::DOUBLE ELSE round(sin(i) * 1000) / 10 END AS wide
    FROM range(5000) r(i)`);
});

afterAll(() => engine.close());

/** TFDV's exact quantiles by hand: the value at position ⌊r·n/q⌋ (clamped) and how many values are ≤ it. */
function expected(values: number[], q: number) {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const n = sorted.length;
  const at = Array.from({ length: q + 1 }, (_, r) => sorted[Math.min(Math.floor((r * n) / q), n - 1)]!);
  return { values: at, cumulativeCounts: at.map((v) => sorted.filter((x) => x <= v).length) };
}

async function columnData(name: string) {
  const rows = await engine.query(`SELECT "${name}" AS v FROM t WHERE "${name}" IS NOT NULL`);
  return rows.map((r) => (r.v === 'NaN' ? Number.NaN : Number(r.v)));
}

async function setup(name: string) {
  const columns = (await engine.describe('SELECT * FROM t')).map(featureColumn);
  const profile = await profileDataset(engine, 't', columns);
  const index = columns.findIndex((c) => c.name === name);
  return { column: columns[index] as NumericColumn, profile: profile.columns[index] as NumericProfile };
}

describe('orderStatistics', () => {
  for (const name of ['small', 'wide']) {
    test(`${name}: grouping and sorting both give TFDV's exact quantiles and cumulative counts`, async () => {
      const { column, profile } = await setup(name);
      const want = expected(await columnData(name), 1000);
      const grouped = await orderStatistics(
        engine,
        't',
        { ...column, distinct: { kind: 'type', max: 2 } },
        profile,
        1000,
      );
      const sorted = await orderStatistics(
        engine,
        't',
        { ...column, distinct: { kind: 'estimate' } },
        { ...profile, distinctEstimate: Number.POSITIVE_INFINITY },
        1000,
      );
      // -0 and 0 are one value to SQL and to TFDV; toEqual tells them apart.
      const plain = (o: { values: number[]; cumulativeCounts: number[] }) => ({
        ...o,
        values: o.values.map((v) => v + 0),
      });
      expect(plain(grouped)).toEqual(plain(want));
      expect(plain(sorted)).toEqual(plain(want));
    });
  }

  test('fewer values than quantiles: positions repeat, the last quantile is the maximum', async () => {
    await engine.run('CREATE TABLE few AS SELECT unnest([3, 1, 2, 2]) AS x');
    const [column] = (await engine.describe('SELECT * FROM few')).map(featureColumn);
    const profile = await profileDataset(engine, 'few', [column!]);
    const result = await orderStatistics(
      engine,
      'few',
      column as NumericColumn,
      profile.columns[0] as NumericProfile,
      10,
    );
    expect(result.values).toEqual([1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3]);
    expect(result.cumulativeCounts).toEqual([1, 1, 1, 3, 3, 3, 3, 3, 4, 4, 4]);
  });

  test('no values: no quantiles and no query', async () => {
    const { column, profile } = await setup('small');
    expect(
      await orderStatistics(engine, 'missing_table', column, { ...profile, present: 0, nan: 0 }, 1000),
    ).toEqual({
      values: [],
      cumulativeCounts: [],
    });
  });
});
