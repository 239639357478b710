import type { BucketizeSource, FillMissingStep, NumericFeature, NumericStep } from '../spec/types.js';

/** A dense feature from a numeric column: `numeric('Body Mass (g)', fillMissing('mean'), zScore())`. */
export function numeric(column: string, ...steps: NumericStep[]): NumericFeature {
  return { type: 'numeric', column, steps };
}

/** Replace a missing value by the analyzed mean, median or most frequent value, or by a given number. */
export function fillMissing(strategy: 'mean' | 'median' | 'mostFrequent' | number): FillMissingStep {
  return typeof strategy === 'number'
    ? { op: 'fillMissing', strategy: 'constant', value: strategy }
    : { op: 'fillMissing', strategy };
}

/** ln(1 + x); x ≤ −1 has no logarithm and becomes missing (fill it after, or it is an error). */
export function log1p(): NumericStep {
  return { op: 'log1p' };
}

export function clip(bounds: { min?: number; max?: number }): NumericStep {
  return {
    op: 'clip',
    ...(bounds.min === undefined ? {} : { min: bounds.min }),
    ...(bounds.max === undefined ? {} : { max: bounds.max }),
  };
}

/** (x − mean) / std with the analyzed mean and population std (x − mean when std is 0), as tft.scale_to_z_score. */
export function zScore(): NumericStep {
  return { op: 'zScore' };
}

/** Linear map of the analyzed [min, max] to [outputMin, outputMax] (their midpoint when min = max). */
export function scaleMinMax(output: { min: number; max: number } = { min: 0, max: 1 }): NumericStep {
  return { op: 'scaleMinMax', outputMin: output.min, outputMax: output.max };
}

/** Quantile buckets of a numeric column (after its steps): use with oneHot(), index() or cross(). */
export function bucketize(column: string, buckets: number, ...steps: NumericStep[]): BucketizeSource {
  return { type: 'bucketize', column, buckets, steps };
}
