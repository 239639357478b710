import type { SchemaFeatureType } from '../types/schema.js';
import type {
  CommonStatistics,
  DatasetFeatureStatistics,
  FeatureNameStatistics,
  FeatureStatsType,
  Histogram,
  Int64String,
  JsonDouble,
} from '../types/statistics.js';

/**
 * Read-only accessors over one feature's statistics in proto3 JSON, mirroring TFDV's FeatureStatsView.
 * proto3 JSON omits fields at their default value, so every absent number reads as 0.
 */

export function toNumber(value: JsonDouble | Int64String | number | undefined): number {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}

/** SERIALIZED_PATH of the feature: ctpipe features have a single step, the column name. */
export function featureName(stats: FeatureNameStatistics): string {
  // Statistics written by TFDV itself may carry `name` instead of `path` (the proto's oneof field_id).
  if ('name' in stats && typeof stats.name === 'string') return stats.name;
  return (stats.path?.step ?? []).join('.');
}

export function findFeature(
  dataset: DatasetFeatureStatistics,
  name: string,
): FeatureNameStatistics | undefined {
  return dataset.features.find((f) => featureName(f) === name);
}

export function commonStats(stats: FeatureNameStatistics): CommonStatistics | undefined {
  return stats.numStats?.commonStats ?? stats.stringStats?.commonStats;
}

export function numPresent(stats: FeatureNameStatistics): number {
  return toNumber(commonStats(stats)?.numNonMissing);
}

export function numMissing(stats: FeatureNameStatistics): number {
  return toNumber(commonStats(stats)?.numMissing);
}

export function minMaxNumValues(stats: FeatureNameStatistics): { min: number; max: number } {
  const common = commonStats(stats);
  return { min: Math.max(0, toNumber(common?.minNumValues)), max: toNumber(common?.maxNumValues) };
}

/** Values across all examples; older statistics lack totNumValues, so fall back to present × average. */
export function totalValueCount(stats: FeatureNameStatistics): number {
  const common = commonStats(stats);
  const total = toNumber(common?.totNumValues);
  return total !== 0 ? total : toNumber(common?.numNonMissing) * toNumber(common?.avgNumValues);
}

/** Label → count from the rank histogram: TFDV's source for string domains, L-infinity and categorical JSD. */
export function stringValueCounts(stats: FeatureNameStatistics): Map<string, number> {
  const counts = new Map<string, number>();
  for (const bucket of stats.stringStats?.rankHistogram?.buckets ?? []) {
    counts.set(bucket.label, toNumber(bucket.sampleCount));
  }
  return counts;
}

export function histogramOfType(
  stats: FeatureNameStatistics,
  type: Histogram['type'],
): Histogram | undefined {
  return stats.numStats?.histograms?.find((h) => (h.type ?? 'STANDARD') === type);
}

/** A STRING statistic is a BYTES schema feature (the two protos number their type enums differently). */
export function schemaTypeOf(type: FeatureStatsType): SchemaFeatureType {
  return type === 'STRING' ? 'BYTES' : type;
}
