import type { SliceMetrics } from './sliced-metrics.js';

/** What a task's analysis yields per slice, before metric selection, omission and intervals. */
export type SliceResult = Pick<
  SliceMetrics,
  'exampleCount' | 'unknownLabelCount' | 'metrics' | 'confusionMatrix' | 'perClass' | 'calibration'
>;

/** A task (classification, regression) prepared once per batch, then evaluated per grouping of rows. */
export interface TaskAnalysis {
  /** One result per slice of the grouping; `weights` (a bootstrap replicate) multiplies each row. */
  evaluate(sliceOf: Int32Array, sliceCount: number, weights?: Float64Array): SliceResult[];
}
