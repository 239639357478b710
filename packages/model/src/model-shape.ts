import { CtpipeError } from '@ctpipe/errors';
import type { TransformGraph } from '@ctpipe/preprocessing';
import type { ModelShape } from './module-contract.js';

/** What a model trained on this TransformGraph's outputs is built for. */
export function modelShape(graph: TransformGraph): ModelShape {
  const label = graph.outputs.label;
  if (!label) {
    throw new CtpipeError('BAD_INPUT', 'the TransformGraph has no label: training needs one', {
      details: { expected: 'a label in the preprocessing spec (classLabel or regressionLabel)' },
    });
  }
  return {
    featureCount: graph.outputs.featureColumns.length,
    features: graph.outputs.features,
    task:
      label.kind === 'classification'
        ? { kind: 'classification', classes: label.vocabulary.length, labels: label.vocabulary }
        : { kind: 'regression' },
  };
}
