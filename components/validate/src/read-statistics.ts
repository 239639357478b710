import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetFeatureStatistics, DatasetFeatureStatisticsList } from '@ctpipe/data-validation';
import { CtpipeError } from '@ctpipe/errors';

/** TFX's ExampleStatistics layout: one `Split-<name>/FeatureStats.json` per split. */
export const STATS_FILE = 'FeatureStats.json';

/** Reads every split's statistics of a statistics artifact (the baseline, or serving statistics). */
export async function readStatisticsArtifact(dir: string): Promise<Map<string, DatasetFeatureStatistics>> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((err: unknown) => {
    throw new CtpipeError('NOT_FOUND', `statistics artifact not found: ${dir}`, {
      details: { path: dir },
      cause: err,
    });
  });
  const splits = new Map<string, DatasetFeatureStatistics>();
  for (const entry of entries.filter((e) => e.isDirectory() && e.name.startsWith('Split-')).sort()) {
    const file = join(dir, entry.name, STATS_FILE);
    let list: DatasetFeatureStatisticsList;
    try {
      list = JSON.parse(await readFile(file, 'utf8')) as DatasetFeatureStatisticsList;
    } catch (err) {
      throw new CtpipeError('BAD_INPUT', `cannot read statistics: ${(err as Error).message}`, {
        details: { file },
        cause: err,
      });
    }
    const dataset = list.datasets?.[0];
    if (!dataset)
      throw new CtpipeError('BAD_INPUT', 'statistics file holds no dataset', { details: { file } });
    splits.set(entry.name.slice('Split-'.length), dataset);
  }
  if (splits.size === 0) {
    throw new CtpipeError('BAD_INPUT', `no Split-<name>/${STATS_FILE} in the statistics artifact`, {
      details: { path: dir },
    });
  }
  return splits;
}
