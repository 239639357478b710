import * as tf from '@tensorflow/tfjs';
import type { MetricName, Task } from './module-contract.js';

/** The metric tracked beside the loss: accuracy for classification, mean absolute error for regression. */
export function taskMetric(task: Task): Extract<MetricName, 'accuracy' | 'mae'> {
  return task.kind === 'classification' ? 'accuracy' : 'mae';
}

/** Labels of the given rows as the tensor the loss compares with: class ids, or values as a column. */
export function labelTensor(
  task: Task,
  labels: Float32Array | Int32Array,
  rows: ArrayLike<number>,
): tf.Tensor {
  if (task.kind === 'classification') {
    const ids = new Int32Array(rows.length);
    for (let r = 0; r < rows.length; r++) ids[r] = labels[rows[r]!]!;
    return tf.tensor1d(ids, 'int32');
  }
  const values = new Float32Array(rows.length);
  for (let r = 0; r < rows.length; r++) values[r] = labels[rows[r]!]!;
  return tf.tensor2d(values, [rows.length, 1]);
}

/**
 * Batch loss (mean, what the optimizer minimises) and the metric's sum over the batch (to average over an
 * epoch): Keras's sparse categorical cross-entropy on probabilities, or mean squared error.
 */
export function lossAndMetric(
  task: Task,
  yTrue: tf.Tensor,
  yPred: tf.Tensor,
): { loss: tf.Scalar; metricSum: tf.Scalar } {
  if (task.kind === 'classification') {
    const oneHot = tf.oneHot(yTrue as tf.Tensor1D, task.classes);
    const loss = tf.mean(tf.metrics.categoricalCrossentropy(oneHot, yPred)) as tf.Scalar;
    const correct = tf.sum(tf.cast(tf.equal(tf.argMax(yPred, -1), yTrue), 'float32')) as tf.Scalar;
    return { loss, metricSum: correct };
  }
  const diff = tf.sub(yPred, yTrue);
  return { loss: tf.mean(tf.square(diff)) as tf.Scalar, metricSum: tf.sum(tf.abs(diff)) as tf.Scalar };
}
