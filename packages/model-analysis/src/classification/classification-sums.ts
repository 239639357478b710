import type { ClassificationInput } from '../config/check-batch.js';
import type { RowPredictions } from './row-predictions.js';

/** Reliability bins of the top-class probability: [0, 0.1), …, [0.9, 1]. */
export const CALIBRATION_BINS = 10;

/** Weighted sufficient statistics of every slice of one grouping; `s` indexes slices. */
export interface ClassificationSums {
  sliceCount: number;
  classCount: number;
  /** Rows with a known label (unweighted). */
  examples: Float64Array;
  /** Rows with an unknown label (unweighted). */
  unknown: Float64Array;
  /** Σ weight of the known-label rows. */
  weight: Float64Array;
  /** [s][true][predicted], row-major. */
  confusion: Float64Array;
  logLoss: Float64Array;
  /** [s][class]: Σ probability of the class. */
  probability: Float64Array;
  /** Σ probability of the predicted class. */
  confidence: Float64Array;
  /** [s][bin][count, Σ confidence, Σ correct]. */
  bins: Float64Array;
}

/** One pass over the rows; `weights` (bootstrap) multiplies each row, default 1. */
export function sumClassification(
  input: ClassificationInput,
  rows: RowPredictions,
  sliceOf: Int32Array,
  sliceCount: number,
  weights?: Float64Array,
): ClassificationSums {
  const k = input.classes.length;
  const { labels, probabilities: p } = input;
  const { predicted, confidence: conf, logLoss: ll } = rows;
  const sums: ClassificationSums = {
    sliceCount,
    classCount: k,
    examples: new Float64Array(sliceCount),
    unknown: new Float64Array(sliceCount),
    weight: new Float64Array(sliceCount),
    confusion: new Float64Array(sliceCount * k * k),
    logLoss: new Float64Array(sliceCount),
    probability: new Float64Array(sliceCount * k),
    confidence: new Float64Array(sliceCount),
    bins: new Float64Array(sliceCount * CALIBRATION_BINS * 3),
  };
  const { examples, unknown, weight, confusion, logLoss, probability, confidence, bins } = sums;
  for (let i = 0; i < input.n; i++) {
    const s = sliceOf[i]!;
    if (s < 0) continue;
    const y = labels[i]!;
    if (y < 0) {
      unknown[s]!++;
      continue;
    }
    const w = weights ? weights[i]! : 1;
    examples[s]!++;
    if (w === 0) continue;
    const yhat = predicted[i]!;
    const c = conf[i]!;
    weight[s]! += w;
    confusion[(s * k + y) * k + yhat]! += w;
    logLoss[s]! += w * ll[i]!;
    confidence[s]! += w * c;
    for (let j = 0, base = i * k, out = s * k; j < k; j++) probability[out + j]! += w * p[base + j]!;
    const bin = (s * CALIBRATION_BINS + Math.min(CALIBRATION_BINS - 1, Math.floor(c * CALIBRATION_BINS))) * 3;
    bins[bin]! += w;
    bins[bin + 1]! += w * c;
    if (y === yhat) bins[bin + 2]! += w;
  }
  return sums;
}
