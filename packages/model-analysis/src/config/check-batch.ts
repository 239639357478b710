import { CtpipeError } from '@ctpipe/errors';
import type { PredictionBatch } from '../types/prediction-batch.js';

export interface ClassificationInput {
  task: 'classification';
  n: number;
  classes: string[];
  /** Class index, -1 = unknown. */
  labels: Int32Array;
  probabilities: Float32Array | Float64Array;
}

export interface RegressionInput {
  task: 'regression';
  n: number;
  /** NaN = unknown. */
  labels: Float64Array;
  predictions: Float64Array | Float32Array;
}

export type CheckedInput = ClassificationInput | RegressionInput;

/** Checks the task's fields and label values (BAD_INPUT naming the row) and returns them in typed form. */
export function checkBatch(batch: PredictionBatch): CheckedInput {
  const n = batch.labels?.length;
  if (n === undefined) bad('labels', 'an Int32Array or Float64Array of labels', typeof batch.labels);
  if (batch.task === 'regression') {
    const predictions = batch.predictions;
    if (!predictions || predictions.length !== n) {
      bad('predictions', `${n} regression predictions`, String(predictions?.length ?? 'none'));
    }
    return { task: 'regression', n, labels: Float64Array.from(batch.labels), predictions };
  }
  if (batch.task !== 'classification') bad('task', 'classification or regression', String(batch.task));
  const classes = batch.classes;
  if (!classes || classes.length < 2) bad('classes', 'at least 2 class labels', JSON.stringify(classes));
  if (new Set(classes).size !== classes.length)
    bad('classes', 'distinct class labels', JSON.stringify(classes));
  const probabilities = batch.probabilities;
  if (!probabilities || probabilities.length !== n * classes.length) {
    bad(
      'probabilities',
      `${n} × ${classes.length} = ${n * classes.length} values`,
      String(probabilities?.length ?? 'none'),
    );
  }
  const labels = batch.labels instanceof Int32Array ? batch.labels : new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const y = batch.labels[i]!;
    if (!(Number.isInteger(y) && y >= -1 && y < classes.length)) {
      throw new CtpipeError('BAD_INPUT', `Label of row ${i} is not a class index`, {
        details: {
          row: i,
          column: 'labels',
          expected: `-1 (unknown) or 0..${classes.length - 1}`,
          found: String(y),
        },
      });
    }
    labels[i] = y;
  }
  return { task: 'classification', n, classes, labels, probabilities };
}

function bad(column: string, expected: string, found: string): never {
  throw new CtpipeError('BAD_INPUT', `Prediction batch: ${column} must be ${expected}`, {
    details: { column, expected, found },
  });
}
