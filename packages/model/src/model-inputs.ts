import type * as tfjs from '@tensorflow/tfjs';
import type { ModelShape, Tf } from './module-contract.js';

/** One input tensor of a model: the dense feature matrix, or one index feature's vocabulary ids. */
export type ModelInput =
  | { name: 'dense_features'; kind: 'dense'; width: number }
  | { name: string; kind: 'index'; feature: string; width: 1; vocabularySize: number };

/**
 * The inputs of a model that uses every transformed feature: the dense columns (`featureCount` wide) as one
 * input, then one input per `index` feature (for an embedding), in the TransformGraph's order.
 */
export function modelInputs(shape: ModelShape): ModelInput[] {
  const inputs: ModelInput[] =
    shape.featureCount > 0 ? [{ name: 'dense_features', kind: 'dense', width: shape.featureCount }] : [];
  for (const feature of shape.features) {
    if (feature.kind !== 'index') continue;
    inputs.push({
      name: `${feature.name.replace(/[^A-Za-z0-9_]/g, '_')}_index`,
      kind: 'index',
      feature: feature.name,
      width: 1,
      vocabularySize: Math.max(1, feature.vocabularySize ?? 1),
    });
  }
  return inputs;
}

export interface InputLayers {
  /** Pass these as the model's `inputs`, in this order. */
  inputs: tfjs.SymbolicTensor[];
  /** The dense features and every index feature's embedding, concatenated. */
  merged: tfjs.SymbolicTensor;
}

/**
 * Keras-style input stack for a model module: an Input per `modelInputs(shape)` entry, an Embedding
 * (`embeddingDim` wide, default min(8, ⌈vocabulary/2⌉)) for each index feature, all concatenated.
 */
export function inputLayers(shape: ModelShape, tf: Tf, options: { embeddingDim?: number } = {}): InputLayers {
  const inputs: tfjs.SymbolicTensor[] = [];
  const parts: tfjs.SymbolicTensor[] = [];
  for (const input of modelInputs(shape)) {
    const layer = tf.input({ shape: [input.width], name: input.name });
    inputs.push(layer);
    if (input.kind === 'dense') {
      parts.push(layer);
      continue;
    }
    const embedded = tf.layers
      .embedding({
        inputDim: input.vocabularySize,
        outputDim: options.embeddingDim ?? Math.min(8, Math.ceil(input.vocabularySize / 2)),
        name: `${input.name}_embedding`,
      })
      .apply(layer) as tfjs.SymbolicTensor;
    parts.push(tf.layers.flatten().apply(embedded) as tfjs.SymbolicTensor);
  }
  const merged =
    parts.length === 1 ? parts[0]! : (tf.layers.concatenate().apply(parts) as tfjs.SymbolicTensor);
  return { inputs, merged };
}
