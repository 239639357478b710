import { describe, expect, it } from 'vitest';
import { randomClassificationBatch } from '../../test/random-batch.js';
import { computeMetrics, type EvalConfig, type PredictionBatch } from '../index.js';
import { poissonWeights, seededUint32 } from './poisson-weights.js';
import { studentT975 } from './student-t.js';

const batch = randomClassificationBatch({ n: 1500, seed: 4, decimals: 2 });
const config = (seed: number): EvalConfig => ({
  labelKey: 'Species',
  slicingSpecs: [{ featureKeys: ['Island'] }],
  confidenceIntervals: { bootstrapSamples: 40, seed },
});

describe('bootstrap confidence intervals', () => {
  const result = computeMetrics(batch, config(7));

  it('give every metric of every slice an interval that contains its point estimate', () => {
    for (const slice of result.slices) {
      const intervals = slice.confidenceIntervals!;
      const names = Object.keys(slice.metrics).filter((n) => n !== 'example_count');
      expect(Object.keys(intervals).sort()).toEqual(names.sort());
      for (const name of names) {
        const { lower, upper } = intervals[name]!;
        expect(lower).toBeLessThanOrEqual(slice.metrics[name]!);
        expect(upper).toBeGreaterThanOrEqual(slice.metrics[name]!);
      }
      // A metric can be constant across replicates (recall 1 on an easy slice): then the interval is a point.
      expect(intervals.accuracy!.lower).toBeLessThan(intervals.accuracy!.upper);
    }
  });

  it('are deterministic for a seed and change with the seed', () => {
    const again = computeMetrics(batch, config(7));
    expect(again.slices.map((s) => s.confidenceIntervals)).toEqual(
      result.slices.map((s) => s.confidenceIntervals),
    );
    const other = computeMetrics(batch, config(8));
    expect(other.slices[0]!.confidenceIntervals!.accuracy).not.toEqual(
      result.slices[0]!.confidenceIntervals!.accuracy,
    );
    expect(other.slices[0]!.metrics).toEqual(result.slices[0]!.metrics);
  });

  it('have about the width the binomial standard error predicts for accuracy', () => {
    const { metrics, confidenceIntervals, exampleCount } = result.slices[0]!;
    const p = metrics.accuracy!;
    const expectedHalfWidth = 1.96 * Math.sqrt((p * (1 - p)) / exampleCount);
    const half = (confidenceIntervals!.accuracy!.upper - confidenceIntervals!.accuracy!.lower) / 2;
    expect(half / expectedHalfWidth).toBeGreaterThan(0.7);
    expect(half / expectedHalfWidth).toBeLessThan(1.4);
  });

  it('clip intervals of [0, 1] metrics to [0, 1]', () => {
    // 40 rows, all right (p = 0.8 on the true class) except row 7.
    const labels = Int32Array.from({ length: 40 }, (_, i) => i % 2);
    const probabilities = new Float64Array(80);
    labels.forEach((y, i) => {
      const right = i === 7 ? 0.3 : 0.8;
      probabilities[i * 2 + y] = right;
      probabilities[i * 2 + 1 - y] = 1 - right;
    });
    const easy: PredictionBatch = {
      task: 'classification',
      classes: ['a', 'b'],
      labels,
      probabilities,
      features: {},
    };
    const overall = computeMetrics(easy, {
      labelKey: 'y',
      slicingSpecs: [],
      confidenceIntervals: { bootstrapSamples: 30, seed: 2 },
    }).slices[0]!;
    expect(overall.metrics.accuracy).toBe(39 / 40);
    expect(overall.confidenceIntervals!.accuracy!.upper).toBe(1);
    expect(overall.confidenceIntervals!.accuracy!.lower).toBeLessThan(39 / 40);
  });
});

describe('Poisson(1) weights', () => {
  it('have mean 1, variance 1 and P(0) = e^-1', () => {
    const w = poissonWeights(seededUint32(123), new Float64Array(200_000));
    const mean = w.reduce((a, b) => a + b, 0) / w.length;
    const variance = w.reduce((a, b) => a + (b - mean) ** 2, 0) / w.length;
    const zeros = w.filter((x) => x === 0).length / w.length;
    expect(mean).toBeCloseTo(1, 2);
    expect(variance).toBeCloseTo(1, 1);
    expect(zeros).toBeCloseTo(Math.exp(-1), 2);
    expect(w.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
  });
});

describe('studentT975', () => {
  it('matches the t table', () => {
    expect(studentT975(1)).toBe(12.706);
    expect(studentT975(30)).toBe(2.042);
    expect(studentT975(40)).toBeCloseTo(2.021, 3);
    expect(studentT975(60)).toBeCloseTo(2.0, 3);
    expect(studentT975(120)).toBeCloseTo(1.98, 3);
    expect(studentT975(100_000)).toBeCloseTo(1.96, 3);
  });
});
