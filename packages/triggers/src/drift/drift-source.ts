import { inferSchema, validateStatistics, withDefaultComparators } from '@ctpipe/data-validation';
import { type ObjectInfo, type Storage, storageFor } from '@ctpipe/storage';
import type { TriggerSource } from '../source.js';
import { baseName, countInstances, requestLogFiles } from './request-log-files.js';
import { servingStatistics } from './serving-statistics.js';
import { skewedFeatures, skewReason } from './skew-decision.js';
import { latestTrainingBaseline } from './training-baseline.js';

export interface DriftOptions {
  /** The serving request log folder (absolute path or gs://): `requests-<stamp>.ndjson` files. */
  requestLog: string;
  /** Logged instances needed before comparing; fewer wait for the next poll. */
  minInstances: number;
  /** Skew threshold for features whose schema sets no skew comparator (L-infinity / JSD, as validate's default). */
  threshold: number;
  /**
   * Where the checked request files are copied when skew fires: the retraining run's `serving_data` is that folder, so
   * its validate measures the same traffic.
   */
  snapshotDir: string;
  storage?: Storage;
}

/**
 * Training/serving skew: rotated request-log files not checked yet, once they hold ≥ minInstances rows, get TFDV
 * statistics and are compared with the train split of the latest successful run using its schema's skew comparators
 * — the comparison validate makes. A feature past its threshold fires a retraining run on that traffic.
 */
export function driftSource(options: DriftOptions): TriggerSource {
  const storage = options.storage ?? storageFor(options.requestLog);
  return {
    name: 'drift',
    async poll({ store, pipelineName, state, now }) {
      const checked = new Set(Array.isArray(state?.checked) ? state.checked.map(String) : []);
      const listed = await requestLogFiles(storage, options.requestLog);
      const fresh = listed.filter((f) => !checked.has(baseName(f.uri)));
      const keep = { checked: [...checked] };
      if (fresh.length === 0) return { fired: [], skipped: [], state: keep };
      const instances = await countInstances(storage, fresh);
      if (instances < options.minInstances) {
        const why = `drift: ${instances} new logged instance(s) in ${fresh.length} file(s), waiting for min_instances ${options.minInstances}`;
        return { fired: [], skipped: [why], state: keep };
      }
      const baseline = await latestTrainingBaseline(store, pipelineName);
      if (!baseline) {
        return {
          fired: [],
          skipped: ['drift: no successful run to compare serving traffic with yet'],
          state: keep,
        };
      }
      const serving = await servingStatistics(fresh.map((f) => f.uri));
      const schema = withDefaultComparators(baseline.schema ?? inferSchema(baseline.statistics), {
        categoricalLInfinity: options.threshold,
        numericJensenShannon: options.threshold,
        drift: false,
      });
      const anomalies = validateStatistics(baseline.statistics, schema, { servingStatistics: serving });
      const skewed = skewedFeatures(anomalies);
      // Files gone from the listing (log retention) no longer need remembering.
      const present = new Set(listed.map((f) => baseName(f.uri)));
      const next = {
        checked: [...[...checked].filter((n) => present.has(n)), ...fresh.map((f) => baseName(f.uri))],
      };
      if (skewed.length === 0) {
        const why = `drift: ${instances} logged instance(s) checked against run ${baseline.runId}: no feature past its skew threshold`;
        return { fired: [], skipped: [why], state: next };
      }
      const snapshot = await snapshotFiles(storage, fresh, options.snapshotDir, now);
      return {
        fired: [
          {
            trigger: 'drift',
            reason: `${skewReason(skewed, instances)} vs the training data of run ${baseline.runId}`,
            parameters: { serving_data: snapshot },
            dedupeKey: 'drift',
          },
        ],
        skipped: [],
        state: next,
      };
    },
  };
}

/** Copies the checked files into a folder of their own, which then names exactly that traffic. */
async function snapshotFiles(
  from: Storage,
  files: readonly ObjectInfo[],
  dir: string,
  now: Date,
): Promise<string> {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const folder = `${dir.replace(/\/+$/, '')}/serving-data-${stamp}`;
  const to = storageFor(folder);
  for (const file of files)
    await to.writeBytes(`${folder}/${baseName(file.uri)}`, await from.readBytes(file.uri));
  return folder;
}
