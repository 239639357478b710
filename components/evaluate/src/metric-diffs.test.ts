import type { SlicedMetrics, SliceMetrics } from '@ctpipe/model-analysis';
import { expect, it } from 'vitest';
import { metricDiffs } from './metric-diffs.js';

const slice = (key: Record<string, string>, metrics: Record<string, number>): SliceMetrics => ({
  slice: key,
  slicingSpec: { featureKeys: Object.keys(key) },
  exampleCount: 10,
  unknownLabelCount: 0,
  metrics,
});
const sliced = (slices: SliceMetrics[]): SlicedMetrics => ({
  task: 'classification',
  slices,
  omittedSlices: [],
});

it('diffs every metric both models have, per slice both have, whatever the feature order', () => {
  const candidate = sliced([
    slice({}, { accuracy: 0.9, auc: 0.95 }),
    slice({ Island: 'Dream', Sex: 'MALE' }, { accuracy: 0.5 }),
    slice({ Island: 'Biscoe' }, { accuracy: 1 }),
  ]);
  const baseline = sliced([
    slice({}, { accuracy: 0.75 }),
    slice({ Sex: 'MALE', Island: 'Dream' }, { accuracy: 0.75 }),
  ]);
  expect(metricDiffs(candidate, baseline)).toEqual([
    { slice: {}, metrics: { accuracy: 0.9 - 0.75 } },
    { slice: { Island: 'Dream', Sex: 'MALE' }, metrics: { accuracy: -0.25 } },
  ]);
});
