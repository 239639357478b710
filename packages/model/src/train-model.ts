import { CtpipeError } from '@ctpipe/errors';
import * as tf from '@tensorflow/tfjs';
import { EarlyStopping } from './early-stopping.js';
import { type Examples, evaluateModel } from './evaluate-model.js';
import { gatherInputs, type InputLayout, inputLayout } from './input-layout.js';
import { seededRandom, shuffledIndices, withRandom } from './internal/seeded-random.js';
import type { HpValues, MetricName, ModelModule, ModelShape } from './module-contract.js';
import { labelTensor, lossAndMetric, taskMetric } from './task-loss.js';

export type EpochLogs = Partial<Record<MetricName, number>>;
export type History = Partial<Record<MetricName, number[]>>;

export interface TrainModelOptions {
  module: ModelModule;
  hp: HpValues;
  shape: ModelShape;
  train: Examples;
  eval: Examples;
  /** Same seed, same data, same backend → same initial weights, batches, dropout masks and result. */
  seed: number;
  /** Defaults: the module's `training` values. `epochs` counts from 0, also when resuming. */
  epochs?: number;
  /** Resume (Hyperband's warm start): start at this epoch from `initialWeights`. */
  initialEpoch?: number;
  initialWeights?: readonly tf.Tensor[];
  batchSize?: number;
  patience?: number;
  onEpoch?: (epoch: number, logs: EpochLogs) => void | Promise<void>;
}

export interface TrainModelResult {
  /** Holds the best epoch's weights (by the module's objective). */
  model: tf.LayersModel;
  /** Per metric, one value per epoch run (from `initialEpoch`). */
  history: History;
  bestEpoch: number;
  /** The best epoch's logs. */
  best: EpochLogs;
  epochsRun: number;
}

/**
 * Trains the module's model with mini-batch SGD: a seeded shuffle every epoch, evaluation on `eval` after each,
 * early stopping on the objective with the best weights restored (Keras's fit + EarlyStopping).
 */
export async function trainModel(options: TrainModelOptions): Promise<TrainModelResult> {
  const { module, shape, train } = options;
  const epochs = options.epochs ?? module.training.epochs;
  const batchSize = options.batchSize ?? module.training.batchSize;
  checkExamples('train', train, shape);
  checkExamples('eval', options.eval, shape);
  const random = seededRandom(options.seed);
  const model = withRandom(random, () => module.buildModel(options.hp, shape, tf));
  checkOutput(model, shape);
  const layout = inputLayout(model, shape);
  if (options.initialWeights) model.setWeights([...options.initialWeights]);
  const optimizer = model.optimizer ?? tf.train.adam(1e-3);
  const metric = taskMetric(shape.task);
  const stopping = new EarlyStopping(
    module.objective,
    options.patience ?? module.training.earlyStoppingPatience,
  );
  const history: History = {};
  let epochsRun = 0;
  for (let epoch = options.initialEpoch ?? 0; epoch < epochs; epoch++) {
    const fit = trainEpoch(
      model,
      optimizer,
      layout,
      options,
      shuffledIndices(train.n, random),
      batchSize,
      random,
    );
    const val = evaluateModel(model, layout, shape.task, options.eval);
    const logs: EpochLogs = {
      loss: fit.loss,
      [metric]: fit.metric,
      val_loss: val.loss,
      [`val_${metric}`]: val.metric,
    };
    for (const [name, value] of Object.entries(logs) as [MetricName, number][]) {
      history[name] = [...(history[name] ?? []), value];
    }
    epochsRun += 1;
    await options.onEpoch?.(epoch, logs);
    const objective = logs[module.objective.name];
    if (objective === undefined) {
      throw new CtpipeError('BAD_CONFIG', `objective ${module.objective.name} is not a metric of this task`, {
        details: { expected: Object.keys(logs).join(' | '), found: module.objective.name },
      });
    }
    if (stopping.update(epoch, objective, model) || Number.isNaN(fit.loss)) break;
  }
  stopping.restoreBest(model);
  const firstEpoch = options.initialEpoch ?? 0;
  const bestEpoch = Math.max(firstEpoch, stopping.bestEpoch);
  const best = Object.fromEntries(
    Object.entries(history).map(([name, values]) => [name, values[bestEpoch - firstEpoch] ?? Number.NaN]),
  ) as EpochLogs;
  return { model, history, bestEpoch, best, epochsRun };
}

function trainEpoch(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  layout: InputLayout,
  options: TrainModelOptions,
  order: Uint32Array,
  batchSize: number,
  random: () => number,
): { loss: number; metric: number } {
  const { shape, train } = options;
  // Sums stay on the backend until the epoch ends: one read per epoch instead of one sync per batch.
  let lossSum: tf.Tensor = tf.scalar(0);
  let metricSum: tf.Tensor = tf.scalar(0);
  for (let start = 0; start < train.n; start += batchSize) {
    const rows = order.subarray(start, Math.min(train.n, start + batchSize));
    const [nextLoss, nextMetric] = withRandom(random, () =>
      tf.tidy(() => {
        const xs = gatherInputs(layout, train, rows).map((x, i) =>
          tf.tensor2d(x, [rows.length, layout[i]!.width]),
        );
        const ys = labelTensor(shape.task, train.labels, rows);
        let batchMetric: tf.Scalar | undefined;
        const loss = optimizer.minimize(() => {
          const pred = model.apply(xs.length === 1 ? xs[0]! : xs, { training: true }) as tf.Tensor;
          const result = lossAndMetric(shape.task, ys, pred);
          batchMetric = tf.keep(result.metricSum);
          return result.loss;
        }, true)!;
        const sums = [tf.add(lossSum, tf.mul(loss, rows.length)), tf.add(metricSum, batchMetric!)];
        batchMetric!.dispose();
        return sums;
      }),
    );
    lossSum.dispose();
    metricSum.dispose();
    lossSum = nextLoss!;
    metricSum = nextMetric!;
  }
  const result = { loss: lossSum.dataSync()[0]! / train.n, metric: metricSum.dataSync()[0]! / train.n };
  lossSum.dispose();
  metricSum.dispose();
  return result;
}

function checkExamples(split: string, data: Examples, shape: ModelShape): void {
  const featureCount = shape.featureCount;
  if (data.n === 0) {
    throw new CtpipeError('BAD_INPUT', `the ${split} split has no rows`, { details: { split } });
  }
  const shortIndex = shape.features.find(
    (f) => f.kind === 'index' && data.indices?.[f.name]?.length !== data.n,
  );
  if (shortIndex) {
    throw new CtpipeError(
      'BAD_INPUT',
      `the ${split} split lacks ids of the index feature '${shortIndex.name}'`,
      {
        details: {
          split,
          column: shortIndex.name,
          expected: `${data.n} ids`,
          found: String(data.indices?.[shortIndex.name]?.length ?? 0),
        },
      },
    );
  }
  if (data.features.length !== data.n * featureCount || data.labels.length !== data.n) {
    throw new CtpipeError('BAD_INPUT', `the ${split} split's arrays do not match its row count`, {
      details: {
        split,
        expected: `${data.n}×${featureCount} features, ${data.n} labels`,
        found: `${data.features.length} features, ${data.labels.length} labels`,
      },
    });
  }
}

function checkOutput(model: tf.LayersModel, shape: ModelShape): void {
  const output = model.outputs.length === 1 ? model.outputs[0]!.shape : undefined;
  const want = shape.task.kind === 'classification' ? shape.task.classes : 1;
  if (output?.length !== 2 || output[1] !== want) {
    throw new CtpipeError('BAD_CONFIG', 'the model output does not fit the label', {
      details: {
        expected: `one output [batch, ${want}] (${shape.task.kind === 'classification' ? 'class probabilities' : 'a value'})`,
        found: model.outputs.map((o) => `[${o.shape.map((d) => d ?? 'batch').join(', ')}]`).join(', '),
      },
    });
  }
}
