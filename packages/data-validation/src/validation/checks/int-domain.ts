import type { AnomalyReason } from '../../types/anomalies.js';
import type { Feature } from '../../types/schema.js';
import type { FeatureNameStatistics } from '../../types/statistics.js';
import { compareCodePoints } from '../code-point-order.js';
import { parseInt64Text } from '../parse-number-text.js';
import { stringValueCounts, toNumber } from '../stats-view.js';

const OUT_OF_RANGE = 'Out-of-range values';

/**
 * TFDV's UpdateIntDomain. The observed range is the numeric min/max for INT statistics, or the parsed values
 * of a string feature (an int domain on BYTES declares "these strings are integers").
 */
export function checkIntDomain(
  stats: FeatureNameStatistics,
  domain: NonNullable<Feature['intDomain']>,
): AnomalyReason[] {
  const range = observedIntRange(stats);
  if (range === undefined) return [];
  if ('notInt' in range) {
    return [
      {
        type: 'INT_TYPE_NOT_INT_STRING',
        shortDescription: 'Invalid values',
        description: `String values that were not ints were found, such as "${range.notInt}".`,
      },
    ];
  }
  const reasons: AnomalyReason[] = [];
  if (domain.min !== undefined && toNumber(domain.min) > range.min) {
    reasons.push({
      type: 'INT_TYPE_SMALL_INT',
      shortDescription: OUT_OF_RANGE,
      description: `Unexpectedly small value: ${range.min}.`,
    });
  }
  if (domain.max !== undefined && toNumber(domain.max) < range.max) {
    reasons.push({
      type: 'INT_TYPE_BIG_INT',
      shortDescription: OUT_OF_RANGE,
      description: `Unexpectedly large value: ${range.max}.`,
    });
  }
  return reasons;
}

type IntRange = { min: number; max: number } | { notInt: string };

function observedIntRange(stats: FeatureNameStatistics): IntRange | undefined {
  if (stats.type === 'INT') {
    return { min: Math.trunc(toNumber(stats.numStats?.min)), max: Math.trunc(toNumber(stats.numStats?.max)) };
  }
  if (stats.type !== 'STRING' && stats.type !== 'BYTES') return undefined;
  let range: { min: number; max: number } | undefined;
  for (const label of [...stringValueCounts(stats).keys()].sort(compareCodePoints)) {
    const value = parseInt64Text(label);
    if (value === undefined) return { notInt: label };
    range = range
      ? { min: Math.min(range.min, value), max: Math.max(range.max, value) }
      : { min: value, max: value };
  }
  return range;
}
