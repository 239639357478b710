import { describe, expect, it } from 'vitest';
import type { Schema } from '../types/schema.js';
import type { Histogram } from '../types/statistics.js';
import { rankHistogramCounts } from './categorical-counts.js';
import { withDefaultComparators } from './default-comparators.js';
import { jensenShannonDivergence } from './jensen-shannon.js';
import { lInfinityDistance, normalizedAbsoluteDifference } from './l-infinity.js';

const counts = (o: Record<string, number>) => new Map(Object.entries(o));
const hist = (
  buckets: [number, number, number][],
  numNan = 0,
  type: Histogram['type'] = 'STANDARD',
): Histogram => ({
  type,
  numNan: String(numNan),
  buckets: buckets.map(([lowValue, highValue, sampleCount]) => ({ lowValue, highValue, sampleCount })),
});
const kl = (p: number[], m: number[]) =>
  p.reduce((s, pi, i) => (pi > 0 ? s + pi * Math.log2(pi / m[i]!) : s), 0);

describe('lInfinityDistance', () => {
  it('normalises each side and returns the largest difference with its label', () => {
    // p = {a .75, b .25, c 0}, q = {a .25, b .25, c .5}: |Δ| = .5, 0, .5; ties go to the last label.
    expect(lInfinityDistance(counts({ a: 3, b: 1 }), counts({ a: 1, b: 1, c: 2 }))).toEqual({
      value: 0.5,
      label: 'c',
    });
    expect(lInfinityDistance(counts({ a: 10, b: 30 }), counts({ a: 1, b: 1 }))).toEqual({
      value: 0.25,
      label: 'b',
    });
  });

  it('is 0 for identical distributions and for two empty sides (numeric features)', () => {
    expect(lInfinityDistance(counts({ x: 5, y: 5 }), counts({ x: 1, y: 1 })).value).toBe(0);
    expect(lInfinityDistance(new Map(), new Map())).toEqual({ value: 0, label: '' });
  });

  it('reads rank histograms', () => {
    const rank = { buckets: [{ lowRank: '0', highRank: '0', label: 'a', sampleCount: 3 }] };
    expect(rankHistogramCounts(rank)).toEqual(counts({ a: 3 }));
  });
});

describe('normalizedAbsoluteDifference', () => {
  it('divides the largest raw-count difference by the combined total', () => {
    expect(normalizedAbsoluteDifference(counts({ x: 3, y: 1 }), counts({ x: 1, y: 3 }))).toEqual({
      value: 0.25,
      label: 'y',
    });
  });
});

describe('jensenShannonDivergence over categorical counts', () => {
  it('matches the definition computed by hand', () => {
    const p = [0.5, 0.5];
    const q = [1, 0];
    const m = [0.75, 0.25];
    const expected = (kl(p, m) + kl(q, m)) / 2;
    expect(expected).toBeCloseTo(0.311278, 6);
    expect(jensenShannonDivergence(counts({ a: 1, b: 1 }), counts({ a: 2 }))).toBeCloseTo(expected, 12);
  });

  it('is 0 for identical distributions and 1 for disjoint ones', () => {
    expect(jensenShannonDivergence(counts({ a: 2, b: 6 }), counts({ a: 1, b: 3 }))).toBeCloseTo(0, 12);
    expect(jensenShannonDivergence(counts({ a: 5 }), counts({ b: 7 }))).toBe(1);
  });

  it('gives no value for empty input or non-positive counts', () => {
    expect(jensenShannonDivergence(new Map(), counts({ a: 1 }))).toBeUndefined();
    expect(jensenShannonDivergence(counts({ a: 0 }), counts({ a: 1 }))).toBeUndefined();
  });
});

describe('jensenShannonDivergence over numeric histograms', () => {
  it('spreads counts uniformly over the union of bucket boundaries', () => {
    // [0,2]×4 vs [1,3]×4 on boundaries 0,1,2,3: P = [.5,.5,0], Q = [0,.5,.5], M = [.25,.5,.25] → ½(.5 + .5).
    expect(jensenShannonDivergence(hist([[0, 2, 4]]), hist([[1, 3, 4]]))).toBeCloseTo(0.5, 12);
    expect(
      jensenShannonDivergence(
        hist([[0, 10, 10]]),
        hist([
          [0, 5, 5],
          [5, 10, 5],
        ]),
      ),
    ).toBeCloseTo(0, 12);
    expect(jensenShannonDivergence(hist([[0, 1, 4]]), hist([[2, 3, 4]]))).toBe(1);
  });

  it('counts NaNs as mismatched buckets even when both sides have them', () => {
    // p = [3, 0, 1], q = [3, 1, 0] → P = [.75, 0, .25], Q = [.75, .25, 0], M = [.75, .125, .125].
    expect(jensenShannonDivergence(hist([[0, 1, 3]], 1), hist([[0, 1, 3]], 1))).toBeCloseTo(0.25, 12);
  });

  it('gives point buckets their own slot and infinite buckets a mismatched one', () => {
    expect(jensenShannonDivergence(hist([[5, 5, 4]]), hist([[5, 5, 9]]))).toBe(0);
    expect(jensenShannonDivergence(hist([[5, 5, 4]]), hist([[0, 10, 4]]))).toBe(1);
    // [-inf,0]×2 + [0,1]×2 vs [0,1]×4: P = [.5, .5] (finite, infinite), Q = [1, 0].
    const expected = (kl([0.5, 0.5], [0.75, 0.25]) + kl([1, 0], [0.75, 0.25])) / 2;
    expect(
      jensenShannonDivergence(
        hist([
          [-Infinity, 0, 2],
          [0, 1, 2],
        ]),
        hist([[0, 1, 4]]),
      ),
    ).toBeCloseTo(expected, 12);
  });

  it('refuses histograms of different types or with no mass', () => {
    expect(jensenShannonDivergence(hist([[0, 1, 1]]), hist([[0, 1, 1]], 0, 'QUANTILES'))).toBeUndefined();
    expect(jensenShannonDivergence(hist([]), hist([[0, 1, 1]]))).toBeUndefined();
  });
});

describe('withDefaultComparators', () => {
  const schema: Schema = {
    feature: [
      { name: 'species', type: 'BYTES' },
      { name: 'mass', type: 'FLOAT' },
      { name: 'year', type: 'INT', driftComparator: { infinityNorm: { threshold: 0.3 } } },
      { name: 'old', type: 'INT', lifecycleStage: 'DEPRECATED' },
    ],
  };

  it('sets L-infinity on categorical and JSD on numeric features, keeping curated comparators', () => {
    const [species, mass, year, old] = withDefaultComparators(schema, { numericJensenShannon: 0.2 }).feature;
    expect(species?.driftComparator).toEqual({ infinityNorm: { threshold: 0.1 } });
    expect(species?.skewComparator).toEqual({ infinityNorm: { threshold: 0.1 } });
    expect(mass?.driftComparator).toEqual({ jensenShannonDivergence: { threshold: 0.2 } });
    expect(year?.driftComparator).toEqual({ infinityNorm: { threshold: 0.3 } });
    expect(year?.skewComparator).toEqual({ jensenShannonDivergence: { threshold: 0.2 } });
    expect(old).toEqual(schema.feature[3]);
    expect(schema.feature[0]?.driftComparator).toBeUndefined();
  });

  it('can set drift only', () => {
    const [species] = withDefaultComparators(schema, { skew: false }).feature;
    expect(species?.skewComparator).toBeUndefined();
    expect(species?.driftComparator).toBeDefined();
  });
});
