import { rankHistogramCounts } from '../../comparators/categorical-counts.js';
import { jensenShannonDivergence } from '../../comparators/jensen-shannon.js';
import { lInfinityDistance, normalizedAbsoluteDifference } from '../../comparators/l-infinity.js';
import type { AnomalyReason, DriftSkewMeasurement } from '../../types/anomalies.js';
import type { FeatureComparator } from '../../types/schema.js';
import type { DatasetFeatureStatistics, FeatureNameStatistics } from '../../types/statistics.js';
import { sixDigits } from '../format-number.js';
import { findFeature, histogramOfType } from '../stats-view.js';

export type ComparisonKind = 'drift' | 'skew';

// TFDV's wording: drift compares current against previous, skew training against serving.
const NAMES: Record<ComparisonKind, { treatment: string; control: string }> = {
  drift: { treatment: 'current', control: 'previous' },
  skew: { treatment: 'training', control: 'serving' },
};

export interface ComparisonResult {
  reasons: AnomalyReason[];
  measurements: DriftSkewMeasurement[];
}

/**
 * TFDV's UpdateFeatureComparatorDirect: every threshold set is measured (L∞, normalized absolute difference,
 * JSD, in that order); a value above its threshold is an anomaly. No thresholds or no control dataset: nothing.
 */
export function compareFeature(
  name: string,
  treatment: FeatureNameStatistics,
  control: DatasetFeatureStatistics | undefined,
  comparator: FeatureComparator | undefined,
  kind: ComparisonKind,
): ComparisonResult {
  const result: ComparisonResult = { reasons: [], measurements: [] };
  const linf = comparator?.infinityNorm?.threshold;
  const nad = comparator?.normalizedAbsDifference?.threshold;
  const jsd = comparator?.jensenShannonDivergence?.threshold;
  if ((linf === undefined && nad === undefined && jsd === undefined) || control === undefined) return result;
  const names = NAMES[kind];
  const controlStats = findFeature(control, name);
  if (controlStats === undefined) {
    result.reasons.push({
      type: 'COMPARATOR_CONTROL_DATA_MISSING',
      shortDescription: `${names.control} data missing`,
      description: `${names.control} data is missing.`,
    });
    return result;
  }
  const between = `between ${names.treatment} and ${names.control}`;
  const above = (value: number, threshold: number) =>
    `is ${sixDigits(value)} (up to six significant digits), above the threshold ${sixDigits(threshold)}.`;

  const treatmentCounts = rankHistogramCounts(treatment.stringStats?.rankHistogram);
  const controlCounts = rankHistogramCounts(controlStats.stringStats?.rankHistogram);
  if (linf !== undefined) {
    const { value, label } = lInfinityDistance(treatmentCounts, controlCounts);
    result.measurements.push({ type: 'L_INFTY', value, threshold: linf });
    if (value > linf) {
      result.reasons.push({
        type: 'COMPARATOR_L_INFTY_HIGH',
        shortDescription: `High Linfty distance ${between}`,
        description: `The Linfty distance ${between} ${above(value, linf)} The feature value with maximum difference is: ${label}`,
      });
    }
  }
  if (nad !== undefined) {
    const { value, label } = normalizedAbsoluteDifference(treatmentCounts, controlCounts);
    result.measurements.push({ type: 'NORMALIZED_ABSOLUTE_DIFFERENCE', value, threshold: nad });
    if (value > nad) {
      result.reasons.push({
        type: 'COMPARATOR_NORMALIZED_ABSOLUTE_DIFFERENCE_HIGH',
        shortDescription: `High normalized absolute difference ${between}`,
        description: `The normalized absolute difference ${between} ${above(value, nad)} The feature value with maximum difference is: ${label}`,
      });
    }
  }
  if (jsd !== undefined) {
    const value = divergenceOf(treatment, controlStats, treatmentCounts, controlCounts, comparator);
    // No histogram on either side: TFDV logs a warning and records nothing.
    if (value !== undefined) {
      result.measurements.push({ type: 'JENSEN_SHANNON_DIVERGENCE', value, threshold: jsd });
      if (value > jsd) {
        result.reasons.push({
          type: 'COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH',
          shortDescription: `High approximate Jensen-Shannon divergence ${between}`,
          description: `The approximate Jensen-Shannon divergence ${between} ${above(value, jsd)}`,
        });
      }
    }
  }
  return result;
}

/** Categorical counts when both sides have them, otherwise the selected numeric histogram (DEFAULT = STANDARD). */
function divergenceOf(
  treatment: FeatureNameStatistics,
  control: FeatureNameStatistics,
  treatmentCounts: Map<string, number>,
  controlCounts: Map<string, number>,
  comparator: FeatureComparator | undefined,
): number | undefined {
  if (treatmentCounts.size > 0 && controlCounts.size > 0) {
    return jensenShannonDivergence(treatmentCounts, controlCounts);
  }
  const type = comparator?.jensenShannonDivergence?.source?.type === 'QUANTILES' ? 'QUANTILES' : 'STANDARD';
  const a = histogramOfType(treatment, type);
  const b = histogramOfType(control, type);
  return a && b ? jensenShannonDivergence(a, b) : undefined;
}
