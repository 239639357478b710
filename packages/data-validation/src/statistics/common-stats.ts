import type { CommonStatistics } from '../types/statistics.js';
import { int64, jsonDouble } from './json-values.js';
import { bucketsFromQuantiles } from './quantiles-histogram.js';

/**
 * CommonStatistics of a column holding one value per row (a NULL is a missing value). TFDV leaves the valency
 * fields unset when nothing is present; here they read 0, which is the same message in proto3.
 */
export function commonStatistics(
  numExamples: number,
  present: number,
  numValuesBuckets: number,
): CommonStatistics {
  const stats: CommonStatistics = {
    numNonMissing: int64(present),
    numMissing: int64(numExamples - present),
    minNumValues: int64(present > 0 ? 1 : 0),
    maxNumValues: int64(present > 0 ? 1 : 0),
    avgNumValues: present > 0 ? 1 : 0,
    totNumValues: int64(present),
  };
  if (present > 0) {
    // TFDV's quantiles histogram over the per-row value counts: every count is 1, so every quantile is 1 with
    // all rows at or below it, and the rows spread evenly over point buckets at 1.
    const boundaries = new Array<number>(numValuesBuckets + 1).fill(1);
    const cumulative = new Array<number>(numValuesBuckets + 1).fill(present);
    stats.numValuesHistogram = {
      buckets: bucketsFromQuantiles(boundaries, cumulative).map((b) => ({
        lowValue: b.low,
        highValue: b.high,
        sampleCount: jsonDouble(b.count),
      })),
      type: 'QUANTILES',
    };
  }
  return stats;
}
