import type { AnomalyReason } from '../../types/anomalies.js';
import type { Schema } from '../../types/schema.js';
import type { DatasetFeatureStatistics } from '../../types/statistics.js';
import { sixDigits } from '../format-number.js';
import { toNumber } from '../stats-view.js';

/**
 * TFDV's dataset-level checks: the example count against min/max, and its ratio to the previous span's
 * count against numExamplesDriftComparator.
 */
export function checkDatasetConstraints(
  current: DatasetFeatureStatistics,
  constraints: Schema['datasetConstraints'],
  previous: DatasetFeatureStatistics | undefined,
): AnomalyReason[] {
  if (constraints === undefined) return [];
  const reasons: AnomalyReason[] = [];
  const count = toNumber(current.numExamples);
  const drift = constraints.numExamplesDriftComparator;
  if (drift && previous) reasons.push(...checkRatio(count, toNumber(previous.numExamples), drift));
  if (constraints.minExamplesCount !== undefined && count < toNumber(constraints.minExamplesCount)) {
    reasons.push({
      type: 'DATASET_LOW_NUM_EXAMPLES',
      shortDescription: 'Low num examples in dataset.',
      description: `The dataset has ${sixDigits(count)} examples, which is fewer than expected.`,
    });
  }
  // TFDV only looks at max_examples_count when min_examples_count is set too; checking it alone is the intent.
  if (constraints.maxExamplesCount !== undefined && count > toNumber(constraints.maxExamplesCount)) {
    reasons.push({
      type: 'DATASET_HIGH_NUM_EXAMPLES',
      shortDescription: 'High num examples in dataset.',
      description: `The dataset has ${sixDigits(count)} examples, which is more than expected.`,
    });
  }
  return reasons;
}

function checkRatio(
  count: number,
  previousCount: number,
  comparator: { minFractionThreshold?: number; maxFractionThreshold?: number },
): AnomalyReason[] {
  const control = 'previous span';
  const reasons: AnomalyReason[] = [];
  const { minFractionThreshold: min, maxFractionThreshold: max } = comparator;
  const ratio = count / previousCount;
  const ratioText = `The ratio of num examples in the current dataset versus the ${control} is ${sixDigits(ratio)} (up to six significant digits), which is`;
  if (max !== undefined && previousCount === 0) {
    reasons.push({
      type: 'COMPARATOR_HIGH_NUM_EXAMPLES',
      shortDescription: `High num examples in current dataset versus the ${control}, which has 0.`,
      description: `The ${control} has 0 examples, so there is a high number of examples in the current dataset versus the ${control}.`,
    });
  } else if (max !== undefined && ratio > max) {
    reasons.push({
      type: 'COMPARATOR_HIGH_NUM_EXAMPLES',
      shortDescription: `High num examples in current dataset versus the ${control}.`,
      description: `${ratioText} above the threshold ${sixDigits(max)}.`,
    });
  }
  if (min !== undefined && previousCount !== 0 && ratio < min) {
    reasons.push({
      type: 'COMPARATOR_LOW_NUM_EXAMPLES',
      shortDescription: `Low num examples in current dataset versus the ${control}.`,
      description: `${ratioText} below the threshold ${sixDigits(min)}.`,
    });
  }
  return reasons;
}
