import type { CommonStatistics } from '../types/statistics.js';
import { int64 } from './json-values.js';

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
    // TFDV's quantiles histogram over the per-row value counts, here all 1: every bucket is the point 1.
    stats.numValuesHistogram = {
      buckets: Array.from({ length: numValuesBuckets }, () => ({
        lowValue: 1,
        highValue: 1,
        sampleCount: present / numValuesBuckets,
      })),
      type: 'QUANTILES',
    };
  }
  return stats;
}
