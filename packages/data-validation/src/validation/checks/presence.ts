import type { AnomalyReason } from '../../types/anomalies.js';
import type { Feature } from '../../types/schema.js';
import type { FeatureNameStatistics } from '../../types/statistics.js';
import { fixed6, sixDigits } from '../format-number.js';
import { numMissing, numPresent, toNumber } from '../stats-view.js';

const DROPPED = 'Column dropped';

/** TFDV's UpdatePresence: min_count, then min_fraction (with the "expected everywhere" special case). */
export function checkPresence(
  stats: FeatureNameStatistics,
  presence: NonNullable<Feature['presence']>,
  numExamples: number,
): AnomalyReason[] {
  const reasons: AnomalyReason[] = [];
  const present = numPresent(stats);
  const missing = numMissing(stats);
  if (presence.minCount !== undefined && present < toNumber(presence.minCount)) {
    reasons.push({
      type: 'FEATURE_TYPE_LOW_NUMBER_PRESENT',
      shortDescription: DROPPED,
      description:
        'The feature was present in fewer examples than expected: ' +
        `minimum count = ${Math.trunc(toNumber(presence.minCount))}, actual = ${Math.trunc(present)}`,
    });
  }
  const minFraction = presence.minFraction;
  if (minFraction === undefined || numExamples <= 0) return reasons;
  // Exactly 1.0 when nothing is missing avoids rounding noise, as TFDV does.
  const fraction = missing === 0 ? 1 : present / numExamples;
  if (fraction < minFraction) {
    reasons.push({
      type: 'FEATURE_TYPE_LOW_FRACTION_PRESENT',
      shortDescription: DROPPED,
      description:
        'The feature was present in fewer examples than expected: ' +
        `minimum fraction = ${fixed6(minFraction)}, actual = ${fixed6(fraction)}`,
    });
  } else if (minFraction === 1 && missing !== 0) {
    // A handful of missing values out of millions rounds the fraction to 1.0; still an anomaly.
    reasons.push({
      type: 'FEATURE_TYPE_LOW_FRACTION_PRESENT',
      shortDescription: DROPPED,
      description: `The feature was expected everywhere, but was missing in ${sixDigits(missing)} examples.`,
    });
  }
  return reasons;
}
