import type { AnomalyReason } from '../../types/anomalies.js';
import type { Feature } from '../../types/schema.js';
import type { FeatureNameStatistics } from '../../types/statistics.js';
import { minMaxNumValues, numMissing, toNumber } from '../stats-view.js';

/** TFDV's UpdateValueCount: fewer or more values per example than value_count allows. */
export function checkValueCount(
  stats: FeatureNameStatistics,
  valueCount: NonNullable<Feature['valueCount']>,
): AnomalyReason[] {
  const reasons: AnomalyReason[] = [];
  const { min, max } = minMaxNumValues(stats);
  if (valueCount.min !== undefined && min < toNumber(valueCount.min)) {
    reasons.push({
      type: 'FEATURE_TYPE_LOW_NUMBER_VALUES',
      shortDescription: 'Missing values',
      description: 'Some examples have fewer values than expected.',
    });
  }
  if (valueCount.max !== undefined && max > toNumber(valueCount.max)) {
    reasons.push({
      type: 'FEATURE_TYPE_HIGH_NUMBER_VALUES',
      shortDescription: 'Superfluous values',
      description: 'Some examples have more values than expected.',
    });
  }
  return reasons;
}

/** TFDV's UpdateFeatureShape: a fixed shape needs the feature always present with a constant value count. */
export function checkShape(
  stats: FeatureNameStatistics,
  shape: NonNullable<Feature['shape']>,
): AnomalyReason[] {
  const expected = shape.dim.reduce((product, dim) => product * toNumber(dim.size), 1);
  const { min, max } = minMaxNumValues(stats);
  const actual = min === max && min !== 0 ? min : -1;
  if (actual <= 0 || numMissing(stats) !== 0) {
    return [
      {
        type: 'INVALID_FEATURE_SHAPE',
        shortDescription: 'Feature shape dropped',
        description:
          "The feature has a shape, but it's not always present (if the feature is nested, then it should " +
          'always be present at each nested level) or its value lengths vary.',
      },
    ];
  }
  if (actual !== expected) {
    return [
      {
        type: 'INVALID_FEATURE_SHAPE',
        shortDescription: 'Feature shape dropped',
        description: `The feature has fixed value length ${actual} but it's not compatible with the specified shape.`,
      },
    ];
  }
  return [];
}
