import { bootstrapIntervals, type Intervals } from './bootstrap/bootstrap-intervals.js';
import { classificationAnalysis } from './classification/classification-analysis.js';
import { type CheckedInput, checkBatch } from './config/check-batch.js';
import { checkEvalConfig } from './config/check-eval-config.js';
import { allMetricNames, isUnitIntervalMetric, selectMetrics } from './config/metric-names.js';
import { regressionAnalysis } from './regression/regression-analysis.js';
import { type ColumnCache, groupRows, type SliceGrouping } from './slicing/group-rows.js';
import { effectiveSlicingSpecs } from './slicing/slicing-spec-id.js';
import type { EvalConfig } from './types/eval-config.js';
import type { PredictionBatch } from './types/prediction-batch.js';
import type { SliceResult, TaskAnalysis } from './types/slice-result.js';
import type { SlicedMetrics, SliceMetrics } from './types/sliced-metrics.js';

/**
 * TFMA's metrics computation for one model's predictions: overall first, then every slice of every slicing spec
 * (including specs only per-slice thresholds mention). Columnar throughout: one grouping pass per spec, one
 * metrics pass per grouping, one score sort per class for all AUCs. Config problems are BAD_CONFIG, data
 * problems BAD_INPUT (both CtpipeError).
 */
export function computeMetrics(batch: PredictionBatch, config: EvalConfig): SlicedMetrics {
  checkEvalConfig(config);
  const input = checkBatch(batch);
  const classes = input.task === 'classification' ? input.classes : [];
  const selected = selectMetrics(config.metrics, input.task, classes);
  const analysis = analysisFor(input, selected);
  const cache: ColumnCache = new Map();
  const groupings = effectiveSlicingSpecs(config).map((spec) =>
    groupRows(spec, batch.features, input.n, cache),
  );
  const points = groupings.map((g) => analysis.evaluate(g.sliceOf, g.keys.length));
  const intervals = config.confidenceIntervals
    ? bootstrapIntervals(
        analysis,
        groupings.map((g) => ({ sliceOf: g.sliceOf, sliceCount: g.keys.length })),
        points,
        input.n,
        { ...config.confidenceIntervals, unitInterval: (name) => isUnitIntervalMetric(input.task, name) },
      )
    : undefined;
  const order = allMetricNames(input.task, classes).filter((name) => selected.has(name));
  const result: SlicedMetrics = { task: input.task, slices: [], omittedSlices: [] };
  if (input.task === 'classification') result.classes = [...classes];
  groupings.forEach((grouping, gi) => {
    grouping.keys.forEach((slice, s) => {
      const point = points[gi]![s]!;
      const isOverall = gi === 0;
      if (!isOverall && point.exampleCount < (config.minSliceSize ?? 0)) {
        result.omittedSlices.push({ slice, slicingSpec: grouping.spec, exampleCount: point.exampleCount });
        return;
      }
      result.slices.push(sliceMetrics(grouping, slice, point, order, intervals?.[gi]?.[s]));
    });
  });
  return result;
}

function analysisFor(input: CheckedInput, selected: Set<string>): TaskAnalysis {
  if (input.task === 'regression') return regressionAnalysis(input);
  const withAuc = [...selected].some((m) => m === 'auc' || m.startsWith('auc/'));
  return classificationAnalysis(input, withAuc);
}

function sliceMetrics(
  grouping: SliceGrouping,
  slice: SliceMetrics['slice'],
  point: SliceResult,
  order: string[],
  intervals: Intervals | undefined,
): SliceMetrics {
  const metrics: Record<string, number> = {};
  for (const name of order) {
    const v = point.metrics[name];
    if (v !== undefined) metrics[name] = v;
  }
  const out: SliceMetrics = {
    slice,
    slicingSpec: grouping.spec,
    exampleCount: point.exampleCount,
    unknownLabelCount: point.unknownLabelCount,
    metrics,
  };
  if (intervals) {
    out.confidenceIntervals = Object.fromEntries(
      order.filter((name) => intervals[name] !== undefined).map((name) => [name, intervals[name]!]),
    );
  }
  if (point.confusionMatrix) out.confusionMatrix = point.confusionMatrix;
  if (point.perClass) out.perClass = point.perClass;
  if (point.calibration) out.calibration = point.calibration;
  return out;
}
