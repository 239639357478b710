import type { Examples } from '../evaluate-model.js';
import { seededRandom } from '../internal/seeded-random.js';
import type { ModelShape } from '../module-contract.js';

/** Three separable classes around distinct centres in `featureCount` dimensions. */
export function blobs(n: number, featureCount: number, seed: number): Examples {
  const random = seededRandom(seed);
  const features = new Float32Array(n * featureCount);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = i % 3;
    labels[i] = label;
    for (let f = 0; f < featureCount; f++) {
      const centre = f % 3 === label ? 2 : 0;
      features[i * featureCount + f] = centre + (random() - 0.5) * 1.5;
    }
  }
  return { features, labels, n };
}

export function blobShape(featureCount: number): ModelShape {
  return {
    featureCount,
    features: Array.from({ length: featureCount }, (_, i) => ({ name: `x${i}`, kind: 'dense', width: 1 })),
    task: { kind: 'classification', classes: 3, labels: ['a', 'b', 'c'] },
  };
}
