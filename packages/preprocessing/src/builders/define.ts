import { parsePreprocessingSpec } from '../spec/parse-spec.js';
import type { FeatureSpec, LabelSpec, PreprocessingSpec } from '../spec/types.js';

/**
 * The spec a pipeline's preprocessing module exports (`export const preprocessing = definePreprocessing(…)`).
 * Checked here, so a mistake fails when the module loads, naming the feature.
 */
export function definePreprocessing(spec: {
  features: Record<string, FeatureSpec>;
  label?: LabelSpec;
}): PreprocessingSpec {
  return parsePreprocessingSpec(spec);
}
