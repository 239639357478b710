import { describe, expect, it } from 'vitest';
import type { EvalConfig, MetricThreshold, SlicedMetrics, SliceMetrics } from '../index.js';
import { validateMetrics } from '../index.js';

function slice(key: Record<string, string>, metrics: Record<string, number>, spec = {}): SliceMetrics {
  return { slice: key, slicingSpec: spec, exampleCount: 50, unknownLabelCount: 0, metrics };
}

const bySex = { featureKeys: ['Sex'] };
const byIsland = { featureKeys: ['Island'] };

function model(accuracy: number, islands: Record<string, number> = {}, logLoss = 0.3): SlicedMetrics {
  return {
    task: 'classification',
    classes: ['Adelie', 'Chinstrap', 'Gentoo'],
    slices: [
      slice({}, { example_count: 150, accuracy, log_loss: logLoss }),
      ...Object.entries(islands).map(([island, acc]) =>
        slice({ Island: island }, { accuracy: acc }, byIsland),
      ),
    ],
    omittedSlices: [],
  };
}

const cfg = (extra: Partial<EvalConfig>): EvalConfig => ({
  labelKey: 'Species',
  slicingSpecs: [{}],
  ...extra,
});
const value = (lowerBound?: number, upperBound?: number): MetricThreshold => ({
  valueThreshold: {
    ...(lowerBound === undefined ? {} : { lowerBound }),
    ...(upperBound === undefined ? {} : { upperBound }),
  },
});

describe('value thresholds', () => {
  it('pass when lower ≤ value ≤ upper, inclusive', () => {
    const r = validateMetrics(model(0.9), undefined, cfg({ thresholds: { accuracy: value(0.9, 0.9) } }));
    expect(r.validationOk).toBe(true);
    expect(r.failures).toEqual([]);
  });

  it('fail below the lower bound, naming slice, metric, value and bound', () => {
    const r = validateMetrics(model(0.85), undefined, cfg({ thresholds: { accuracy: value(0.9) } }));
    expect(r.validationOk).toBe(false);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({ slice: {}, metric: 'accuracy', value: 0.85 });
    expect(r.failures[0]!.message).toBe('accuracy on slice overall is 0.85: below the lower bound 0.9.');
  });

  it('fail above the upper bound', () => {
    const r = validateMetrics(
      model(0.9, {}, 0.7),
      undefined,
      cfg({ thresholds: { log_loss: value(undefined, 0.5) } }),
    );
    expect(r.failures[0]!.message).toBe('log_loss on slice overall is 0.7: above the upper bound 0.5.');
  });
});

describe('change thresholds', () => {
  const higher = (absolute?: number, relative?: number): MetricThreshold => ({
    changeThreshold: {
      direction: 'HIGHER_IS_BETTER',
      ...(absolute !== undefined && { absolute }),
      ...(relative !== undefined && { relative }),
    },
  });
  const lower = (absolute?: number, relative?: number): MetricThreshold => ({
    changeThreshold: {
      direction: 'LOWER_IS_BETTER',
      ...(absolute !== undefined && { absolute }),
      ...(relative !== undefined && { relative }),
    },
  });

  it('absolute, HIGHER_IS_BETTER: passes iff candidate − baseline ≥ absolute', () => {
    const gate = cfg({ thresholds: { accuracy: higher(-0.01) } });
    expect(validateMetrics(model(0.945), model(0.95), gate).validationOk).toBe(true);
    const worse = validateMetrics(model(0.9), model(0.95), gate);
    expect(worse.validationOk).toBe(false);
    expect(worse.failures[0]).toMatchObject({ metric: 'accuracy', value: 0.9, baseline: 0.95 });
    expect(worse.failures[0]!.message).toBe(
      'accuracy on slice overall is 0.9 vs baseline 0.95: change -0.05 is below the absolute bound -0.01 (HIGHER_IS_BETTER).',
    );
  });

  it('absolute, LOWER_IS_BETTER: passes iff candidate − baseline ≤ absolute', () => {
    const gate = cfg({ thresholds: { log_loss: lower(0.05) } });
    expect(validateMetrics(model(0.9, {}, 0.34), model(0.9, {}, 0.3), gate).validationOk).toBe(true);
    const worse = validateMetrics(model(0.9, {}, 0.4), model(0.9, {}, 0.3), gate);
    expect(worse.failures[0]!.message).toContain('is above the absolute bound +0.05 (LOWER_IS_BETTER)');
    expect(worse.failures[0]!.message).toContain('log_loss on slice overall is 0.4 vs baseline 0.3');
  });

  it('relative uses (candidate − baseline) / baseline, both directions', () => {
    // (0.77 − 0.8) / 0.8 = −0.0375
    expect(
      validateMetrics(model(0.77), model(0.8), cfg({ thresholds: { accuracy: higher(undefined, -0.05) } }))
        .validationOk,
    ).toBe(true);
    const r = validateMetrics(
      model(0.75),
      model(0.8),
      cfg({ thresholds: { accuracy: higher(undefined, -0.05) } }),
    );
    expect(r.validationOk).toBe(false);
    expect(r.failures[0]!.message).toContain(
      'relative change -0.0625 (-6.25%) is below the relative bound -0.05',
    );
    // log loss 0.3 → 0.33 is +10 %: fails a 5 % LOWER_IS_BETTER bound, passes a 10 % one.
    expect(
      validateMetrics(
        model(0.9, {}, 0.33),
        model(0.9, {}, 0.3),
        cfg({ thresholds: { log_loss: lower(undefined, 0.05) } }),
      ).validationOk,
    ).toBe(false);
    expect(
      validateMetrics(
        model(0.9, {}, 0.33),
        model(0.9, {}, 0.3),
        cfg({ thresholds: { log_loss: lower(undefined, 0.11) } }),
      ).validationOk,
    ).toBe(true);
  });

  it('a relative bound against a baseline of 0 fails (undefined ratio)', () => {
    const r = validateMetrics(
      model(0.5, {}, 0.1),
      model(0.5, {}, 0),
      cfg({ thresholds: { log_loss: lower(undefined, 10) } }),
    );
    expect(r.validationOk).toBe(false);
    expect(r.failures[0]!.message).toContain('relative change is undefined against a baseline of 0');
  });

  it('without a baseline are skipped and the result is a rubber stamp that says so', () => {
    const r = validateMetrics(model(0.1), undefined, cfg({ thresholds: { accuracy: higher(0) } }));
    expect(r).toMatchObject({ validationOk: true, rubberStamp: true, failures: [] });
    expect(r.notes).toEqual(['No baseline model (rubber stamp): 1 change threshold check(s) skipped.']);
    const withBaseline = validateMetrics(
      model(0.1),
      model(0.2),
      cfg({ thresholds: { accuracy: higher(0) } }),
    );
    expect(withBaseline).toMatchObject({ validationOk: false, rubberStamp: false });
  });

  it('value thresholds still apply on a rubber-stamp run', () => {
    const r = validateMetrics(
      model(0.5),
      undefined,
      cfg({ thresholds: { accuracy: { ...value(0.7), ...higher(0) } } }),
    );
    expect(r).toMatchObject({ validationOk: false, rubberStamp: true });
    expect(r.failures).toHaveLength(1);
  });
});

describe('per-slice thresholds and missing data', () => {
  const fairness = cfg({
    slicingSpecs: [{}, byIsland],
    perSliceThresholds: [{ slicingSpec: byIsland, metric: 'accuracy', threshold: value(0.9) }],
  });

  it('fail on the one slice below its bound, and the message names that slice', () => {
    const r = validateMetrics(
      model(0.94, { Biscoe: 0.97, Dream: 0.95, Torgersen: 0.82 }),
      undefined,
      fairness,
    );
    expect(r.validationOk).toBe(false);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]!.slice).toEqual({ Island: 'Torgersen' });
    expect(r.failures[0]!.message).toBe(
      'accuracy on slice Island=Torgersen is 0.82: below the lower bound 0.9.',
    );
  });

  it('fail with "Metric not found" when a thresholded metric was not computed', () => {
    const r = validateMetrics(model(0.9), undefined, cfg({ thresholds: { auc: value(0.8) } }));
    expect(r.validationOk).toBe(false);
    expect(r.failures[0]).toMatchObject({ metric: 'auc', value: undefined });
    expect(r.failures[0]!.message).toBe('Metric not found: auc on slice overall was not computed.');
  });

  it('list a thresholded slice with no data in missingSlices, and fail', () => {
    const noSex = validateMetrics(
      model(0.9, { Biscoe: 0.95 }),
      undefined,
      cfg({ perSliceThresholds: [{ slicingSpec: bySex, metric: 'accuracy', threshold: value(0.5) }] }),
    );
    expect(noSex.validationOk).toBe(false);
    expect(noSex.missingSlices).toEqual([{ Sex: '*' }]);
    expect(noSex.failures[0]!.message).toBe('Slice Sex=* has no examples: accuracy cannot be checked.');
    const dream = { featureValues: { Island: 'Dream' } };
    const r = validateMetrics(
      model(0.9),
      undefined,
      cfg({ perSliceThresholds: [{ slicingSpec: dream, metric: 'accuracy', threshold: value(0.5) }] }),
    );
    expect(r.missingSlices).toEqual([{ Island: 'Dream' }]);
    const empty = model(0.9);
    empty.slices[0] = { ...empty.slices[0]!, exampleCount: 0, metrics: { example_count: 0 } };
    expect(
      validateMetrics(empty, undefined, cfg({ thresholds: { accuracy: value(0.5) } })).missingSlices,
    ).toEqual([{}]);
  });

  it('with no thresholds at all, pass only as a rubber stamp (TFMA)', () => {
    expect(validateMetrics(model(0.9), undefined, cfg({})).validationOk).toBe(true);
    const later = validateMetrics(model(0.9), model(0.8), cfg({}));
    expect(later.validationOk).toBe(false);
    expect(later.notes[0]).toContain('No thresholds configured');
  });

  it('reject a malformed threshold as a config error', () => {
    const bad = cfg({
      thresholds: { accuracy: { changeThreshold: { direction: 'UP' as 'HIGHER_IS_BETTER', absolute: 0 } } },
    });
    expect(() => validateMetrics(model(0.9), undefined, bad)).toThrowError(
      expect.objectContaining({
        code: 'BAD_CONFIG',
        details: expect.objectContaining({ path: 'thresholds.accuracy.changeThreshold.direction' }),
      }),
    );
  });
});
