/** One column of raw feature values used for slicing; `null` (or NaN) is a missing value. */
export type FeatureColumn = (string | number | null)[] | Float64Array;

/**
 * Predictions to analyze, columnar: one entry per example in every array. One shape for both tasks (the
 * evaluate component builds it from a model's output); `computeMetrics` checks that the task's fields are there.
 */
export interface PredictionBatch {
  task: 'classification' | 'regression';
  /** Classification: class labels, in the column order of `probabilities`. */
  classes?: string[];
  /**
   * Classification: class index, -1 = unknown label. Regression: the value, NaN = unknown (-1 is a valid
   * target). Unknown labels are counted per slice and left out of the metrics.
   */
  labels: Int32Array | Float64Array;
  /** Classification: n × classes.length, row-major. */
  probabilities?: Float32Array | Float64Array;
  /** Regression: one prediction per example. */
  predictions?: Float64Array | Float32Array;
  features: Record<string, FeatureColumn>;
}
