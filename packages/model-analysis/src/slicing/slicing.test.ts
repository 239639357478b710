import { describe, expect, it } from 'vitest';
import { randomClassificationBatch } from '../../test/random-batch.js';
import { computeMetrics, type EvalConfig, type PredictionBatch, sliceKeyToString } from '../index.js';

const batch = randomClassificationBatch({ n: 400, seed: 21 });
const island = batch.features.Island as string[];
const sex = batch.features.Sex as (string | null)[];
const mass = batch.features['Body Mass (g)'] as Float64Array;
const config = (slicingSpecs: EvalConfig['slicingSpecs'], extra: Partial<EvalConfig> = {}): EvalConfig => ({
  labelKey: 'Species',
  slicingSpecs,
  ...extra,
});

function countWhere(keep: (i: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < 400; i++) if (keep(i)) n++;
  return n;
}

describe('slicing', () => {
  it('puts overall first even when not listed, then each spec in order', () => {
    const result = computeMetrics(batch, config([{ featureKeys: ['Island'] }]));
    expect(result.slices.map((s) => sliceKeyToString(s.slice))).toEqual([
      'overall',
      'Island=Biscoe',
      'Island=Dream',
      'Island=Torgersen',
    ]);
    expect(result.slices[0]!.exampleCount).toBe(400);
    expect(result.slices[1]!.exampleCount).toBe(countWhere((i) => island[i] === 'Biscoe'));
  });

  it('crosses features: one slice per present combination, counts matching the rows', () => {
    const result = computeMetrics(batch, config([{}, { featureKeys: ['Island', 'Sex'] }]));
    const crosses = result.slices.slice(1);
    expect(crosses).toHaveLength(6);
    expect(crosses[0]!.slice).toEqual({ Island: 'Biscoe', Sex: 'FEMALE' });
    expect(sliceKeyToString(crosses[1]!.slice)).toBe('Island=Biscoe, Sex=MALE');
    for (const s of crosses) {
      expect(s.exampleCount).toBe(countWhere((i) => island[i] === s.slice.Island && sex[i] === s.slice.Sex));
      expect(s.slicingSpec).toEqual({ featureKeys: ['Island', 'Sex'] });
    }
  });

  it('leaves rows with a missing (null) value out of that feature’s slices, as TFMA does', () => {
    const result = computeMetrics(batch, config([{ featureKeys: ['Sex'] }]));
    const bySex = result.slices.slice(1);
    expect(bySex.map((s) => s.slice.Sex)).toEqual(['FEMALE', 'MALE']);
    const nulls = countWhere((i) => sex[i] === null);
    expect(nulls).toBeGreaterThan(0);
    expect(bySex.reduce((a, s) => a + s.exampleCount, 0)).toBe(400 - nulls);
  });

  it('buckets a numeric feature by fixed boundaries into [a, b) intervals', () => {
    const spec = { featureKeys: ['Body Mass (g)'], numericBuckets: { boundaries: [3500, 4500] } };
    const result = computeMetrics(batch, config([spec]));
    const buckets = result.slices.slice(1);
    expect(buckets.map((s) => s.slice['Body Mass (g)'])).toEqual([
      '(-inf, 3500)',
      '[3500, 4500)',
      '[4500, inf)',
    ]);
    expect(buckets[1]!.exampleCount).toBe(countWhere((i) => mass[i]! >= 3500 && mass[i]! < 4500));
    expect(buckets[2]!.exampleCount).toBe(countWhere((i) => mass[i]! >= 4500));
  });

  it('computes quantile buckets from the data: `count` buckets of about equal size', () => {
    const spec = { featureKeys: ['Body Mass (g)'], numericBuckets: { count: 4 } };
    const buckets = computeMetrics(batch, config([spec])).slices.slice(1);
    expect(buckets).toHaveLength(4);
    const sorted = Array.from(mass).sort((a, b) => a - b);
    expect(buckets[1]!.slice['Body Mass (g)']).toBe(`[${sorted[100]}, ${sorted[200]})`);
    for (const b of buckets) expect(Math.abs(b.exampleCount - 100)).toBeLessThanOrEqual(3);
  });

  it('crosses a bucketed numeric feature with a string feature (the string keeps its values)', () => {
    const spec = { featureKeys: ['Island', 'Body Mass (g)'], numericBuckets: { boundaries: [4000] } };
    const slices = computeMetrics(batch, config([spec])).slices.slice(1);
    expect(slices).toHaveLength(6);
    expect(slices[0]!.slice).toEqual({ Island: 'Biscoe', 'Body Mass (g)': '(-inf, 4000)' });
  });

  it('keeps only the slice named by featureValues', () => {
    const slices = computeMetrics(batch, config([{ featureValues: { Island: 'Dream' } }])).slices;
    expect(slices.map((s) => sliceKeyToString(s.slice))).toEqual(['overall', 'Island=Dream']);
  });

  it('also computes specs that only per-slice thresholds mention, and drops duplicate specs', () => {
    const result = computeMetrics(
      batch,
      config([{ featureKeys: ['Island'] }, { featureKeys: ['Island'] }], {
        perSliceThresholds: [
          {
            slicingSpec: { featureKeys: ['Sex'] },
            metric: 'accuracy',
            threshold: { valueThreshold: { lowerBound: 0 } },
          },
        ],
      }),
    );
    expect(result.slices.map((s) => sliceKeyToString(s.slice))).toEqual([
      'overall',
      'Island=Biscoe',
      'Island=Dream',
      'Island=Torgersen',
      'Sex=FEMALE',
      'Sex=MALE',
    ]);
  });

  it('omits slices under minSliceSize (never overall) and lists them', () => {
    const result = computeMetrics(batch, config([{ featureKeys: ['Island', 'Sex'] }], { minSliceSize: 70 }));
    const small = result.omittedSlices.map((o) => o.exampleCount);
    expect(small.length).toBeGreaterThan(0);
    expect(small.every((c) => c < 70)).toBe(true);
    expect(result.slices.slice(1).every((s) => s.exampleCount >= 70)).toBe(true);
    expect(result.slices.length - 1 + result.omittedSlices.length).toBe(6);
  });

  it('treats the number 1 and the string "1" as one slice value, and sorts numbers numerically', () => {
    const tiny: PredictionBatch = {
      task: 'classification',
      classes: ['a', 'b'],
      labels: Int32Array.from([0, 1, 0, 1]),
      probabilities: Float64Array.from([0.9, 0.1, 0.2, 0.8, 0.6, 0.4, 0.3, 0.7]),
      features: { k: [10, '1', 1, 2] },
    };
    const slices = computeMetrics(tiny, config([{ featureKeys: ['k'] }])).slices.slice(1);
    expect(slices.map((s) => [s.slice.k, s.exampleCount])).toEqual([
      ['1', 2],
      ['2', 1],
      ['10', 1],
    ]);
  });

  it('reports a slicing feature that is not in the batch as a config error', () => {
    expect(() => computeMetrics(batch, config([{ featureKeys: ['Colour'] }]))).toThrowError(
      expect.objectContaining({ code: 'BAD_CONFIG', details: expect.objectContaining({ column: 'Colour' }) }),
    );
  });

  it('rejects a string value in a bucketed numeric column, naming the row', () => {
    const bad: PredictionBatch = {
      ...batch,
      features: { ...batch.features, m: [1, 2, 'heavy', ...new Array(397).fill(3)] },
    };
    expect(() =>
      computeMetrics(bad, config([{ featureKeys: ['m'], numericBuckets: { boundaries: [2] } }])),
    ).toThrowError(
      expect.objectContaining({
        code: 'BAD_INPUT',
        details: expect.objectContaining({ row: 2, column: 'm' }),
      }),
    );
  });
});

describe('sliceKeyToString', () => {
  it('names overall, one feature and a cross', () => {
    expect(sliceKeyToString({})).toBe('overall');
    expect(sliceKeyToString({ Island: 'Biscoe' })).toBe('Island=Biscoe');
    expect(sliceKeyToString({ Island: 'Biscoe', Sex: 'MALE' })).toBe('Island=Biscoe, Sex=MALE');
  });
});
