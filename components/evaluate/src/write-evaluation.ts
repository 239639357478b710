import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CoreInputs, CoreResult, Logger } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import {
  type EvalConfig,
  metricsTable,
  renderEvaluationReport,
  type SlicedMetrics,
  type SliceMetrics,
  toClassificationMetricsMetadata,
  type ValidationResult,
} from '@ctpipe/model-analysis';
import { metricDiffs } from './metric-diffs.js';
import type { EvaluateSpec } from './spec.js';

export const EVALUATION_FILE = 'evaluation.json';
export const BLESSED = 'BLESSED';
export const NOT_BLESSED = 'NOT_BLESSED';
export const REPORT_FILE = 'index.html';

export interface EvaluatedModel {
  uri: string;
  version: number;
  metrics: SlicedMetrics;
}

export interface Evaluation {
  config: EvalConfig;
  candidate: EvaluatedModel;
  baseline?: EvaluatedModel;
  validation: ValidationResult;
  log: Logger;
}

/**
 * Writes the four artifacts as TFX's Evaluator does (the ModelEvaluation, the ModelBlessing's empty verdict file)
 * plus KFP's metric artifacts for the Vertex AI UI and an HTML report; returns the output parameters and metadata.
 */
export async function writeEvaluation(
  out: CoreInputs<EvaluateSpec>['outputs'],
  evaluation: Evaluation,
): Promise<CoreResult<EvaluateSpec>> {
  const { candidate, baseline, validation, config } = evaluation;
  const blessed = validation.validationOk;
  const reasons = [...validation.failures.map((f) => f.message), ...validation.notes];
  const overall = overallSlice(candidate.metrics);
  const classes = candidate.metrics.classes;

  const document = {
    version: 1,
    eval_config: config,
    candidate: { model: candidate.uri, version: candidate.version, metrics: candidate.metrics },
    baseline: baseline ? { model: baseline.uri, version: baseline.version, metrics: baseline.metrics } : null,
    diffs: baseline ? metricDiffs(candidate.metrics, baseline.metrics) : [],
    validation,
  };
  await writeFile(path.join(out.evaluation.path, EVALUATION_FILE), `${JSON.stringify(document, null, 1)}\n`);
  await writeFile(path.join(out.blessing.path, blessed ? BLESSED : NOT_BLESSED), '');
  const html = renderEvaluationReport({
    title: `Model evaluation — version ${candidate.version}`,
    candidate: candidate.metrics,
    ...(baseline ? { baseline: baseline.metrics } : {}),
    validation,
    ...(classes ? { classes } : {}),
  });
  await writeFile(path.join(out.report.path, REPORT_FILE), html);

  const table = metricsTable(candidate.metrics);
  if (blessed)
    evaluation.log.info('blessed', { rubber_stamp: validation.rubberStamp, notes: validation.notes });
  else evaluation.log.warn('NOT blessed', { reasons });
  const accuracy = overall.metrics.accuracy ?? 0;
  return {
    parameters: { blessed, accuracy },
    metadata: {
      evaluation: finiteNumbers(overall.metrics),
      classification_metrics: classes ? { ...toClassificationMetricsMetadata(overall, classes) } : {},
      blessing: {
        // The blessing's identity for the cache is what its consumers use: the verdict and the model it names (the
        // next run's evaluate loads that model as its baseline). Without it every run's new blessing artifact would
        // make the next evaluate, and push after it, run again although nothing changed.
        digest: createHash('sha256')
          .update(JSON.stringify({ blessed, model: candidate.uri }))
          .digest('hex'),
        blessed: blessed ? 1 : 0,
        current_model: candidate.uri,
        current_model_version: candidate.version,
        baseline_model: baseline?.uri ?? '',
        ...(baseline ? { baseline_model_version: baseline.version } : {}),
        rubber_stamp: validation.rubberStamp,
        reasons,
        metrics_table: { header: table.header, rows: table.rows },
      },
      report: { slices: candidate.metrics.slices.length },
    },
  };
}

function overallSlice(metrics: SlicedMetrics): SliceMetrics {
  const overall = metrics.slices.find((s) => Object.keys(s.slice).length === 0);
  // computeMetrics always computes the overall slice; its absence is a bug there, not a user error.
  if (!overall) throw new CtpipeError('INTERNAL', 'the sliced metrics have no overall slice');
  return overall;
}

/** system.Metrics wants `{name: number}`; JSON cannot carry NaN or ±Infinity. */
function finiteNumbers(metrics: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(metrics).filter(([, v]) => Number.isFinite(v)));
}
