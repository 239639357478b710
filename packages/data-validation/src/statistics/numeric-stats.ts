import type { Histogram, NumericStatistics } from '../types/statistics.js';
import { commonStatistics } from './common-stats.js';
import { equiWidthHistogram } from './equi-width-histogram.js';
import { int64, jsonDouble } from './json-values.js';
import type { OrderStatistics } from './order-statistics-query.js';
import type { NumericProfile } from './profile-query.js';
import { type Bucket, medianOfQuantiles, quantilesHistogram } from './quantiles-histogram.js';

export interface NumericStatisticsOptions {
  numHistogramBuckets: number;
  /** Fine quantiles per QUANTILES bucket (TFDV: 100). */
  quantilesFactor: number;
  numValuesHistogramBuckets: number;
}

/**
 * NumericStatistics as TFDV's BasicStatsGenerator builds them. NaN is a present value but takes no part in
 * anything else (it is counted in each histogram's numNan); ±Infinity takes part in min, max, mean and the
 * quantiles. With an infinity present the variance is NaN, which TFDV turns into a std dev of 0
 * (sqrt(max(0, NaN)) in Python).
 */
export function numericStatistics(
  numExamples: number,
  profile: NumericProfile,
  order: OrderStatistics,
  options: NumericStatisticsOptions,
): NumericStatistics {
  const commonStats = commonStatistics(numExamples, profile.present, options.numValuesHistogramBuckets);
  const values = profile.present - profile.nan;
  const empty = { commonStats, mean: 0, stdDev: 0, numZeros: int64(0), min: 0, median: 0, max: 0 };
  if (values === 0) {
    // TFDV sets nothing but the NaN counts when no value is a number.
    const histograms: Histogram[] =
      profile.nan > 0
        ? [
            { numNan: int64(profile.nan), buckets: [], type: 'STANDARD' },
            { numNan: int64(profile.nan), buckets: [], type: 'QUANTILES' },
          ]
        : [];
    return { ...empty, histograms };
  }
  const { posInf, negInf } = profile;
  const finiteMin = profile.finiteMin ?? Number.POSITIVE_INFINITY;
  const finiteMax = profile.finiteMax ?? Number.NEGATIVE_INFINITY;
  const standard = equiWidthHistogram({
    quantiles: order.values,
    cumulative: order.cumulativeCounts,
    finiteMin,
    finiteMax,
    numBuckets: options.numHistogramBuckets,
    numPosInf: posInf,
  });
  const quantiles = quantilesHistogram(order.values, order.cumulativeCounts, options.quantilesFactor);
  const variance = posInf + negInf > 0 ? Number.NaN : (profile.finiteVariance ?? 0);
  return {
    commonStats,
    mean: jsonDouble(meanOf(profile)),
    stdDev: jsonDouble(variance > 0 ? Math.sqrt(variance) : 0),
    numZeros: int64(profile.zeros),
    min: jsonDouble(negInf > 0 ? Number.NEGATIVE_INFINITY : finiteMin),
    median: jsonDouble(medianOfQuantiles(order.values)),
    max: jsonDouble(posInf > 0 ? Number.POSITIVE_INFINITY : finiteMax),
    histograms: [
      histogram('STANDARD', standard, profile.nan),
      histogram('QUANTILES', quantiles, profile.nan),
    ],
  };
}

function meanOf(profile: NumericProfile): number {
  if (profile.posInf > 0 && profile.negInf > 0) return Number.NaN;
  if (profile.posInf > 0) return Number.POSITIVE_INFINITY;
  if (profile.negInf > 0) return Number.NEGATIVE_INFINITY;
  return profile.finiteMean ?? 0;
}

function histogram(type: Histogram['type'], buckets: Bucket[], numNan: number): Histogram {
  return {
    numNan: int64(numNan),
    buckets: buckets.map((b) => ({
      lowValue: jsonDouble(b.low),
      highValue: jsonDouble(b.high),
      sampleCount: jsonDouble(b.count),
    })),
    type,
  };
}
