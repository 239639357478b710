import { type CategoricalCounts, sumValues, unionLabels } from './categorical-counts.js';

export interface MaxDifference {
  value: number;
  /** The label where the difference is largest ("" when both sides are empty). */
  label: string;
}

/**
 * L-infinity distance between two categorical distributions (TFDV's infinity_norm comparator): each side
 * normalised to sum 1 on its own, then the largest absolute difference over the union of labels.
 * Numeric features have no rank histogram, so their distance is 0 (data-validation#147): use JSD for them.
 */
export function lInfinityDistance(a: CategoricalCounts, b: CategoricalCounts): MaxDifference {
  return maxAbsDifference(a, b, sumValues(a), sumValues(b));
}

/**
 * TFDV's normalized_abs_difference: the largest |a_i − b_i| over raw counts, divided by the combined total.
 */
export function normalizedAbsoluteDifference(a: CategoricalCounts, b: CategoricalCounts): MaxDifference {
  const total = sumValues(a) + sumValues(b);
  return maxAbsDifference(a, b, total, total);
}

function maxAbsDifference(
  p: CategoricalCounts,
  q: CategoricalCounts,
  totalP: number,
  totalQ: number,
): MaxDifference {
  // An empty side stays all zeros instead of dividing by zero, as TFDV's Normalize does.
  const scaleP = totalP === 0 ? 1 : totalP;
  const scaleQ = totalQ === 0 ? 1 : totalQ;
  let best: MaxDifference = { value: 0, label: '' };
  for (const label of unionLabels(p, q)) {
    const diff = Math.abs((p.get(label) ?? 0) / scaleP - (q.get(label) ?? 0) / scaleQ);
    // `>=`: on ties the last label in code-point order wins, matching TFDV's reported value.
    if (diff >= best.value) best = { value: diff, label };
  }
  return best;
}
