import type { AnomalyReason } from '../../types/anomalies.js';
import type { StringDomain } from '../../types/schema.js';
import type { FeatureNameStatistics } from '../../types/statistics.js';
import { cEscape } from '../c-escape.js';
import { compareCodePoints } from '../code-point-order.js';
import { stringValueCounts, totalValueCount } from '../stats-view.js';

/**
 * TFDV's UpdateStringDomain: values outside the domain are an anomaly when their share of all values exceeds
 * 1 − minDomainMass, or when minDomainMass is unset (TFDV then tolerates none).
 */
export function checkStringDomain(
  stats: FeatureNameStatistics,
  domain: StringDomain,
  minDomainMass: number | undefined,
): AnomalyReason[] {
  const maxOffDomain = minDomainMass === undefined ? 0 : 1 - minDomainMass;
  const allowed = new Set(domain.value);
  const unexpected = [...stringValueCounts(stats)]
    .filter(([value]) => !allowed.has(value))
    .sort(([a], [b]) => compareCodePoints(a, b));
  if (unexpected.length === 0) return [];
  const unexpectedCount = unexpected.reduce((sum, [, count]) => sum + count, 0);
  const total = totalValueCount(stats);
  if (!(unexpectedCount / total > maxOffDomain || maxOffDomain === 0)) return [];
  const listed = unexpected.map(
    ([value, count]) => `${cEscape(value)} (${percentage(Math.trunc(count), total)})`,
  );
  return [
    {
      type: 'ENUM_TYPE_UNEXPECTED_STRING_VALUES',
      shortDescription: 'Unexpected string values',
      description: `Examples contain values missing from the schema: ${listed.join(', ')}. `,
    },
  ];
}

/** "<1%" or "~N%" with N floored, "?" when the total is unknown: TFDV's PercentageAsString. */
function percentage(count: number, total: number): string {
  if (!(total > 0)) return '?';
  const percent = (100 * count) / total;
  return percent < 1 ? '<1%' : `~${Math.floor(percent)}%`;
}
