import * as tf from '@tensorflow/tfjs';
import { gatherInputs, type InputLayout, type TransformedRows } from './input-layout.js';
import type { Task } from './module-contract.js';
import { labelTensor, lossAndMetric } from './task-loss.js';

/** Transformed rows with their labels: what trainModel fits and evaluates on. */
export interface Examples extends TransformedRows {
  /** Class ids (classification) or (scaled) values (regression), one per row. */
  labels: Float32Array | Int32Array;
}

const EVAL_CHUNK = 8192;

/** Mean loss and metric over all rows, inference mode (no dropout, batch-norm moving statistics). */
export function evaluateModel(
  model: tf.LayersModel,
  layout: InputLayout,
  task: Task,
  data: Examples,
): { loss: number; metric: number } {
  let lossSum = 0;
  let metricSum = 0;
  for (let start = 0; start < data.n; start += EVAL_CHUNK) {
    const rows = rowRange(start, Math.min(data.n, start + EVAL_CHUNK));
    const [loss, metric] = tf.tidy(() => {
      const xs = gatherInputs(layout, data, rows).map((x, i) =>
        tf.tensor2d(x, [rows.length, layout[i]!.width]),
      );
      const pred = model.predict(xs.length === 1 ? xs[0]! : xs) as tf.Tensor;
      const result = lossAndMetric(task, labelTensor(task, data.labels, rows), pred);
      return [tf.mul(result.loss, rows.length), result.metricSum];
    });
    lossSum += loss!.dataSync()[0]!;
    metricSum += metric!.dataSync()[0]!;
    loss!.dispose();
    metric!.dispose();
  }
  return { loss: lossSum / data.n, metric: metricSum / data.n };
}

export function rowRange(start: number, end: number): Uint32Array {
  const rows = new Uint32Array(end - start);
  for (let i = 0; i < rows.length; i++) rows[i] = start + i;
  return rows;
}
