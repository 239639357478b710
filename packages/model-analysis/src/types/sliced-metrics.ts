import type { SlicingSpec } from './eval-config.js';

/** `{}` is the overall slice; otherwise feature → value, e.g. { Island: 'Biscoe', Sex: 'MALE' }. */
export type SliceKey = Record<string, string>;

export interface SlicedMetrics {
  task: 'classification' | 'regression';
  /** Classification: the class labels, index order of confusion matrices. */
  classes?: string[];
  /** Overall first, then every slice of every spec in spec order. */
  slices: SliceMetrics[];
  /** Slices smaller than `minSliceSize`, left out of `slices`. */
  omittedSlices: { slice: SliceKey; slicingSpec: SlicingSpec; exampleCount: number }[];
}

export interface SliceMetrics {
  slice: SliceKey;
  /** The spec that produced this slice (`{}` for overall): per-slice thresholds match on it. */
  slicingSpec: SlicingSpec;
  /** Examples with a known label (the ones the metrics are computed over). */
  exampleCount: number;
  /** Examples in the slice whose label is unknown (-1 / NaN): counted, not evaluated. */
  unknownLabelCount: number;
  /** Only defined values: a metric that is undefined on this slice (0/0) is absent. */
  metrics: Record<string, number>;
  /** 95% intervals, when the config asks for them. */
  confidenceIntervals?: Record<string, { lower: number; upper: number }>;
  /** Classification: rows = true class, columns = predicted (argmax) class. */
  confusionMatrix?: number[][];
  /** Classification: classes present in the slice's labels or predictions. */
  perClass?: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  /** Classification: reliability of the top-class probability in 10 equal-width bins. */
  calibration?: CalibrationBin[];
}

export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  /** Mean probability of the predicted class. */
  meanConfidence: number;
  /** Fraction of those predictions that are right. */
  accuracy: number;
}
