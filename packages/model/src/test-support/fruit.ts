import {
  applyTransformToRows,
  classLabel,
  definePreprocessing,
  index,
  numeric,
  oneHot,
  parseTransformGraph,
  type TransformGraph,
  vocabulary,
  zScore,
} from '@ctpipe/preprocessing';
import type { Examples } from '../evaluate-model.js';
import { seededRandom } from '../internal/seeded-random.js';

const FRUITS = ['apple', 'banana', 'cherry'] as const;
const COLORS = ['green', 'red', 'yellow'];
const ORIGINS = ['chile', 'italy', 'spain'];

/** Raw rows of a toy fruit table: two numbers, a one-hot string and an embedded string, and the label. */
export function fruitRows(n: number, seed: number): Record<string, string | number | null>[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const k = i % 3;
    return {
      weight: 100 + 60 * k + (random() - 0.5) * 50,
      sweetness: k === 1 ? null : 5 + k + (random() - 0.5) * 3,
      color: random() < 0.8 ? COLORS[k]! : COLORS[(k + 1) % 3]!,
      origin: ORIGINS[Math.floor(random() * 3)]!,
      fruit: FRUITS[k]!,
    };
  });
}

/** Its TransformGraph with hand-set analyzer values; parseTransformGraph checks the derived outputs. */
export function fruitGraph(): TransformGraph {
  const spec = definePreprocessing({
    features: {
      weight: numeric('weight', zScore()),
      sweetness: numeric('sweetness', { op: 'fillMissing', strategy: 'constant', value: 0 }),
      color: oneHot(vocabulary('color')),
      origin: index(vocabulary('origin')),
    },
    label: classLabel('fruit'),
  });
  return parseTransformGraph({
    version: 1,
    spec,
    analyzers: {
      rowCount: 90,
      features: {
        weight: { steps: [{ mean: 160, std: 50 }] },
        sweetness: { steps: [{ value: 0 }] },
        color: { vocabulary: COLORS, counts: [30, 30, 30] },
        origin: { vocabulary: ORIGINS, counts: [30, 30, 30] },
      },
      label: { classes: [...FRUITS] },
    },
    outputs: {
      features: [
        { name: 'weight', kind: 'dense', width: 1 },
        { name: 'sweetness', kind: 'dense', width: 1 },
        { name: 'color', kind: 'dense', width: 4 },
        { name: 'origin', kind: 'index', width: 1, vocabularySize: 4 },
      ],
      featureColumns: ['weight', 'sweetness', 'color_0', 'color_1', 'color_2', 'color_3'],
      label: { column: 'label', kind: 'classification', vocabulary: [...FRUITS] },
    },
    rawFeatures: [
      { name: 'weight', type: 'number' },
      { name: 'sweetness', type: 'number' },
      { name: 'color', type: 'string' },
      { name: 'origin', type: 'string' },
    ],
  });
}

export function fruitExamples(graph: TransformGraph, n: number, seed: number): Examples {
  const out = applyTransformToRows(graph, fruitRows(n, seed));
  if (!out.labels) throw new TypeError('fruit rows always carry a label');
  return { ...out, labels: out.labels };
}
