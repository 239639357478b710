import { CtpipeError } from '@ctpipe/errors';
import type { RegressionInput } from '../config/check-batch.js';
import type { SliceResult, TaskAnalysis } from '../types/slice-result.js';

const FIELDS = 7;
const [WEIGHT, SQUARED, ABSOLUTE, LABEL, LABEL_SQ, PREDICTION, RAW_LABEL] = [0, 1, 2, 3, 4, 5, 6] as const;

/**
 * MSE, RMSE, MAE, R², mean label/prediction and TFMA's calibration (Σ prediction / Σ label) per slice from
 * weighted sums. Labels are summed shifted by their overall mean so R²'s Σ(y − ȳ)² does not cancel
 * catastrophically on large targets.
 */
export function regressionAnalysis(input: RegressionInput): TaskAnalysis {
  const { n, labels, predictions } = input;
  let shift = 0;
  let known = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i]!;
    if (Number.isNaN(y)) continue;
    if (!Number.isFinite(y)) {
      throw new CtpipeError('BAD_INPUT', `Regression label of row ${i} is infinite`, {
        details: { row: i, column: 'labels', expected: 'a finite number or NaN (unknown)', found: String(y) },
      });
    }
    if (!Number.isFinite(predictions[i]!)) {
      throw new CtpipeError('BAD_INPUT', `Regression prediction of row ${i} is not a finite number`, {
        details: {
          row: i,
          column: 'predictions',
          expected: 'a finite number',
          found: String(predictions[i]),
        },
      });
    }
    shift += y;
    known++;
  }
  shift = known > 0 ? shift / known : 0;
  return {
    evaluate(sliceOf, sliceCount, weights): SliceResult[] {
      const sums = new Float64Array(sliceCount * FIELDS);
      const examples = new Float64Array(sliceCount);
      const unknown = new Float64Array(sliceCount);
      for (let i = 0; i < n; i++) {
        const s = sliceOf[i]!;
        if (s < 0) continue;
        const y = labels[i]!;
        if (Number.isNaN(y)) {
          unknown[s]!++;
          continue;
        }
        examples[s]!++;
        const w = weights ? weights[i]! : 1;
        const yhat = predictions[i]!;
        const e = yhat - y;
        const d = y - shift;
        const at = s * FIELDS;
        sums[at + WEIGHT]! += w;
        sums[at + SQUARED]! += w * e * e;
        sums[at + ABSOLUTE]! += w * Math.abs(e);
        sums[at + LABEL]! += w * d;
        sums[at + LABEL_SQ]! += w * d * d;
        sums[at + PREDICTION]! += w * yhat;
        sums[at + RAW_LABEL]! += w * y;
      }
      return Array.from({ length: sliceCount }, (_, s) => ({
        exampleCount: examples[s]!,
        unknownLabelCount: unknown[s]!,
        metrics: sliceRegressionMetrics(sums.subarray(s * FIELDS, (s + 1) * FIELDS), examples[s]!),
      }));
    },
  };
}

function sliceRegressionMetrics(sum: Float64Array, exampleCount: number): Record<string, number> {
  const metrics: Record<string, number> = { example_count: exampleCount };
  const w = sum[WEIGHT]!;
  if (w === 0) return metrics;
  const mse = sum[SQUARED]! / w;
  Object.assign(metrics, {
    mse,
    rmse: Math.sqrt(mse),
    mae: sum[ABSOLUTE]! / w,
    mean_label: sum[RAW_LABEL]! / w,
    mean_prediction: sum[PREDICTION]! / w,
  });
  if (sum[RAW_LABEL] !== 0) metrics.calibration = sum[PREDICTION]! / sum[RAW_LABEL]!;
  const total = sum[LABEL_SQ]! - (sum[LABEL]! * sum[LABEL]!) / w;
  // Constant labels: R² is undefined (0/0); rounding may leave a tiny positive total, hence the relative test.
  if (total > 1e-12 * sum[LABEL_SQ]!) metrics.r2 = 1 - sum[SQUARED]! / total;
  return metrics;
}
