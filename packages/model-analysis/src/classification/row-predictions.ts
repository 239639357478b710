import { CtpipeError } from '@ctpipe/errors';
import type { ClassificationInput } from '../config/check-batch.js';

/** Keras' epsilon: probabilities are clipped to [ε, 1 − ε] before the log, as its cross-entropy does. */
const EPSILON = 1e-7;

/** What every slice needs from a row, computed once per analysis instead of once per slicing spec. */
export interface RowPredictions {
  /** Argmax class (the first on ties, as numpy/tf argmax). */
  predicted: Int32Array;
  /** Probability of the predicted class. */
  confidence: Float64Array;
  /** Sparse categorical cross-entropy of the row (0 for an unknown label). */
  logLoss: Float64Array;
}

export function rowPredictions(input: ClassificationInput): RowPredictions {
  const { n, labels, probabilities: p } = input;
  const k = input.classes.length;
  const predicted = new Int32Array(n);
  const confidence = new Float64Array(n);
  const logLoss = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * k;
    let best = 0;
    let bestP = p[base]!;
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const v = p[base + c]!;
      if (!(v >= 0 && v <= 1)) badProbability(i, c, v, input.classes);
      sum += v;
      if (v > bestP) {
        bestP = v;
        best = c;
      }
    }
    predicted[i] = best;
    confidence[i] = bestP;
    const y = labels[i]!;
    if (y < 0) continue;
    if (sum <= 0) badProbability(i, y, sum, input.classes);
    // Keras normalizes each row to sum 1 before clipping (a softmax output may be off by rounding).
    const q = Math.min(Math.max(p[base + y]! / sum, EPSILON), 1 - EPSILON);
    logLoss[i] = -Math.log(q);
  }
  return { predicted, confidence, logLoss };
}

function badProbability(row: number, c: number, value: number, classes: readonly string[]): never {
  throw new CtpipeError('BAD_INPUT', `Probability of class '${classes[c]}' in row ${row} is not in [0, 1]`, {
    details: {
      row,
      column: `probabilities[${c}]`,
      expected: 'a probability in [0, 1] (not a logit)',
      found: String(value),
    },
  });
}
