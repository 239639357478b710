export { computeMetrics } from './compute-metrics.js';
export { checkEvalConfig } from './config/check-eval-config.js';
export { allMetricNames } from './config/metric-names.js';
export {
  type ClassificationMetricsMetadata,
  toClassificationMetricsMetadata,
  toMetricsMetadata,
} from './kfp/kfp-metadata.js';
export { metricsTable } from './report/metrics-table.js';
export { type EvaluationReportInput, renderEvaluationReport } from './report/render-report.js';
export { sliceKeyToString } from './slicing/slice-key.js';
export type {
  EvalConfig,
  MetricDirection,
  MetricThreshold,
  PerSliceThreshold,
  SlicingSpec,
} from './types/eval-config.js';
export type { FeatureColumn, PredictionBatch } from './types/prediction-batch.js';
export type { CalibrationBin, SlicedMetrics, SliceKey, SliceMetrics } from './types/sliced-metrics.js';
export type { ValidationFailure, ValidationResult } from './types/validation-result.js';
export { validateMetrics } from './validation/validate-metrics.js';
