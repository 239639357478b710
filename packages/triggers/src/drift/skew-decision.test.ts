import { describe, expect, it } from 'vitest';
import { skewedFeatures, skewReason } from './skew-decision.js';

describe('skewedFeatures', () => {
  it('keeps the skew measurements above their threshold, worst first, and says them in a reason', () => {
    const features = skewedFeatures({
      anomalyNameFormat: 'SERIALIZED_PATH',
      anomalyInfo: {},
      driftSkewInfo: [
        { path: { step: ['Island'] }, skewMeasurements: [{ type: 'L_INFTY', value: 0.31, threshold: 0.1 }] },
        { path: { step: ['Sex'] }, skewMeasurements: [{ type: 'L_INFTY', value: 0.05, threshold: 0.1 }] },
        {
          path: { step: ['Body Mass (g)'] },
          driftMeasurements: [{ type: 'JENSEN_SHANNON_DIVERGENCE', value: 0.9, threshold: 0.1 }],
          skewMeasurements: [{ type: 'JENSEN_SHANNON_DIVERGENCE', value: 0.6234, threshold: 0.1 }],
        },
      ],
    });
    expect(features).toEqual([
      { feature: 'Body Mass (g)', kind: 'JENSEN_SHANNON_DIVERGENCE', value: 0.6234, threshold: 0.1 },
      { feature: 'Island', kind: 'L_INFTY', value: 0.31, threshold: 0.1 },
    ]);
    expect(skewReason(features, 412)).toBe(
      'skew: Body Mass (g) JSD 0.62 > 0.1; Island L-infinity 0.31 > 0.1 (412 logged instances)',
    );
  });
});
