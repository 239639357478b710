import { type Engine, listFiles, sqlStringList } from '@ctpipe/data';
import { CtpipeError } from '@ctpipe/errors';
import type {
  DatasetFeatureStatistics,
  DatasetFeatureStatisticsList,
  FeatureNameStatistics,
} from '../types/statistics.js';
import { featureColumn } from './feature-columns.js';
import { int64 } from './json-values.js';
import { type NumericStatisticsOptions, numericStatistics } from './numeric-stats.js';
import { orderStatistics } from './order-statistics-query.js';
import { type NumericProfile, profileDataset, type StringProfile } from './profile-query.js';
import { stringStatistics } from './string-stats.js';
import { valueCounts } from './value-counts-query.js';

/** One dataset to describe: its name in the output (the split) and a SQL FROM expression to read it. */
export interface StatisticsDataset {
  name: string;
  /** e.g. `read_parquet('…/Split-train/*.parquet')` or a view's quoted name. */
  source: string;
}

/** TFDV's StatsOptions that shape the output; every default is TFDV's. */
export interface StatisticsOptions {
  /** Top values per string feature (num_top_values, 20). */
  numTopValues?: number;
  /** Rank histogram buckets per string feature (num_rank_histogram_buckets, 1000). */
  numRankHistogramBuckets?: number;
  /** STANDARD histogram buckets (num_histogram_buckets, 10). */
  numHistogramBuckets?: number;
  /** QUANTILES histogram buckets (num_quantiles_histogram_buckets, 10); 100× as many quantiles are computed. */
  numQuantilesHistogramBuckets?: number;
  /** Buckets of each feature's value-count histogram (num_values_histogram_buckets, 10). */
  numValuesHistogramBuckets?: number;
}

// TFDV's _NUM_QUANTILES_FACTOR_FOR_STD_HISTOGRAM: fine quantiles per QUANTILES bucket, from which the
// STANDARD histogram is interpolated.
const QUANTILES_FACTOR = 100;

/**
 * TFDV's StatisticsGen over DuckDB: a DatasetFeatureStatisticsList (proto3 JSON) with one dataset per input,
 * one feature per column in column order. Everything is aggregated in SQL; per dataset one scan profiles every
 * column, then each numeric column gets one query for its exact quantiles and each string column one GROUP BY.
 */
export async function computeStatistics(
  engine: Engine,
  datasets: readonly StatisticsDataset[],
  options: StatisticsOptions = {},
): Promise<DatasetFeatureStatisticsList> {
  const resolved = resolveOptions(options);
  const result: DatasetFeatureStatistics[] = [];
  for (const dataset of datasets) result.push(await datasetStatistics(engine, dataset, resolved));
  return { datasets: result };
}

/** Statistics of an Examples artifact's splits (`<examplesDir>/Split-<name>/*.parquet`), named by split. */
export async function statisticsForExamples(
  engine: Engine,
  examplesDir: string,
  splitNames: readonly string[],
  options: StatisticsOptions = {},
): Promise<DatasetFeatureStatisticsList> {
  const datasets: StatisticsDataset[] = [];
  for (const name of splitNames) {
    // Joined by hand: path.join would fold the `//` of a gs:// URI, which listFiles maps to its FUSE path.
    const files = await listFiles(`${examplesDir.replace(/\/+$/, '')}/Split-${name}/*.parquet`);
    datasets.push({ name, source: `read_parquet(${sqlStringList(files)})` });
  }
  return computeStatistics(engine, datasets, options);
}

type ResolvedOptions = Required<StatisticsOptions>;

async function datasetStatistics(
  engine: Engine,
  dataset: StatisticsDataset,
  options: ResolvedOptions,
): Promise<DatasetFeatureStatistics> {
  const columns = (await engine.describe(`SELECT * FROM ${dataset.source}`)).map(featureColumn);
  const profile = await profileDataset(engine, dataset.source, columns);
  const numeric: NumericStatisticsOptions = {
    numHistogramBuckets: options.numHistogramBuckets,
    quantilesFactor: QUANTILES_FACTOR,
    numValuesHistogramBuckets: options.numValuesHistogramBuckets,
  };
  const features: FeatureNameStatistics[] = [];
  for (const [i, column] of columns.entries()) {
    const featurePath = { step: [column.name] };
    if (column.stats === 'numeric') {
      const columnProfile = profile.columns[i] as NumericProfile;
      const order = await orderStatistics(
        engine,
        dataset.source,
        column,
        columnProfile,
        QUANTILES_FACTOR * options.numQuantilesHistogramBuckets,
      );
      const numStats = numericStatistics(profile.numExamples, columnProfile, order, numeric);
      features.push({ path: featurePath, type: column.type, numStats });
    } else {
      const columnProfile = profile.columns[i] as StringProfile;
      const limit = Math.max(options.numTopValues, options.numRankHistogramBuckets);
      const counts =
        columnProfile.present > 0
          ? await valueCounts(engine, dataset.source, column, limit)
          : { unique: 0, top: [] };
      const stringStats = stringStatistics(profile.numExamples, columnProfile, counts, options);
      features.push({ path: featurePath, type: column.type, stringStats });
    }
  }
  return { name: dataset.name, numExamples: int64(profile.numExamples), features };
}

function resolveOptions(options: StatisticsOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    numTopValues: options.numTopValues ?? 20,
    numRankHistogramBuckets: options.numRankHistogramBuckets ?? 1000,
    numHistogramBuckets: options.numHistogramBuckets ?? 10,
    numQuantilesHistogramBuckets: options.numQuantilesHistogramBuckets ?? 10,
    numValuesHistogramBuckets: options.numValuesHistogramBuckets ?? 10,
  };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new CtpipeError(
        'BAD_CONFIG',
        `statistics option ${name} must be a positive integer, got ${value}`,
        {
          details: { path: name, expected: 'a positive integer', found: String(value) },
        },
      );
    }
  }
  return resolved;
}
