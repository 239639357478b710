import { describe, expect, test } from 'vitest';
import { equiWidthHistogram } from './equi-width-histogram.js';
import { bucketsFromQuantiles, medianOfQuantiles, quantilesHistogram } from './quantiles-histogram.js';

/** Exact quantiles as TFDV's sketch gives them when it holds every value (see order-statistics-query.ts). */
function quantilesOf(values: number[], q: number) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const quantiles: number[] = [];
  const cumulative: number[] = [];
  for (let r = 0; r <= q; r++) {
    const v = sorted[Math.min(Math.floor((r * n) / q), n - 1)]!;
    quantiles.push(v);
    cumulative.push(sorted.filter((x) => x <= v).length);
  }
  return { quantiles, cumulative };
}

describe('bucketsFromQuantiles', () => {
  test('distinct boundaries: counts are the differences, the minimum joins the first bucket', () => {
    expect(bucketsFromQuantiles([1, 2, 4, 8], [1, 3, 6, 10])).toEqual([
      { low: 1, high: 2, count: 3 },
      { low: 2, high: 4, count: 3 },
      { low: 4, high: 8, count: 4 },
    ]);
  });

  test('900 zeros and 100 ones: zeros spread over the leading point buckets, ones over the last two', () => {
    const values = [...Array(900).fill(0), ...Array(100).fill(1)];
    const { quantiles, cumulative } = quantilesOf(values, 1000);
    const buckets = quantilesHistogram(quantiles, cumulative, 100);
    expect(buckets).toHaveLength(10);
    expect(buckets.slice(0, 8)).toEqual(Array(8).fill({ low: 0, high: 0, count: 112.5 }));
    // (0, 1] and [1, 1] share the upper bound 1, so TFDV splits the hundred ones between them.
    expect(buckets[8]).toEqual({ low: 0, high: 1, count: 50 });
    expect(buckets[9]).toEqual({ low: 1, high: 1, count: 50 });
  });

  test('buckets sharing an upper bound share their mass', () => {
    // boundaries 0, 5, 5, 5: the value 5 appears 6 times, counted once into (0,5]
    expect(bucketsFromQuantiles([0, 5, 5, 5], [1, 7, 7, 7])).toEqual([
      { low: 0, high: 5, count: 1 + 2 },
      { low: 5, high: 5, count: 2 },
      { low: 5, high: 5, count: 2 },
    ]);
  });
});

describe('medianOfQuantiles', () => {
  test('odd count: the middle one; even count: the mean of the middle two', () => {
    expect(medianOfQuantiles([1, 2, 9])).toBe(2);
    expect(medianOfQuantiles([1, 2, 4, 9])).toBe(3);
  });
});

describe('equiWidthHistogram', () => {
  test('uniform values: ten buckets of a tenth each, bounds from min to max', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i);
    const { quantiles, cumulative } = quantilesOf(values, 1000);
    const buckets = equiWidthHistogram({
      quantiles,
      cumulative,
      finiteMin: 0,
      finiteMax: 999,
      numBuckets: 10,
      numPosInf: 0,
    });
    expect(buckets.map((b) => b.low)).toEqual(Array.from({ length: 10 }, (_, i) => i * 99.9));
    expect(buckets.at(-1)!.high).toBe(999);
    // Exactly 100 values fall in each bucket; interpolation spreads a value over the unit gap below it, so a
    // bucket edge at x.9 moves 0.9 of a value across.
    for (const b of buckets) expect(Math.abs(b.count - 100)).toBeLessThanOrEqual(1);
    expect(buckets.reduce((s, b) => s + b.count, 0)).toBeCloseTo(1000, 9);
  });

  test('a single distinct value: one point bucket with every value', () => {
    const { quantiles, cumulative } = quantilesOf([7, 7, 7], 1000);
    expect(
      equiWidthHistogram({ quantiles, cumulative, finiteMin: 7, finiteMax: 7, numBuckets: 10, numPosInf: 0 }),
    ).toEqual([{ low: 7, high: 7, count: expect.closeTo(3, 9) }]);
  });

  test('infinities become point buckets at the ends; finite buckets span the finite range', () => {
    const values = [Number.NEGATIVE_INFINITY, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Infinity, Infinity];
    const { quantiles, cumulative } = quantilesOf(values, 1000);
    const buckets = equiWidthHistogram({
      quantiles,
      cumulative,
      finiteMin: 0,
      finiteMax: 10,
      numBuckets: 10,
      numPosInf: 2,
    });
    expect(buckets[0]).toEqual({ low: -Infinity, high: -Infinity, count: 1 });
    expect(buckets.at(-1)).toEqual({ low: Infinity, high: Infinity, count: 2 });
    const finite = buckets.slice(1, -1);
    expect(finite).toHaveLength(10);
    expect(finite[0]!.low).toBe(0);
    expect(finite.at(-1)!.high).toBe(10);
    expect(finite.reduce((s, b) => s + b.count, 0)).toBeCloseTo(11, 9);
  });

  test('no finite value: one bucket from +Infinity to -Infinity holding everything, as TFDV writes it', () => {
    const { quantiles, cumulative } = quantilesOf([Infinity, Infinity], 1000);
    expect(
      equiWidthHistogram({
        quantiles,
        cumulative,
        finiteMin: Infinity,
        finiteMax: -Infinity,
        numBuckets: 10,
        numPosInf: 2,
      }),
    ).toEqual([{ low: Infinity, high: -Infinity, count: 2 }]);
  });
});
