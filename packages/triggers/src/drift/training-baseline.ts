import {
  type DatasetFeatureStatistics,
  type DatasetFeatureStatisticsList,
  parseSchemaJson,
  type Schema,
} from '@ctpipe/data-validation';
import { CtpipeError } from '@ctpipe/errors';
import type { MetadataStore } from '@ctpipe/metadata';
import { storageFor } from '@ctpipe/storage';

export interface TrainingBaseline {
  runId: string;
  /** The train split of validate's statistics artifact (what the model learned from). */
  statistics: DatasetFeatureStatistics;
  statisticsUri: string;
  /** validate's schema artifact of that run, with its drift/skew comparators; undefined if it has none. */
  schema: Schema | undefined;
}

/** Runs looked back through for the latest SUCCEEDED one. */
const LOOKBACK = 50;

/**
 * What serving traffic is compared with: the data the served model learned from — the statistics and schema
 * validate recorded in the latest successful run that pushed a model (a cached validate counts: its outputs are
 * the reused artifacts). Runs whose data validate rejected are never a baseline; before any push, the latest run
 * with valid data is. undefined before any such run.
 */
export async function latestTrainingBaseline(
  store: MetadataStore,
  pipelineName: string,
): Promise<TrainingBaseline | undefined> {
  const runs = await store.listRuns({ pipelineName, limit: LOOKBACK });
  let fallback: TrainingBaseline | undefined;
  for (const summary of runs) {
    if (summary.state !== 'SUCCEEDED') continue;
    const run = await store.getRun(summary.runId);
    const executions = run?.executions ?? [];
    const validation = executions.find((e) => e.outputs.some((o) => o.key === 'statistics'));
    if (!validation || validation.outputParameters.valid === false) continue;
    const pushed = executions.some((e) => e.outputParameters.pushed === true);
    if (!pushed && fallback) continue;
    const statistics = validation.outputs.find((o) => o.key === 'statistics')!;
    const schema = executions.flatMap((e) => e.outputs).find((o) => o.key === 'schema');
    const baseline = {
      runId: summary.runId,
      statistics: await readTrainSplit(statistics.uri),
      statisticsUri: statistics.uri,
      schema: schema ? await readSchema(schema.uri) : undefined,
    };
    if (pushed) return baseline;
    fallback = baseline;
  }
  return fallback;
}

/** TFX's ExampleStatistics layout: `Split-<name>/FeatureStats.json`; train, or the only split there is. */
async function readTrainSplit(uri: string): Promise<DatasetFeatureStatistics> {
  const storage = storageFor(uri);
  const root = uri.replace(/\/+$/, '');
  const train = `${root}/Split-train/FeatureStats.json`;
  const file = (await storage.exists(train))
    ? train
    : (await storage.glob(`${root}/Split-*/FeatureStats.json`))[0]?.uri;
  if (file === undefined) {
    throw new CtpipeError(
      'NOT_FOUND',
      `no Split-<name>/FeatureStats.json in the statistics artifact ${uri}`,
      {
        details: { path: uri },
      },
    );
  }
  const list = JSON.parse(await storage.readText(file)) as DatasetFeatureStatisticsList;
  const dataset = list.datasets?.[0];
  if (!dataset) throw new CtpipeError('BAD_INPUT', 'statistics file holds no dataset', { details: { file } });
  return dataset;
}

async function readSchema(uri: string): Promise<Schema | undefined> {
  const file = `${uri.replace(/\/+$/, '')}/schema.json`;
  const storage = storageFor(file);
  if (!(await storage.exists(file))) return undefined;
  return parseSchemaJson(await storage.readText(file), file);
}
