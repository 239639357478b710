import { describe, expect, it } from 'vitest';
import { randomClassificationBatch } from '../../test/random-batch.js';
import { checkEvalConfig, computeMetrics, type EvalConfig } from '../index.js';

const batch = randomClassificationBatch({ n: 20, seed: 1 });
const base: EvalConfig = { labelKey: 'Species', slicingSpecs: [{}] };

function configError(config: unknown) {
  try {
    computeMetrics(batch, config as EvalConfig);
  } catch (err) {
    return err as { code: string; details: { path?: string } };
  }
  throw new Error('expected a config error');
}

describe('eval config checks', () => {
  it.each([
    [{ ...base, labelKey: '' }, 'labelKey'],
    [{ ...base, slicingSpecs: {} }, 'slicingSpecs'],
    [{ ...base, slicingSpecs: [{ featureKeys: ['a', 'a'] }] }, 'slicingSpecs[0].featureKeys'],
    [
      { ...base, slicingSpecs: [{ featureKeys: ['a'], numericBuckets: { boundaries: [2, 1] } }] },
      'slicingSpecs[0].numericBuckets.boundaries',
    ],
    [{ ...base, slicingSpecs: [{ numericBuckets: { count: 1 } }] }, 'slicingSpecs[0].numericBuckets.count'],
    [{ ...base, thresholds: { accuracy: {} } }, 'thresholds.accuracy'],
    [
      { ...base, thresholds: { accuracy: { valueThreshold: { lowerBound: 0.9, upperBound: 0.1 } } } },
      'thresholds.accuracy.valueThreshold',
    ],
    [
      { ...base, thresholds: { accuracy: { changeThreshold: { direction: 'HIGHER_IS_BETTER' } } } },
      'thresholds.accuracy.changeThreshold',
    ],
    [
      { ...base, confidenceIntervals: { bootstrapSamples: 1, seed: 0 } },
      'confidenceIntervals.bootstrapSamples',
    ],
    [{ ...base, minSliceSize: -1 }, 'minSliceSize'],
    [{ ...base, metrics: ['accuracy', 'f2'] }, 'metrics[1]'],
    [{ ...base, metrics: ['precision/Emperor'] }, 'metrics[0]'],
  ])('rejects %j at %s', (config, path) => {
    expect(configError(config)).toMatchObject({ code: 'BAD_CONFIG', details: { path } });
  });

  it('checks an untyped value (parsed YAML) before use', () => {
    expect(() => checkEvalConfig(null)).toThrowError(
      expect.objectContaining({ code: 'BAD_CONFIG', details: expect.objectContaining({ path: '(root)' }) }),
    );
    const parsed: unknown = JSON.parse(
      '{"labelKey":"Species","slicingSpecs":[{},{"featureKeys":["Island"]}]}',
    );
    checkEvalConfig(parsed);
    expect(parsed.slicingSpecs).toHaveLength(2);
  });

  it('rejects a batch without probabilities for classification', () => {
    expect(() => computeMetrics({ ...batch, probabilities: undefined }, base)).toThrowError(
      expect.objectContaining({
        code: 'BAD_INPUT',
        details: expect.objectContaining({ column: 'probabilities' }),
      }),
    );
  });

  it('rejects a label that is not a class index, and a logit among probabilities, naming the row', () => {
    const labels = Int32Array.from(batch.labels);
    labels[3] = 3;
    expect(() => computeMetrics({ ...batch, labels }, base)).toThrowError(
      expect.objectContaining({ code: 'BAD_INPUT', details: expect.objectContaining({ row: 3 }) }),
    );
    const probabilities = Float64Array.from(batch.probabilities!);
    probabilities[5 * 3 + 1] = -2.3;
    expect(() => computeMetrics({ ...batch, probabilities }, base)).toThrowError(
      expect.objectContaining({ code: 'BAD_INPUT', details: expect.objectContaining({ row: 5 }) }),
    );
  });
});
