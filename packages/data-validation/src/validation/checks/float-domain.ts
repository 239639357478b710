import type { AnomalyReason } from '../../types/anomalies.js';
import type { Feature } from '../../types/schema.js';
import type { FeatureNameStatistics } from '../../types/statistics.js';
import { compareCodePoints } from '../code-point-order.js';
import { sixDigits } from '../format-number.js';
import { parseFloatText } from '../parse-number-text.js';
import { stringValueCounts, toNumber } from '../stats-view.js';

type FloatDomain = NonNullable<Feature['floatDomain']>;
const INVALID = 'Invalid values';
const OUT_OF_RANGE = 'Out-of-range values';

/** TFDV's UpdateFloatDomain: NaN when disallowed, then the observed range against min/max, then ±Inf. */
export function checkFloatDomain(stats: FeatureNameStatistics, domain: FloatDomain): AnomalyReason[] {
  const reasons: AnomalyReason[] = [];
  if (domain.disallowNan && hasNan(stats)) {
    reasons.push({
      type: 'FLOAT_TYPE_HAS_NAN',
      shortDescription: INVALID,
      description: 'Float feature has NaN values.',
    });
  }
  const range = observedFloatRange(stats);
  if (range === undefined) return reasons;
  if ('notFloat' in range) {
    reasons.push({
      type: 'FLOAT_TYPE_STRING_NOT_FLOAT',
      shortDescription: INVALID,
      description: `String values that were not floats were found, such as "${range.notFloat}".`,
    });
    return reasons;
  }
  // FloatDomain bounds are float32 in the proto: compare at that precision, as TFDV does.
  if (domain.min !== undefined && range.min < Math.fround(domain.min)) {
    reasons.push({
      type: 'FLOAT_TYPE_SMALL_FLOAT',
      shortDescription: OUT_OF_RANGE,
      description: `Unexpectedly low values: ${sixDigits(range.min)}<${sixDigits(domain.min)}(upto six significant digits)`,
    });
  }
  if (domain.max !== undefined && range.max > Math.fround(domain.max)) {
    reasons.push({
      type: 'FLOAT_TYPE_BIG_FLOAT',
      shortDescription: OUT_OF_RANGE,
      description: `Unexpectedly high value: ${sixDigits(range.max)}>${sixDigits(domain.max)}(upto six significant digits)`,
    });
  }
  if (domain.disallowInf && (!Number.isFinite(range.min) || !Number.isFinite(range.max))) {
    reasons.push({
      type: 'FLOAT_TYPE_HAS_INF',
      shortDescription: INVALID,
      description: 'Float feature has Inf values.',
    });
  }
  return reasons;
}

function hasNan(stats: FeatureNameStatistics): boolean {
  if (stats.type === 'FLOAT') return (stats.numStats?.histograms ?? []).some((h) => toNumber(h.numNan) > 0);
  if (stats.type === 'STRING')
    return [...stringValueCounts(stats).keys()].some((v) => Number.isNaN(parseFloatText(v)));
  return false;
}

type FloatRange = { min: number; max: number } | { notFloat: string };

function observedFloatRange(stats: FeatureNameStatistics): FloatRange | undefined {
  if (stats.type === 'FLOAT') {
    return {
      min: Math.fround(toNumber(stats.numStats?.min)),
      max: Math.fround(toNumber(stats.numStats?.max)),
    };
  }
  if (stats.type !== 'STRING' && stats.type !== 'BYTES') return undefined;
  let range: { min: number; max: number } | undefined;
  for (const label of [...stringValueCounts(stats).keys()].sort(compareCodePoints)) {
    const value = parseFloatText(label);
    if (value === undefined) return { notFloat: label };
    range = range
      ? { min: Math.min(range.min, value), max: Math.max(range.max, value) }
      : { min: value, max: value };
  }
  return range;
}
