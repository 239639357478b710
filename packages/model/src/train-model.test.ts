import type * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './backend.js';
import type { ModelModule } from './module-contract.js';
import { denseModule } from './test-support/dense-module.js';
import { blobShape, blobs } from './test-support/synthetic.js';
import { trainModel } from './train-model.js';

const shape = blobShape(4);
const train = blobs(240, 4, 1);
const evalSet = blobs(90, 4, 2);
const hp = { units: 8, learning_rate: 0.05 };

async function weightsOf(model: tf.LayersModel): Promise<number[][]> {
  return Promise.all(model.getWeights().map(async (w) => Array.from(await w.data())));
}

describe('trainModel', () => {
  beforeAll(async () => {
    await selectBackend();
  });

  it('learns separable classes and reports Keras-named metrics per epoch', async () => {
    const epochs: number[] = [];
    const result = await trainModel({
      module: denseModule,
      hp,
      shape,
      train,
      eval: evalSet,
      seed: 7,
      onEpoch: (epoch) => {
        epochs.push(epoch);
      },
    });
    expect(Object.keys(result.history).sort()).toEqual(['accuracy', 'loss', 'val_accuracy', 'val_loss']);
    expect(epochs).toEqual([0, 1, 2, 3, 4]);
    expect(result.best.val_accuracy).toBeGreaterThan(0.9);
    expect(result.best.val_accuracy).toBe(Math.max(...(result.history.val_accuracy ?? [])));
    expect(result.history.loss?.[4]).toBeLessThan(result.history.loss?.[0] ?? 0);
  });

  it('gives the same weights and losses for the same seed, different ones for another seed', async () => {
    const run = (seed: number) =>
      trainModel({ module: denseModule, hp, shape, train, eval: evalSet, seed, epochs: 2 });
    const [a, b, c] = [await run(3), await run(3), await run(4)];
    expect(a.history).toEqual(b.history);
    expect(await weightsOf(a.model)).toEqual(await weightsOf(b.model));
    expect(a.history.loss).not.toEqual(c.history.loss);
  });

  it('stops after `patience` epochs without improvement and restores the best epoch', async () => {
    // A learning rate of 0 never improves after the first epoch.
    const frozen: ModelModule = { ...denseModule, objective: { name: 'val_loss', direction: 'min' } };
    const result = await trainModel({
      module: frozen,
      hp: { units: 8, learning_rate: 1e-9 },
      shape,
      train,
      eval: evalSet,
      seed: 1,
      epochs: 20,
      patience: 2,
    });
    expect(result.epochsRun).toBeLessThan(20);
    const valLoss = result.history.val_loss ?? [];
    expect(result.bestEpoch).toBe(valLoss.indexOf(Math.min(...valLoss)));
    expect(result.epochsRun).toBe(result.bestEpoch + 3);
  });

  it('regresses with mean squared error and tracks mae', async () => {
    const regression = { ...shape, task: { kind: 'regression' as const } };
    const values = { ...train, labels: Float32Array.from(train.labels, (l) => l * 2) };
    const evalValues = { ...evalSet, labels: Float32Array.from(evalSet.labels, (l) => l * 2) };
    const result = await trainModel({
      module: { ...denseModule, objective: { name: 'val_mae', direction: 'min' } },
      hp,
      shape: regression,
      train: values,
      eval: evalValues,
      seed: 1,
      epochs: 8,
    });
    expect(Object.keys(result.history).sort()).toEqual(['loss', 'mae', 'val_loss', 'val_mae']);
    expect(result.best.val_mae).toBeLessThan(0.6);
  });

  it('rejects a model whose output does not fit the label', async () => {
    const wrong: ModelModule = {
      ...denseModule,
      buildModel: (_hp, s, tfjs) =>
        tfjs.sequential({ layers: [tfjs.layers.dense({ units: 2, inputShape: [s.featureCount] })] }),
    };
    await expect(
      trainModel({ module: wrong, hp, shape, train, eval: evalSet, seed: 1 }),
    ).rejects.toMatchObject({
      code: 'BAD_CONFIG',
      details: { expected: 'one output [batch, 3] (class probabilities)', found: '[batch, 2]' },
    });
  });
});
