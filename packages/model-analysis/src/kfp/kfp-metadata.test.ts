import { describe, expect, it } from 'vitest';
import {
  computeMetrics,
  type PredictionBatch,
  toClassificationMetricsMetadata,
  toMetricsMetadata,
} from '../index.js';

const batch: PredictionBatch = {
  task: 'classification',
  classes: ['Adelie', 'Gentoo'],
  labels: Int32Array.from([0, 0, 1, 1, 1]),
  probabilities: Float64Array.from([0.9, 0.1, 0.3, 0.7, 0.2, 0.8, 0.6, 0.4, 0.1, 0.9]),
  features: {},
};

describe('KFP metadata', () => {
  const overall = computeMetrics(batch, { labelKey: 'Species', slicingSpecs: [] }).slices[0]!;

  it('gives system.ClassificationMetrics its confusionMatrix shape', () => {
    expect(toClassificationMetricsMetadata(overall, ['Adelie', 'Gentoo'])).toEqual({
      confusionMatrix: {
        annotationSpecs: [{ displayName: 'Adelie' }, { displayName: 'Gentoo' }],
        rows: [{ row: [1, 1] }, { row: [1, 2] }],
      },
    });
    expect(
      JSON.parse(JSON.stringify(toClassificationMetricsMetadata(overall, ['Adelie', 'Gentoo']))),
    ).toEqual(toClassificationMetricsMetadata(overall, ['Adelie', 'Gentoo']));
  });

  it('refuses a slice without a confusion matrix of that size', () => {
    expect(() => toClassificationMetricsMetadata(overall, ['a', 'b', 'c'])).toThrowError(
      expect.objectContaining({ code: 'BAD_INPUT' }),
    );
  });

  it('gives system.Metrics a flat name → number map', () => {
    const flat = toMetricsMetadata(overall);
    expect(flat.accuracy).toBeCloseTo(0.6, 12);
    expect(flat.example_count).toBe(5);
    expect(Object.values(flat).every((v) => typeof v === 'number' && Number.isFinite(v))).toBe(true);
  });
});
