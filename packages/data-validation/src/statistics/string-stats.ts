import type { StringStatistics } from '../types/statistics.js';
import { commonStatistics } from './common-stats.js';
import { int64 } from './json-values.js';
import type { StringProfile } from './profile-query.js';
import type { ValueCounts } from './value-counts-query.js';

export interface StringOptions {
  numTopValues: number;
  numRankHistogramBuckets: number;
  numValuesHistogramBuckets: number;
}

/**
 * StringStatistics as TFDV's basic and top-k/uniques generators build them: the top values and the rank
 * histogram share one order (count descending, larger value first on ties), rank buckets are single ranks
 * labelled with their value, and avgLength is UTF-8 bytes per value.
 */
export function stringStatistics(
  numExamples: number,
  profile: StringProfile,
  counts: ValueCounts,
  options: StringOptions,
): StringStatistics {
  return {
    commonStats: commonStatistics(numExamples, profile.present, options.numValuesHistogramBuckets),
    unique: int64(counts.unique),
    topValues: counts.top
      .slice(0, options.numTopValues)
      .map(({ value, count }) => ({ value, frequency: count })),
    avgLength: profile.present > 0 ? profile.totalBytes / profile.present : 0,
    rankHistogram: {
      buckets: counts.top.slice(0, options.numRankHistogramBuckets).map(({ value, count }, rank) => ({
        lowRank: int64(rank),
        highRank: int64(rank),
        label: value,
        sampleCount: count,
      })),
    },
  };
}
