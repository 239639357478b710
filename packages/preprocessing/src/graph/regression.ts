import type { TransformGraph } from './types.js';

/** A regression model's output back in the label's units: p / factor + offset (identity when unscaled). */
export function unscaleRegression(graph: TransformGraph, prediction: number): number {
  const label = graph.outputs.label;
  if (label?.kind !== 'regression' || !label.scale) return prediction;
  return prediction / label.scale.factor + label.scale.offset;
}
