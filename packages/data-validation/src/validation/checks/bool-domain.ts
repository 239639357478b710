import type { AnomalyReason } from '../../types/anomalies.js';
import type { Feature } from '../../types/schema.js';
import type { FeatureNameStatistics } from '../../types/statistics.js';
import { compareCodePoints } from '../code-point-order.js';
import { sixDigits } from '../format-number.js';
import { stringValueCounts, toNumber } from '../stats-view.js';

type BoolDomain = NonNullable<Feature['boolDomain']>;
const NON_BOOLEAN = 'Non-boolean values';

/** TFDV's UpdateBoolDomain: ints outside {0, 1}, floats that cannot be 0/1, strings outside true/false. */
export function checkBoolDomain(stats: FeatureNameStatistics, domain: BoolDomain): AnomalyReason[] {
  if (stats.type === 'INT') return checkInts(stats);
  if (stats.type === 'FLOAT') return checkFloats(stats);
  if (stats.type === 'STRING') return checkStrings(stats, domain);
  return [];
}

function checkInts(stats: FeatureNameStatistics): AnomalyReason[] {
  const min = toNumber(stats.numStats?.min);
  const max = toNumber(stats.numStats?.max);
  const notBool = (type: 'BOOL_TYPE_SMALL_INT' | 'BOOL_TYPE_BIG_INT', example: number): AnomalyReason[] => [
    {
      type,
      shortDescription: NON_BOOLEAN,
      description: `Integers (such as ${sixDigits(example)}) not in {0, 1}: converting to an integer.`,
    },
  ];
  if (min < 0) return notBool('BOOL_TYPE_SMALL_INT', min);
  if (max > 1) return notBool('BOOL_TYPE_BIG_INT', max);
  return [];
}

function checkFloats(stats: FeatureNameStatistics): AnomalyReason[] {
  const unexpected = (description: string): AnomalyReason[] => [
    { type: 'BOOL_TYPE_UNEXPECTED_FLOAT', shortDescription: NON_BOOLEAN, description },
  ];
  const min = toNumber(stats.numStats?.min);
  const max = toNumber(stats.numStats?.max);
  if (min !== 0 && min !== 1)
    return unexpected(`Floats (such as ${sixDigits(min)}) not in {0, 1}: converting to float_domain.`);
  if (max !== 0 && max !== 1)
    return unexpected(`Floats (such as ${sixDigits(max)}) not in {0, 1}: converting to float_domain.`);
  // Histograms can only prove values are not 0/1 when a non-empty bucket excludes both.
  for (const histogram of stats.numStats?.histograms ?? []) {
    if (toNumber(histogram.numNan) > 0)
      return unexpected('Floats (such as NaN) not in {0, 1}: converting to float_domain.');
    for (const bucket of histogram.buckets) {
      if (toNumber(bucket.sampleCount) <= 0) continue;
      const low = toNumber(bucket.lowValue);
      const high = toNumber(bucket.highValue);
      if (high < 0) return unexpected('Float values < 0 not in {0, 1}: converting to float_domain.');
      if (low > 1) return unexpected('Float values > 1 not in {0, 1}: converting to float_domain.');
      if (histogram.type === 'QUANTILES' && high < 1 && low > 0) {
        return unexpected('Float values falling between 0 and 1: converting to float_domain.');
      }
    }
  }
  return [];
}

function checkStrings(stats: FeatureNameStatistics, domain: BoolDomain): AnomalyReason[] {
  const valid = [domain.trueValue, domain.falseValue].filter((v): v is string => v !== undefined);
  const validSet = new Set(valid);
  for (const value of [...stringValueCounts(stats).keys()].sort(compareCodePoints)) {
    if (validSet.has(value)) continue;
    const described =
      validSet.size === 0 ? '{}' : `{"${[...validSet].sort(compareCodePoints).join('", "')}"}`;
    return [
      {
        type: 'BOOL_TYPE_UNEXPECTED_STRING',
        shortDescription: NON_BOOLEAN,
        description: `Saw unexpected value "${value}" instead of ${described}.`,
      },
    ];
  }
  return [];
}
