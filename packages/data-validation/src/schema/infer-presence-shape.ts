import type { Feature } from '../types/schema.js';
import type { FeatureNameStatistics } from '../types/statistics.js';
import { minMaxNumValues, numMissing, numPresent } from '../validation/stats-view.js';

type PresenceAndShape = Pick<Feature, 'presence' | 'shape' | 'valueCount'>;

/**
 * TFDV's InitPresenceAndShape: min_count 1 (0 if never present); min_fraction 1.0 only when never missing;
 * a fixed shape when always present with exactly N values, otherwise a value count.
 */
export function inferPresenceAndShape(
  stats: FeatureNameStatistics,
  inferFeatureShape: boolean,
): PresenceAndShape {
  const present = numPresent(stats);
  if (present <= 0) return { presence: { minCount: '0' } };
  const result: PresenceAndShape = { presence: { minCount: present < 1 ? '0' : '1' } };
  const neverMissing = numMissing(stats) === 0;
  if (neverMissing) result.presence = { minFraction: 1, ...result.presence };

  const { min, max } = minMaxNumValues(stats);
  if (inferFeatureShape && neverMissing && min === max && min > 0) {
    result.shape = { dim: [{ size: String(min) }] };
  } else if (min > 0) {
    // Equal bounds let downstream parsing treat the feature as dense; otherwise only "at least one".
    result.valueCount = min === max ? { min: String(min), max: String(max) } : { min: '1' };
  }
  return result;
}
