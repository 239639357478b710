import { CtpipeError } from '@ctpipe/errors';
import type { DatasetFeatureStatistics, DatasetFeatureStatisticsList } from '../types/statistics.js';

export type StatisticsInput = DatasetFeatureStatistics | DatasetFeatureStatisticsList;

/**
 * TFDV validates and infers from exactly one dataset. A list is accepted when it holds one; with several
 * (train, eval …) the caller has to pick, since guessing would silently validate the wrong split.
 */
export function resolveDataset(statistics: StatisticsInput, role: string): DatasetFeatureStatistics {
  if (!('datasets' in statistics)) return statistics;
  const [only, ...rest] = statistics.datasets;
  if (only !== undefined && rest.length === 0) return only;
  const names = statistics.datasets.map((d) => d.name);
  throw new CtpipeError(
    'BAD_INPUT',
    `${role}: expected one dataset in the statistics list, found ${names.length}; pass the one to use`,
    { details: { expected: '1 dataset', found: names.length === 0 ? 'none' : names.join(', ') } },
  );
}
