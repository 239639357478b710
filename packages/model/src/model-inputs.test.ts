import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './backend.js';
import { gatherInputs, inputLayout } from './input-layout.js';
import { inputLayers, modelInputs } from './model-inputs.js';
import type { ModelShape } from './module-contract.js';

const shape: ModelShape = {
  featureCount: 3,
  features: [
    { name: 'x', kind: 'dense', width: 1 },
    { name: 'island name', kind: 'index', width: 1, vocabularySize: 4 },
    { name: 'colour', kind: 'dense', width: 2 },
    { name: 'sex', kind: 'index', width: 1, vocabularySize: 3 },
  ],
  task: { kind: 'classification', classes: 2, labels: ['a', 'b'] },
};

beforeAll(async () => {
  await selectBackend();
});

describe('modelInputs', () => {
  it('puts the dense matrix first, then one input per index feature with a layer-safe name', () => {
    expect(modelInputs(shape)).toEqual([
      { name: 'dense_features', kind: 'dense', width: 3 },
      { name: 'island_name_index', kind: 'index', feature: 'island name', width: 1, vocabularySize: 4 },
      { name: 'sex_index', kind: 'index', feature: 'sex', width: 1, vocabularySize: 3 },
    ]);
  });
});

describe('inputLayout and gatherInputs', () => {
  const data = {
    n: 2,
    features: Float32Array.of(1, 2, 3, 4, 5, 6),
    indices: { 'island name': Int32Array.of(3, 0), sex: Int32Array.of(1, 2) },
  };

  it('feeds a model built with inputLayers every input, embeddings included', () => {
    const { inputs, merged } = inputLayers(shape, tf, { embeddingDim: 2 });
    expect(merged.shape).toEqual([null, 3 + 2 + 2]);
    const model = tf.model({ inputs, outputs: merged });
    const layout = inputLayout(model, shape);
    expect(layout.map((i) => i.name)).toEqual(['dense_features', 'island_name_index', 'sex_index']);
    expect(gatherInputs(layout, data, [1, 0]).map((a) => Array.from(a))).toEqual([
      [4, 5, 6, 1, 2, 3],
      [0, 3],
      [2, 1],
    ]);
  });

  it('feeds a single-input model the dense matrix only', () => {
    const input = tf.input({ shape: [3] });
    const model = tf.model({
      inputs: input,
      outputs: tf.layers.dense({ units: 2 }).apply(input) as tf.SymbolicTensor,
    });
    expect(inputLayout(model, shape)).toEqual([{ name: 'dense_features', kind: 'dense', width: 3 }]);
  });

  it('rejects inputs that fit neither layout', () => {
    const input = tf.input({ shape: [5] });
    const model = tf.model({
      inputs: input,
      outputs: tf.layers.dense({ units: 2 }).apply(input) as tf.SymbolicTensor,
    });
    expect(() => inputLayout(model, shape)).toThrow(
      expect.objectContaining({
        code: 'BAD_CONFIG',
        details: {
          expected:
            '[batch, 3] or dense_features[batch, 3], island_name_index[batch, 1], sex_index[batch, 1]',
          found: '[batch, 5]',
        },
      }),
    );
  });
});
