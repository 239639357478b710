import type { ServingSignature } from '@ctpipe/model';
import type { EvalConfig, FeatureColumn, PredictionBatch, SlicingSpec } from '@ctpipe/model-analysis';
import { classLabels, regressionLabels } from './labels.js';
import type { ModelOutputs } from './predict-columns.js';
import type { EvalColumns } from './read-eval-columns.js';

/** Every column the evaluation reads, with what needs it (for the error when the split lacks one). */
export function wantedColumns(
  config: EvalConfig,
  models: readonly { role: string; signature: ServingSignature }[],
): Map<string, string> {
  const wanted = new Map<string, string>([[config.labelKey, 'the eval config’s labelKey']]);
  for (const feature of slicingFeatures(config))
    if (!wanted.has(feature)) wanted.set(feature, 'a slicing spec');
  for (const { role, signature } of models) {
    for (const input of Object.keys(signature.inputs)) {
      if (!wanted.has(input)) wanted.set(input, `the ${role} model’s serving signature`);
    }
  }
  return wanted;
}

/** The features any slicing spec (listed or in a per-slice threshold) slices on. */
export function slicingFeatures(config: EvalConfig): string[] {
  const specs: SlicingSpec[] = [
    ...config.slicingSpecs,
    ...(config.perSliceThresholds ?? []).map((t) => t.slicingSpec),
  ];
  const features = new Set<string>();
  // The config is checked by computeMetrics; until then, take only what has the right shape.
  for (const spec of specs) {
    if (Array.isArray(spec?.featureKeys)) for (const key of spec.featureKeys) features.add(String(key));
    if (typeof spec?.featureValues === 'object')
      for (const key of Object.keys(spec.featureValues ?? {})) features.add(key);
  }
  return [...features];
}

/** One model's predictions with the labels and slicing features: what computeMetrics takes. */
export function predictionBatch(
  outputs: ModelOutputs,
  data: EvalColumns,
  config: EvalConfig,
): PredictionBatch {
  const label = data.columns.get(config.labelKey)!;
  const features: Record<string, FeatureColumn> = {};
  for (const name of slicingFeatures(config)) features[name] = data.columns.get(name)!;
  return outputs.task === 'classification'
    ? {
        task: 'classification',
        classes: outputs.classes,
        labels: classLabels(label, outputs.classes),
        probabilities: outputs.probabilities,
        features,
      }
    : { task: 'regression', labels: regressionLabels(label), predictions: outputs.predictions, features };
}
