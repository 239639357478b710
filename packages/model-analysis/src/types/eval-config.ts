/**
 * TFMA's EvalConfig concepts in a JSON-serializable shape, so an eval config can live in settings.yaml or a
 * pipeline parameter. Names follow TFMA's proto3 JSON (slicingSpecs, featureKeys, valueThreshold, …).
 */
export interface EvalConfig {
  /** The raw label column, e.g. 'Species' (the caller reads it; kept here so the config is complete). */
  labelKey: string;
  /** `{}` is the overall slice, which is always computed whether listed or not. */
  slicingSpecs: SlicingSpec[];
  /** Metric names to compute (`precision/*` selects every class); default: all that apply to the task. */
  metrics?: string[];
  /** Per metric, applied to the overall slice. */
  thresholds?: Record<string, MetricThreshold>;
  /** Applied to every slice of the spec; the spec is computed even if `slicingSpecs` does not list it. */
  perSliceThresholds?: PerSliceThreshold[];
  /** 95% confidence intervals by Poisson bootstrap when given. */
  confidenceIntervals?: { bootstrapSamples: number; seed: number };
  /** Slices with fewer examples are left out of the results (listed in `omittedSlices`); overall never is. */
  minSliceSize?: number;
}

export interface SlicingSpec {
  /** Features to slice by; two or more make a feature cross. */
  featureKeys?: string[];
  /** Only the slice with these values (TFMA's featureValues); these features are sliced on too. */
  featureValues?: Record<string, string>;
  /**
   * Bucket the numeric features of the spec: fixed `boundaries` ([a, b) intervals, open ends below the first
   * and from the last) or `count` quantile buckets computed from the data being analyzed.
   */
  numericBuckets?: { boundaries: number[] } | { count: number };
}

export interface PerSliceThreshold {
  slicingSpec: SlicingSpec;
  metric: string;
  threshold: MetricThreshold;
}

export type MetricDirection = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';

export interface MetricThreshold {
  /** Passes iff lowerBound ≤ value ≤ upperBound; an unset bound is ±∞. */
  valueThreshold?: { lowerBound?: number; upperBound?: number };
  /**
   * On d = candidate − baseline. absolute: HIGHER passes iff d ≥ absolute, LOWER iff d ≤ absolute.
   * relative: on d / baseline (TFMA's code, not its prose c / b); a baseline of 0 fails.
   */
  changeThreshold?: { direction: MetricDirection; absolute?: number; relative?: number };
}
