import { describe, expect, it } from 'vitest';
import { computeMetrics, type EvalConfig, type PredictionBatch } from '../index.js';

const config: EvalConfig = { labelKey: 'Body Mass (g)', slicingSpecs: [{ featureKeys: ['g'] }] };

function batch(labels: number[], predictions: number[], g?: string[]): PredictionBatch {
  return {
    task: 'regression',
    labels: Float64Array.from(labels),
    predictions: Float64Array.from(predictions),
    features: { g: g ?? labels.map(() => 'x') },
  };
}

describe('regression metrics', () => {
  it('match the by-hand values', () => {
    // errors 0.5, 0, -1, 1; labels mean 2.5, Σ(y − ȳ)² = 5.
    const m = computeMetrics(batch([1, 2, 3, 4], [1.5, 2, 2, 5]), config).slices[0]!.metrics;
    expect(m).toEqual({
      example_count: 4,
      mse: 0.5625,
      rmse: 0.75,
      mae: 0.625,
      r2: expect.closeTo(1 - 2.25 / 5, 12),
      mean_label: 2.5,
      mean_prediction: 2.625,
      calibration: 1.05,
    });
  });

  it('computes slices independently and skips unknown (NaN) labels, counting them', () => {
    const result = computeMetrics(
      batch([1, 2, Number.NaN, 10, 20], [2, 2, 7, 14, 20], ['a', 'a', 'a', 'b', 'b']),
      config,
    );
    const [overall, a, b] = result.slices;
    expect(overall!.exampleCount).toBe(4);
    expect(overall!.unknownLabelCount).toBe(1);
    expect(a!.slice).toEqual({ g: 'a' });
    expect(a!.metrics.mse).toBe(0.5);
    expect(a!.unknownLabelCount).toBe(1);
    expect(b!.metrics.mae).toBe(2);
    expect(b!.metrics.r2).toBeCloseTo(1 - 16 / 50, 12);
  });

  it('leaves R² out when the labels are constant, and calibration when they sum to 0', () => {
    const constant = computeMetrics(batch([3, 3, 3], [2, 3, 4]), config).slices[0]!.metrics;
    expect(constant.r2).toBeUndefined();
    expect(constant.mse).toBeCloseTo(2 / 3, 12);
    const zero = computeMetrics(batch([-1, 1], [0, 0]), config).slices[0]!.metrics;
    expect(zero.calibration).toBeUndefined();
    expect(zero.r2).toBe(0);
  });

  it('keeps R² accurate on large targets (no catastrophic cancellation)', () => {
    const offset = 1e9;
    const small = computeMetrics(batch([1, 2, 3, 4], [1.5, 2, 2, 5]), config).slices[0]!.metrics;
    const large = computeMetrics(
      batch(
        [1, 2, 3, 4].map((y) => y + offset),
        [1.5, 2, 2, 5].map((y) => y + offset),
      ),
      config,
    ).slices[0]!.metrics;
    expect(large.r2).toBeCloseTo(small.r2!, 9);
  });

  it('rejects a non-finite prediction naming the row', () => {
    expect(() => computeMetrics(batch([1, 2], [1, Number.POSITIVE_INFINITY]), config)).toThrowError(
      expect.objectContaining({ code: 'BAD_INPUT', details: expect.objectContaining({ row: 1 }) }),
    );
  });
});
