import { type Engine, openEngine } from '@ctpipe/data';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatasetFeatureStatistics, FeatureNameStatistics } from '../types/statistics.js';
import { computeStatistics } from './compute-statistics.js';

let engine: Engine;

beforeAll(async () => {
  engine = await openEngine({ threads: 2 });
});

afterAll(() => engine.close());

async function statsOf(select: string): Promise<DatasetFeatureStatistics> {
  const list = await computeStatistics(engine, [{ name: 'd', source: `(${select})` }]);
  return list.datasets[0]!;
}

function feature(dataset: DatasetFeatureStatistics, name: string): FeatureNameStatistics {
  const found = dataset.features.find((f) => f.path.step[0] === name);
  if (!found) throw new Error(`no feature ${name}`);
  return found;
}

describe('NaN and infinities', () => {
  const select = `SELECT * FROM (VALUES (1.0::DOUBLE), (2.0), ('NaN'), ('Infinity'), ('-Infinity'), (0.0), (NULL), (3.0))
    t(x)`;

  test('NaN is present but only counted in numNan; infinities are min, max and point buckets', async () => {
    const stats = feature(await statsOf(select), 'x');
    expect(stats.type).toBe('FLOAT');
    const num = stats.numStats!;
    expect(num.commonStats.numNonMissing).toBe('7');
    expect(num.commonStats.numMissing).toBe('1');
    expect(num.commonStats.totNumValues).toBe('7');
    expect(num.min).toBe('-Infinity');
    expect(num.max).toBe('Infinity');
    // Both infinities: the mean is NaN; an infinite variance is NaN and TFDV's sqrt(max(0, NaN)) gives 0.
    expect(num.mean).toBe('NaN');
    expect(num.stdDev).toBe(0);
    expect(num.numZeros).toBe('1');
    // Sorted without NaN: -inf 0 1 2 3 inf; TFDV's median is position ⌊6/2⌋.
    expect(num.median).toBe(2);
    const [standard, quantiles] = num.histograms;
    expect(standard!.type).toBe('STANDARD');
    expect(standard!.numNan).toBe('1');
    expect(standard!.buckets[0]).toEqual({ lowValue: '-Infinity', highValue: '-Infinity', sampleCount: 1 });
    expect(standard!.buckets.at(-1)).toEqual({ lowValue: 'Infinity', highValue: 'Infinity', sampleCount: 1 });
    const finite = standard!.buckets.slice(1, -1);
    expect(finite).toHaveLength(10);
    expect(finite[0]!.lowValue).toBe(0);
    expect(finite.at(-1)!.highValue).toBe(3);
    expect(finite.reduce((s, b) => s + (b.sampleCount as number), 0)).toBeCloseTo(4, 9);
    expect(quantiles!.type).toBe('QUANTILES');
    expect(quantiles!.numNan).toBe('1');
    expect(quantiles!.buckets[0]!.lowValue).toBe('-Infinity');
    expect(quantiles!.buckets.at(-1)!.highValue).toBe('Infinity');
    expect(quantiles!.buckets.reduce((s, b) => s + (b.sampleCount as number), 0)).toBeCloseTo(6, 9);
  });

  test('only +Infinity beside finite values: the mean is +Infinity', async () => {
    const num = feature(await statsOf(`SELECT * FROM (VALUES (1.0::DOUBLE), ('Infinity'), (2.0)) t(x)`), 'x')
      .numStats!;
    expect(num.mean).toBe('Infinity');
    expect(num.min).toBe(1);
    expect(num.max).toBe('Infinity');
  });

  test('every value NaN: present, no numbers, both histograms hold only numNan', async () => {
    const num = feature(await statsOf(`SELECT 'NaN'::DOUBLE AS x FROM range(3)`), 'x').numStats!;
    expect(num.commonStats.numNonMissing).toBe('3');
    expect(num.histograms).toEqual([
      { numNan: '3', buckets: [], type: 'STANDARD' },
      { numNan: '3', buckets: [], type: 'QUANTILES' },
    ]);
    expect([num.mean, num.stdDev, num.min, num.median, num.max]).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('missing and empty', () => {
  test('an all-NULL column: everything missing, no value counts, no histograms', async () => {
    const dataset = await statsOf(`SELECT NULL::DOUBLE AS x, NULL::VARCHAR AS s FROM range(4)`);
    const x = feature(dataset, 'x').numStats!;
    expect(x.commonStats).toEqual({
      numNonMissing: '0',
      numMissing: '4',
      minNumValues: '0',
      maxNumValues: '0',
      avgNumValues: 0,
      totNumValues: '0',
    });
    expect(x.histograms).toEqual([]);
    const s = feature(dataset, 's').stringStats!;
    expect(s.commonStats.numMissing).toBe('4');
    expect(s.unique).toBe('0');
    expect(s.topValues).toEqual([]);
    expect(s.rankHistogram.buckets).toEqual([]);
    expect(s.avgLength).toBe(0);
  });

  test('an empty dataset: zero examples, every column still listed with zero counts', async () => {
    const dataset = await statsOf(`SELECT 1::INTEGER AS i, 'a'::VARCHAR AS s WHERE false`);
    expect(dataset.numExamples).toBe('0');
    expect(dataset.features.map((f) => [f.path.step[0], f.type])).toEqual([
      ['i', 'INT'],
      ['s', 'STRING'],
    ]);
    expect(feature(dataset, 'i').numStats!.commonStats.numNonMissing).toBe('0');
    expect(feature(dataset, 's').stringStats!.unique).toBe('0');
  });
});

describe('column names and types', () => {
  test('names with spaces, parentheses and quotes are kept exactly', async () => {
    const names = ['Beak Length (mm)', 'say "hi"', "it's", 'a.b'];
    const select = `SELECT 1 AS "Beak Length (mm)", 'x' AS "say ""hi""", 2.5 AS "it's", true AS "a.b"`;
    const dataset = await statsOf(select);
    expect(dataset.features.map((f) => f.path.step)).toEqual(names.map((n) => [n]));
    expect(feature(dataset, 'say "hi"').stringStats!.topValues).toEqual([{ value: 'x', frequency: 1 }]);
  });

  test('booleans are INT 0/1; dates and timestamps are INT epoch microseconds', async () => {
    const dataset = await statsOf(`SELECT * FROM (VALUES
      (true, DATE '1970-01-02', TIMESTAMP '2024-01-01 00:00:00.5', TIMESTAMPTZ '2024-01-01 00:00:00+00'),
      (false, DATE '1970-01-01', TIMESTAMP '2024-01-01 00:00:01', TIMESTAMPTZ '2024-01-01 01:00:00+00'),
      (false, NULL, NULL, NULL)) t(b, d, ts, tz)`);
    const b = feature(dataset, 'b');
    expect(b.type).toBe('INT');
    expect([b.numStats!.min, b.numStats!.max, b.numStats!.numZeros]).toEqual([0, 1, '2']);
    expect(b.numStats!.mean).toBeCloseTo(1 / 3, 12);
    const d = feature(dataset, 'd');
    expect(d.type).toBe('INT');
    expect([d.numStats!.min, d.numStats!.max, d.numStats!.numZeros]).toEqual([0, 86_400_000_000, '1']);
    const ts = feature(dataset, 'ts').numStats!;
    expect([ts.min, ts.max, ts.mean]).toEqual([
      1_704_067_200_500_000, 1_704_067_201_000_000, 1_704_067_200_750_000,
    ]);
    const tz = feature(dataset, 'tz').numStats!;
    expect([tz.min, tz.max]).toEqual([1_704_067_200_000_000, 1_704_067_200_000_000 + 3_600_000_000]);
  });

  test('decimals are FLOAT; enums and UUIDs are STRING', async () => {
    const dataset = await statsOf(`SELECT 1.25::DECIMAL(5,2) AS dec, 'a'::ENUM('a', 'b') AS e,
      '00000000-0000-0000-0000-000000000001'::UUID AS u`);
    expect(dataset.features.map((f) => f.type)).toEqual(['FLOAT', 'STRING', 'STRING']);
    expect(feature(dataset, 'dec').numStats!.mean).toBe(1.25);
    expect(feature(dataset, 'u').stringStats!.avgLength).toBe(36);
  });

  test('a list column is UNSUPPORTED, naming the column and its type', async () => {
    await expect(statsOf(`SELECT [1, 2] AS tags`)).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      details: { column: 'tags', found: 'INTEGER[]' },
    });
  });

  test('a bad option is BAD_CONFIG', async () => {
    await expect(computeStatistics(engine, [], { numTopValues: 0 })).rejects.toMatchObject({
      code: 'BAD_CONFIG',
    });
  });
});

describe('string ranking', () => {
  test('ties in count go to the larger value first; topValues stops at 20, the rank histogram at 1000', async () => {
    // 30 values: v00…v29, value i appearing 1 + ⌊i/10⌋ times, so three tie groups of ten.
    const dataset = await statsOf(
      `SELECT 'v' || lpad(i::VARCHAR, 2, '0') AS s FROM range(30) r(i), range(3) k(j) WHERE j <= i // 10`,
    );
    const s = feature(dataset, 's').stringStats!;
    expect(s.unique).toBe('30');
    expect(s.topValues).toHaveLength(20);
    expect(s.topValues.slice(0, 3)).toEqual([
      { value: 'v29', frequency: 3 },
      { value: 'v28', frequency: 3 },
      { value: 'v27', frequency: 3 },
    ]);
    expect(s.topValues[10]).toEqual({ value: 'v19', frequency: 2 });
    expect(s.rankHistogram.buckets).toHaveLength(30);
    expect(s.rankHistogram.buckets.at(-1)).toEqual({
      lowRank: '29',
      highRank: '29',
      label: 'v00',
      sampleCount: 1,
    });
    expect(s.avgLength).toBe(3);
  });
});
