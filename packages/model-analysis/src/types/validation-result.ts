import type { MetricThreshold } from './eval-config.js';
import type { SliceKey } from './sliced-metrics.js';

export interface ValidationResult {
  /** No failures and no missing slices. With no thresholds at all it equals `rubberStamp` (TFMA). */
  validationOk: boolean;
  /** No baseline was given: change thresholds were skipped (the first model's free pass). */
  rubberStamp: boolean;
  failures: ValidationFailure[];
  /** Thresholded slices that have no data (also reported as failures). */
  missingSlices: SliceKey[];
  /** What was checked and skipped, for people (e.g. "no baseline: 2 change thresholds skipped"). */
  notes: string[];
}

export interface ValidationFailure {
  slice: SliceKey;
  metric: string;
  /** undefined when the metric (or the slice) is missing. */
  value: number | undefined;
  baseline?: number;
  threshold: MetricThreshold;
  /** Names the slice, the metric, the value, the baseline and the bound. */
  message: string;
}
