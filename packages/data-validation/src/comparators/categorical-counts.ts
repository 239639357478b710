import type { RankHistogram } from '../types/statistics.js';
import { compareCodePoints } from '../validation/code-point-order.js';
import { toNumber } from '../validation/stats-view.js';

/** Label → count, e.g. from a rank histogram: where TFDV reads categorical distributions from. */
export type CategoricalCounts = ReadonlyMap<string, number>;

export function rankHistogramCounts(histogram: RankHistogram | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const bucket of histogram?.buckets ?? []) {
    counts.set(bucket.label, (counts.get(bucket.label) ?? 0) + toNumber(bucket.sampleCount));
  }
  return counts;
}

/** Union of labels in code-point order (TFDV iterates a std::map, which decides argmax ties). */
export function unionLabels(a: CategoricalCounts, b: CategoricalCounts): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].sort(compareCodePoints);
}

export function sumValues(counts: CategoricalCounts): number {
  let sum = 0;
  for (const v of counts.values()) sum += v;
  return sum;
}
