import type { CalibrationBin, SliceMetrics } from '../types/sliced-metrics.js';
import { CALIBRATION_BINS, type ClassificationSums } from './classification-sums.js';

export type ClassificationDetail = Pick<
  SliceMetrics,
  'metrics' | 'confusionMatrix' | 'perClass' | 'calibration'
>;

/**
 * The metrics of slice `s` from its sums. Predictions are top-1 (argmax), so for this single-label data every
 * example is exactly one prediction and micro precision = micro recall = micro F1 = accuracy. Per-class
 * precision/recall are 0 (not undefined) when the class is never predicted / never true but appears on the
 * other side, as scikit-learn does; classes absent from both are left out, also of the macro averages.
 * Undefined values (0/0) are omitted, never NaN. `auc` holds auc[s * classCount + c] (NaN = undefined).
 */
export function sliceClassificationMetrics(
  sums: ClassificationSums,
  s: number,
  classes: readonly string[],
  auc: Float64Array | undefined,
): ClassificationDetail {
  const k = sums.classCount;
  const metrics: Record<string, number> = { example_count: sums.examples[s]! };
  const w = sums.weight[s]!;
  const matrix = Array.from({ length: k }, (_, t) =>
    Array.from(sums.confusion.subarray((s * k + t) * k, (s * k + t + 1) * k)),
  );
  if (w === 0) return { metrics, confusionMatrix: matrix };
  const truth = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const predictedCount = classes.map((_, c) => matrix.reduce((a, row) => a + row[c]!, 0));
  const correct = matrix.reduce((a, row, c) => a + row[c]!, 0);
  const accuracy = correct / w;
  Object.assign(metrics, {
    accuracy,
    log_loss: sums.logLoss[s]! / w,
    micro_precision: accuracy,
    micro_recall: accuracy,
    micro_f1: accuracy,
  });
  const perClass: NonNullable<SliceMetrics['perClass']> = {};
  classes.forEach((name, c) => {
    metrics[`mean_prediction/${name}`] = sums.probability[s * k + c]! / w;
    metrics[`mean_label/${name}`] = truth[c]! / w;
    if (truth[c]! > 0) metrics[`calibration/${name}`] = sums.probability[s * k + c]! / truth[c]!;
    if (truth[c] === 0 && predictedCount[c] === 0) return;
    const tp = matrix[c]![c]!;
    const precision = predictedCount[c]! > 0 ? tp / predictedCount[c]! : 0;
    const recall = truth[c]! > 0 ? tp / truth[c]! : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[name] = { precision, recall, f1, support: truth[c]! };
    metrics[`precision/${name}`] = precision;
    metrics[`recall/${name}`] = recall;
    metrics[`f1/${name}`] = f1;
  });
  const present = Object.values(perClass);
  metrics.macro_precision = mean(present.map((m) => m.precision));
  metrics.macro_recall = mean(present.map((m) => m.recall));
  metrics.macro_f1 = mean(present.map((m) => m.f1));
  // Top-class confidence over accuracy: > 1 means over-confident (TFMA's Σ prediction / Σ label, for the class
  // each example is predicted as).
  if (correct > 0) metrics.calibration = sums.confidence[s]! / correct;
  if (auc) addAuc(metrics, auc, s, classes);
  return { metrics, confusionMatrix: matrix, perClass, calibration: calibrationBins(sums, s) };
}

function addAuc(
  metrics: Record<string, number>,
  auc: Float64Array,
  s: number,
  classes: readonly string[],
): void {
  const defined: number[] = [];
  classes.forEach((name, c) => {
    const v = auc[s * classes.length + c]!;
    if (Number.isNaN(v)) return;
    metrics[`auc/${name}`] = v;
    defined.push(v);
  });
  // Macro average over the classes whose one-vs-rest AUC is defined on this slice.
  if (defined.length > 0) metrics.auc = mean(defined);
}

function calibrationBins(sums: ClassificationSums, s: number): CalibrationBin[] {
  const out: CalibrationBin[] = [];
  for (let b = 0; b < CALIBRATION_BINS; b++) {
    const at = (s * CALIBRATION_BINS + b) * 3;
    const count = sums.bins[at]!;
    if (count === 0) continue;
    out.push({
      lower: b / CALIBRATION_BINS,
      upper: (b + 1) / CALIBRATION_BINS,
      count,
      meanConfidence: sums.bins[at + 1]! / count,
      accuracy: sums.bins[at + 2]! / count,
    });
  }
  return out;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
