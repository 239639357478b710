import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CoreContext, CoreInputs, CoreResult } from '@ctpipe/contract';
import { examplesSplitNames, fileSource, openEngine } from '@ctpipe/data';
import {
  type Anomalies,
  anomalyTable,
  computeStatistics,
  type DatasetFeatureStatistics,
  inferSchema,
  loadSchemaFile,
  renderValidationReport,
  type Schema,
  schemaToTextProto,
  statisticsForExamples,
  updateSchema,
  validateStatistics,
  withDefaultComparators,
} from '@ctpipe/data-validation';
import { readStatisticsArtifact, STATS_FILE } from './read-statistics.js';
import type { ValidateSpec } from './spec.js';

const ANOMALIES_FILE = 'SchemaDiff.json';
/** Anomaly rows kept on the artifact's metadata for the CLI and the Vertex UI; the file holds them all. */
const METADATA_ROWS = 50;

/**
 * TFDV's three steps over the Examples: statistics per split, the schema (curated or inferred from train),
 * then anomalies per split — with drift against the previous span and skew against serving data on train.
 */
export async function validate(
  inputs: CoreInputs<ValidateSpec>,
  ctx: CoreContext,
): Promise<CoreResult<ValidateSpec>> {
  const p = inputs.parameters;
  const { examples, baseline_statistics: baseline, serving_statistics: serving } = inputs.artifacts;
  const out = inputs.outputs;
  const splits = await examplesSplitNames(examples.path, examples.metadata.split_names);

  const tempDir = join(out.statistics.path, '.tmp');
  await mkdir(tempDir, { recursive: true });
  const engine = await openEngine({ tempDir });
  let statistics: Map<string, DatasetFeatureStatistics>;
  let servingFromLog: DatasetFeatureStatistics | undefined;
  try {
    const list = await statisticsForExamples(engine, examples.path, splits);
    statistics = new Map(list.datasets.map((d) => [d.name, d]));
    if (p.serving_data !== '') {
      const table = await fileSource(p.serving_data).open(engine, 'serving_data');
      const [logged] = (await computeStatistics(engine, [{ name: 'serving', source: table.ref }])).datasets;
      servingFromLog = logged;
      ctx.log.info('serving statistics', { source: p.serving_data, examples: logged?.numExamples });
    }
  } finally {
    await engine.close();
    await rm(tempDir, { recursive: true, force: true });
  }
  const digest = createHash('sha256');
  for (const [name, dataset] of statistics) {
    const text = `${JSON.stringify({ datasets: [dataset] }, null, 1)}\n`;
    digest.update(JSON.stringify(dataset, roundForDigest));
    await writeSplitFile(out.statistics.path, name, STATS_FILE, text);
    ctx.log.info('statistics', {
      split: name,
      examples: dataset.numExamples,
      features: dataset.features.length,
    });
  }

  const train = statistics.get('train') ?? statistics.values().next().value!;
  const { schema_path: curated } = p;
  const previousSchema = inputs.artifacts.baseline_schema;
  const inferred = curated === '' && !previousSchema;
  let schema: Schema = curated
    ? await loadSchemaFile(curated)
    : previousSchema
      ? await loadSchemaFile(join(previousSchema.path, 'schema.json'))
      : inferFromSplits(train, statistics);
  if (inferred && p.default_drift_threshold > 0) {
    schema = withDefaultComparators(schema, {
      categoricalLInfinity: p.default_drift_threshold,
      numericJensenShannon: p.default_drift_threshold,
    });
  }
  await writeFile(join(out.schema.path, 'schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
  await writeFile(join(out.schema.path, 'schema.pbtxt'), schemaToTextProto(schema));

  const previous = baseline ? await readStatisticsArtifact(baseline.path) : undefined;
  const servingStats = servingFromLog
    ? new Map([['serving', servingFromLog]])
    : serving
      ? await readStatisticsArtifact(serving.path)
      : undefined;
  const perSplit = new Map<string, Anomalies>();
  for (const [name, dataset] of statistics) {
    // Drift and skew are about what the model learns from: the train split against its counterparts.
    const isTrain = dataset === train;
    const anomalies = validateStatistics(dataset, schema, {
      environment: p.environment,
      ...(isTrain && previous
        ? { previousStatistics: previous.get(name) ?? previous.values().next().value! }
        : {}),
      ...(isTrain && servingStats
        ? { servingStatistics: servingStats.get('serving') ?? servingStats.values().next().value! }
        : {}),
    });
    perSplit.set(name, anomalies);
    await writeSplitFile(out.anomalies.path, name, ANOMALIES_FILE, `${JSON.stringify(anomalies, null, 2)}\n`);
  }

  const rows = [...perSplit].flatMap(([split, a]) => anomalyTable(a).map((row) => ({ split, ...row })));
  const valid = rows.every((r) => r.severity !== 'ERROR');
  ctx.log.info(valid ? 'data is valid' : 'data has ERROR anomalies', { anomalies: rows.length });
  await writeFile(
    join(out.report.path, 'index.html'),
    renderValidationReport({
      title: `Data validation — span ${String(examples.metadata.span ?? '?')}`,
      statistics: { datasets: [...statistics.values(), ...(servingFromLog ? [servingFromLog] : [])] },
      schema,
      anomalies: perSplit.get(train.name) ?? [...perSplit.values()][0]!,
    }),
  );

  return {
    parameters: { valid, anomaly_count: rows.length },
    metadata: {
      statistics: {
        split_names: JSON.stringify(splits),
        span: examples.metadata.span ?? 0,
        // Content identity: the runner keys caches on it, so identical statistics from a rerun still hit.
        digest: digest.digest('hex'),
      },
      schema: {
        inferred,
        source: curated || previousSchema?.uri || 'inferred from the splits',
        features: schema.feature.length,
        digest: createHash('sha256').update(JSON.stringify(schema)).digest('hex'),
      },
      anomalies: {
        blessed: valid ? 1 : 0,
        anomaly_count: rows.length,
        anomalies: rows.slice(0, METADATA_ROWS),
        drift_baseline: baseline?.uri ?? '',
      },
      report: { anomaly_count: rows.length },
    },
  };
}

/** TFX's SchemaGen: infer from the first split (train), then widen with every other split. */
function inferFromSplits(
  train: DatasetFeatureStatistics,
  splits: Map<string, DatasetFeatureStatistics>,
): Schema {
  let schema = inferSchema(train);
  for (const dataset of splits.values()) if (dataset !== train) schema = updateSchema(schema, dataset);
  return schema;
}

/**
 * Parallel floating-point sums differ in the last bits between runs; the content digest (the cache identity of
 * the statistics) must not, so numbers enter it at 12 significant digits.
 */
function roundForDigest(_key: string, value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

async function writeSplitFile(root: string, split: string, file: string, text: string) {
  await mkdir(join(root, `Split-${split}`), { recursive: true });
  await writeFile(join(root, `Split-${split}`, file), text);
}
