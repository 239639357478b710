import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { type Engine, openEngine, quoteLiteral } from '@ctpipe/data';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatasetFeatureStatistics, FeatureNameStatistics, Histogram } from '../types/statistics.js';
import { statisticsForExamples } from './compute-statistics.js';

// vega-datasets exports only its JS entry; the data files sit next to its build directory.
const penguinsFile = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vega-datasets')),
  '..',
  'data',
  'penguins.json',
);
type Penguin = Record<string, string | number | null>;

let engine: Engine;
let dir: string;
let penguins: Penguin[];
let train: DatasetFeatureStatistics;
let evalSplit: DatasetFeatureStatistics;

beforeAll(async () => {
  penguins = JSON.parse(await readFile(penguinsFile, 'utf8'));
  engine = await openEngine({ threads: 2 });
  dir = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-stats-test-'));
  // An Examples artifact as extract writes it: train = every penguin, eval = the first 100.
  for (const [split, select] of [
    ['train', `SELECT * FROM read_json(${quoteLiteral(penguinsFile)})`],
    ['eval', `SELECT * FROM read_json(${quoteLiteral(penguinsFile)}) LIMIT 100`],
  ] as const) {
    await mkdir(path.join(dir, `Split-${split}`));
    const file = path.join(dir, `Split-${split}`, 'data_0.parquet');
    await engine.run(`COPY (${select}) TO ${quoteLiteral(file)} (FORMAT parquet)`);
  }
  const stats = await statisticsForExamples(engine, dir, ['train', 'eval']);
  [train, evalSplit] = stats.datasets as [DatasetFeatureStatistics, DatasetFeatureStatistics];
});

afterAll(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

function feature(dataset: DatasetFeatureStatistics, name: string): FeatureNameStatistics {
  const found = dataset.features.find((f) => f.path.step[0] === name);
  if (!found) throw new Error(`no feature ${name}`);
  return found;
}

function histogram(f: FeatureNameStatistics, type: Histogram['type']): Histogram {
  return f.numStats!.histograms.find((h) => h.type === type)!;
}

/** Everything TFDV reports for a numeric column, computed directly from the JSON rows. */
function expectedNumeric(rows: Penguin[], name: string) {
  const values = rows.map((r) => r[name]).filter((v): v is number => typeof v === 'number');
  const sorted = [...values].sort((a, b) => a - b);
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
  // TFDV's quantile r of q: the value at sorted position ⌊r·n/q⌋, clamped to the last one.
  const quantile = (r: number, q: number) => sorted[Math.min(Math.floor((r * n) / q), n - 1)]!;
  const countIn = (low: number, high: number, first: boolean) =>
    values.filter((v) => (first ? v >= low : v > low) && v <= high).length;
  return { values, sorted, n, mean, std: Math.sqrt(variance), quantile, countIn };
}

describe('penguins, numeric features', () => {
  const numeric = [
    ['Beak Length (mm)', 'FLOAT'],
    ['Beak Depth (mm)', 'FLOAT'],
    ['Flipper Length (mm)', 'INT'],
    ['Body Mass (g)', 'INT'],
  ] as const;

  for (const [name, type] of numeric) {
    for (const split of ['train', 'eval'] as const) {
      test(`${name} (${split}): counts, moments, extremes, median and both histograms`, () => {
        const rows = split === 'train' ? penguins : penguins.slice(0, 100);
        const f = feature(split === 'train' ? train : evalSplit, name);
        const want = expectedNumeric(rows, name);
        expect(f.type).toBe(type);
        const stats = f.numStats!;
        expect(stats.commonStats).toMatchObject({
          numNonMissing: String(want.n),
          numMissing: String(rows.length - want.n),
          minNumValues: '1',
          maxNumValues: '1',
          avgNumValues: 1,
          totNumValues: String(want.n),
        });
        expect(stats.mean).toBeCloseTo(want.mean, 10);
        expect(stats.stdDev).toBeCloseTo(want.std, 10);
        expect(stats.min).toBe(want.sorted[0]);
        expect(stats.max).toBe(want.sorted.at(-1));
        expect(stats.numZeros).toBe(String(want.values.filter((v) => v === 0).length));
        expect(stats.median).toBe(want.quantile(500, 1000));
        // TFDV's median is an order statistic; it sits between the two middle values of the usual median.
        expect(stats.median).toBeGreaterThanOrEqual(want.sorted[Math.floor((want.n - 1) / 2)]!);
        expect(stats.median).toBeLessThanOrEqual(want.sorted[Math.ceil((want.n - 1) / 2)]!);

        // QUANTILES: deciles as bounds. A bucket holds the values in (low, high] (the first one [min, high]);
        // when several buckets share an upper bound (a value spanning deciles) TFDV splits their joint count
        // evenly between them.
        const quantiles = histogram(f, 'QUANTILES');
        expect(quantiles.buckets).toHaveLength(10);
        expect(quantiles.numNan).toBe('0');
        quantiles.buckets.forEach((b, i) => {
          expect(b.lowValue).toBe(want.quantile(i * 100, 1000));
          expect(b.highValue).toBe(want.quantile((i + 1) * 100, 1000));
        });
        for (let start = 0; start < 10; ) {
          let end = start + 1;
          const high = quantiles.buckets[start]!.highValue as number;
          while (end < 10 && quantiles.buckets[end]!.highValue === high) end++;
          const run = quantiles.buckets.slice(start, end).map((b) => b.sampleCount as number);
          const low = quantiles.buckets[start]!.lowValue as number;
          expect(run.reduce((a, c) => a + c, 0)).toBeCloseTo(want.countIn(low, high, start === 0), 9);
          if (start > 0) for (const c of run) expect(c).toBeCloseTo(run[0]!, 9);
          start = end;
        }

        // STANDARD: ten equal-width buckets from min to max. TFDV interpolates the counts from the 1000
        // quantiles, spreading each value over the gap below it, so they differ from exact counts by at
        // most the values sitting next to a bucket edge; the total is exact.
        const standard = histogram(f, 'STANDARD');
        const min = want.sorted[0]!;
        const max = want.sorted.at(-1)!;
        const width = (max - min) / 10;
        expect(standard.buckets).toHaveLength(10);
        let total = 0;
        standard.buckets.forEach((b, i) => {
          expect(b.lowValue).toBeCloseTo(min + i * width, 9);
          expect(b.highValue).toBeCloseTo(i === 9 ? max : min + (i + 1) * width, 9);
          const exact = want.countIn(b.lowValue as number, b.highValue as number, i === 0);
          expect(Math.abs((b.sampleCount as number) - exact)).toBeLessThanOrEqual(0.04 * want.n);
          total += b.sampleCount as number;
        });
        expect(total).toBeCloseTo(want.n, 9);
      });
    }
  }
});

describe('penguins, string features', () => {
  test('Species and Island: exact distinct counts and top values by count', () => {
    const species = feature(train, 'Species');
    expect(species.type).toBe('STRING');
    expect(species.stringStats!.unique).toBe('3');
    expect(species.stringStats!.topValues).toEqual([
      { value: 'Adelie', frequency: 152 },
      { value: 'Gentoo', frequency: 124 },
      { value: 'Chinstrap', frequency: 68 },
    ]);
    expect(feature(train, 'Island').stringStats!.topValues.map((t) => t.value)).toEqual([
      'Biscoe',
      'Dream',
      'Torgersen',
    ]);
  });

  for (const name of ['Species', 'Island', 'Sex']) {
    for (const split of ['train', 'eval'] as const) {
      test(`${name} (${split}): nulls are missing, counts and lengths match the rows`, () => {
        const rows = split === 'train' ? penguins : penguins.slice(0, 100);
        const values = rows.map((r) => r[name]).filter((v): v is string => typeof v === 'string');
        const counts = new Map<string, number>();
        for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
        // Count descending, then the larger value first (all ASCII here, so JS order is byte order).
        const ranked = [...counts].sort(([a, ca], [b, cb]) => cb - ca || (a < b ? 1 : a > b ? -1 : 0));
        const stats = feature(split === 'train' ? train : evalSplit, name).stringStats!;
        expect(stats.commonStats.numNonMissing).toBe(String(values.length));
        expect(stats.commonStats.numMissing).toBe(String(rows.length - values.length));
        expect(stats.unique).toBe(String(counts.size));
        expect(stats.topValues).toEqual(
          ranked.slice(0, 20).map(([value, frequency]) => ({ value, frequency })),
        );
        expect(stats.rankHistogram.buckets).toEqual(
          ranked.map(([label, sampleCount], i) => ({
            lowRank: String(i),
            highRank: String(i),
            label,
            sampleCount,
          })),
        );
        const bytes = values.reduce((s, v) => s + Buffer.byteLength(v, 'utf8'), 0);
        expect(stats.avgLength).toBeCloseTo(bytes / values.length, 12);
      });
    }
  }

  test('Sex: the ten nulls are missing, "." is a value', () => {
    const sex = feature(train, 'Sex').stringStats!;
    expect(sex.commonStats.numMissing).toBe('10');
    expect(sex.topValues).toEqual([
      { value: 'MALE', frequency: 168 },
      { value: 'FEMALE', frequency: 165 },
      { value: '.', frequency: 1 },
    ]);
  });
});

describe('penguins, datasets', () => {
  test('one dataset per split, named by split, features in column order with exact names', () => {
    expect(train.name).toBe('train');
    expect(train.numExamples).toBe('344');
    expect(evalSplit.name).toBe('eval');
    expect(evalSplit.numExamples).toBe('100');
    expect(train.features.map((f) => f.path.step)).toEqual(Object.keys(penguins[0]!).map((k) => [k]));
  });

  test('every present feature has TFDV value-count histogram: ten point buckets at 1', () => {
    const common = feature(train, 'Sex').stringStats!.commonStats;
    expect(common.numValuesHistogram).toEqual({
      type: 'QUANTILES',
      buckets: Array(10).fill({ lowValue: 1, highValue: 1, sampleCount: 33.4 }),
    });
  });

  test('a split without Parquet files is NOT_FOUND', async () => {
    await expect(statisticsForExamples(engine, dir, ['serving'])).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
