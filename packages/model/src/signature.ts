import type { TransformGraph } from '@ctpipe/preprocessing';
import type { ModelShape } from './module-contract.js';

/** A TensorInfo as TF Serving's model metadata shows it; -1 is the batch dimension. */
export interface TensorInfo {
  dtype: 'DT_FLOAT' | 'DT_STRING' | 'DT_INT64';
  shape: number[];
}

/**
 * The serving signature (TF Serving's `serving_default` SignatureDef): RAW features in, as the request
 * carries them; the TransformGraph inside the model turns them into model inputs. Outputs are the class
 * probabilities plus the predicted class name, or the predicted value (in the label's units).
 */
export interface ServingSignature {
  signature_name: 'serving_default';
  method_name: 'tensorflow/serving/predict';
  inputs: Record<string, TensorInfo & { raw_type: string }>;
  outputs: Record<string, TensorInfo>;
  task: { kind: 'classification'; label_vocabulary: string[] } | { kind: 'regression' };
}

export function servingSignature(graph: TransformGraph, shape: ModelShape): ServingSignature {
  const inputs: ServingSignature['inputs'] = {};
  for (const raw of graph.rawFeatures) {
    inputs[raw.name] = {
      dtype: raw.type === 'string' ? 'DT_STRING' : 'DT_FLOAT',
      shape: [-1],
      raw_type: raw.type,
    };
  }
  if (shape.task.kind === 'classification') {
    return {
      signature_name: 'serving_default',
      method_name: 'tensorflow/serving/predict',
      inputs,
      outputs: {
        probabilities: { dtype: 'DT_FLOAT', shape: [-1, shape.task.classes] },
        classes: { dtype: 'DT_STRING', shape: [-1] },
      },
      task: { kind: 'classification', label_vocabulary: [...shape.task.labels] },
    };
  }
  return {
    signature_name: 'serving_default',
    method_name: 'tensorflow/serving/predict',
    inputs,
    outputs: { values: { dtype: 'DT_FLOAT', shape: [-1] } },
    task: { kind: 'regression' },
  };
}
