import type { JsonObject } from '@ctpipe/ir';

/**
 * The penguins' eval config (TFMA EvalConfig in JSON): metrics overall, per island, per sex, per island × sex and
 * per body-mass quartile; the model must reach 0.9 accuracy overall, never be worse than the blessed baseline
 * (TFX's "not worse" gate: HIGHER_IS_BETTER with absolute −1e-10, so a tie passes), and reach 0.8 on every
 * island, so one island's birds cannot be sacrificed for the others.
 */
export const DEFAULT_EVAL_CONFIG: JsonObject = {
  labelKey: 'Species',
  slicingSpecs: [
    {},
    { featureKeys: ['Island'] },
    { featureKeys: ['Sex'] },
    { featureKeys: ['Island', 'Sex'] },
    { featureKeys: ['Body Mass (g)'], numericBuckets: { count: 4 } },
  ],
  thresholds: {
    accuracy: {
      valueThreshold: { lowerBound: 0.9 },
      changeThreshold: { direction: 'HIGHER_IS_BETTER', absolute: -1e-10 },
    },
  },
  perSliceThresholds: [
    {
      slicingSpec: { featureKeys: ['Island'] },
      metric: 'accuracy',
      threshold: { valueThreshold: { lowerBound: 0.8 } },
    },
  ],
};
