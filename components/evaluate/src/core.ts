import type { ComponentCore, CoreContext, InputArtifact } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import { artifactType } from '@ctpipe/ir';
import { loadServingModel, type ServingModel } from '@ctpipe/model';
import { computeMetrics, type EvalConfig, type SlicedMetrics, validateMetrics } from '@ctpipe/model-analysis';
import { uriToLocalPath } from '@ctpipe/storage';
import { predictColumns } from './predict-columns.js';
import { predictionBatch, wantedColumns } from './prediction-batch.js';
import { type EvalColumns, readEvalColumns } from './read-eval-columns.js';
import type { EvaluateSpec } from './spec.js';
import { type EvaluatedModel, writeEvaluation } from './write-evaluation.js';

/** Rows per model call: large enough to amortize the call, small enough to keep row objects short-lived. */
const PREDICT_BATCH = 4096;
/** Overall metrics worth a log line; the rest are in the artifacts. */
const HEADLINE = ['example_count', 'accuracy', 'macro_f1', 'auc', 'log_loss', 'rmse', 'mae', 'r2'];

/**
 * TFX's Evaluator: predict the eval split with the candidate (and the baseline, when a blessed one exists)
 * through the serving path, compute sliced metrics, check the thresholds, write the evaluation and blessing.
 */
export const evaluate: ComponentCore<EvaluateSpec> = async (inputs, ctx) => {
  const config = inputs.parameters.eval_config as unknown as EvalConfig;
  const { examples, model } = inputs.artifacts;
  const baselineArtifact =
    inputs.artifacts.baseline_model ?? blessedModelOf(inputs.artifacts.baseline_blessing);
  const candidate = await loadServingModel(model.path);
  const baseline = baselineArtifact ? await loadServingModel(baselineArtifact.path) : undefined;
  try {
    const served = [
      { role: 'candidate', signature: candidate.signature },
      ...(baseline ? [{ role: 'baseline', signature: baseline.signature }] : []),
    ];
    const data = await readEvalColumns(
      examples.path,
      inputs.parameters.eval_split,
      wantedColumns(config, served),
    );
    if (data.n === 0) {
      throw new CtpipeError(
        'BAD_INPUT',
        `the ${inputs.parameters.eval_split} split has no rows to evaluate on`,
        {
          details: { file: data.file, expected: 'at least one row', found: '0 rows' },
        },
      );
    }
    ctx.log.info('read the eval split', { rows: data.n, columns: data.columns.size });
    const candidateMetrics = analyze(candidate, 'candidate', data, config, ctx);
    const baselineMetrics = baseline ? analyze(baseline, 'baseline', data, config, ctx) : undefined;
    const validation = validateMetrics(candidateMetrics, baselineMetrics, config);
    return await writeEvaluation(inputs.outputs, {
      config,
      candidate: evaluated(model, candidate, candidateMetrics),
      ...(baseline && baselineArtifact && baselineMetrics
        ? { baseline: evaluated(baselineArtifact, baseline, baselineMetrics) }
        : {}),
      validation,
      log: ctx.log,
    });
  } finally {
    candidate.dispose();
    baseline?.dispose();
  }
};

function analyze(
  model: ServingModel,
  role: string,
  data: EvalColumns,
  config: EvalConfig,
  ctx: CoreContext,
): SlicedMetrics {
  const outputs = predictColumns(model, data, PREDICT_BATCH, (done) =>
    ctx.log.progress(`predict (${role})`, done, data.n, 'rows'),
  );
  const metrics = computeMetrics(predictionBatch(outputs, data, config), config);
  const overall = metrics.slices[0]?.metrics ?? {};
  const headline = HEADLINE.filter((name) => overall[name] !== undefined).map((name) => [
    name,
    overall[name],
  ]);
  ctx.log.info(`${role} metrics`, {
    version: model.version,
    slices: metrics.slices.length,
    ...Object.fromEntries(headline),
  });
  return metrics;
}

function evaluated(artifact: InputArtifact, model: ServingModel, metrics: SlicedMetrics): EvaluatedModel {
  return { uri: artifact.uri, version: model.version, metrics };
}

/** The model a positive blessing names (metadata.current_model), as an input artifact of the baseline. */
function blessedModelOf(blessing: InputArtifact | undefined): InputArtifact | undefined {
  const uri = blessing?.metadata.current_model;
  if (blessing?.metadata.blessed !== 1 || typeof uri !== 'string' || uri === '') return undefined;
  return { type: artifactType('system.Model'), uri, path: uriToLocalPath(uri), metadata: {} };
}
