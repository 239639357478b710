import { describe, expect, it } from 'vitest';
import { randomClassificationBatch, seededRandom } from '../../test/random-batch.js';
import { computeMetrics, type PredictionBatch } from '../index.js';
import { aucPerSlice } from './auc.js';
import { scoreOrder } from './score-order.js';

/** O(n²) one-vs-rest AUC: every (positive, negative) pair scores 1 if ordered right, ½ if tied. */
function bruteForceAuc(scores: number[], positive: boolean[], weights?: number[]): number {
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!positive[i]) continue;
    for (let j = 0; j < scores.length; j++) {
      if (positive[j]) continue;
      const w = (weights?.[i] ?? 1) * (weights?.[j] ?? 1);
      pairs += w;
      if (scores[i]! > scores[j]!) sum += w;
      else if (scores[i] === scores[j]) sum += 0.5 * w;
    }
  }
  return sum / pairs;
}

function classAucs(batch: PredictionBatch, rows: number[]): number[] {
  const k = batch.classes!.length;
  return batch.classes!.map((_, c) =>
    bruteForceAuc(
      rows.map((i) => batch.probabilities![i * k + c]!),
      rows.map((i) => batch.labels[i] === c),
    ),
  );
}

describe('AUC (Mann–Whitney, ties ½)', () => {
  it('matches a known value: scores 0.1 0.4 0.35 0.8 with labels 0 0 1 1 give 0.75', () => {
    const batch: PredictionBatch = {
      task: 'classification',
      classes: ['neg', 'pos'],
      labels: Int32Array.from([0, 0, 1, 1]),
      probabilities: Float64Array.from([0.9, 0.1, 0.6, 0.4, 0.65, 0.35, 0.2, 0.8]),
      features: {},
    };
    const m = computeMetrics(batch, { labelKey: 'y', slicingSpecs: [] }).slices[0]!.metrics;
    expect(m['auc/pos']).toBeCloseTo(0.75, 12);
    expect(m['auc/neg']).toBeCloseTo(0.75, 12);
    expect(m.auc).toBeCloseTo(0.75, 12);
  });

  for (const float64 of [false, true]) {
    it(`equals the brute-force pairwise count overall and per slice, with many ties (${float64 ? 'float64' : 'float32'})`, () => {
      const batch = randomClassificationBatch({ n: 600, seed: 5, decimals: 1, unknownRate: 0.03, float64 });
      const result = computeMetrics(batch, {
        labelKey: 'y',
        slicingSpecs: [{ featureKeys: ['Island', 'Sex'] }],
      });
      const known = (i: number) => batch.labels[i]! >= 0;
      const all = Array.from({ length: 600 }, (_, i) => i).filter(known);
      const expected = classAucs(batch, all);
      const overall = result.slices[0]!.metrics;
      batch.classes!.forEach((name, c) => {
        expect(overall[`auc/${name}`]).toBeCloseTo(expected[c]!, 12);
      });
      expect(overall.auc).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / 3, 12);
      const island = batch.features.Island as string[];
      const sex = batch.features.Sex as (string | null)[];
      for (const slice of result.slices.slice(1)) {
        const rows = all.filter((i) => island[i] === slice.slice.Island && sex[i] === slice.slice.Sex);
        const perClass = classAucs(batch, rows);
        batch.classes!.forEach((name, c) => {
          expect(slice.metrics[`auc/${name}`]).toBeCloseTo(perClass[c]!, 12);
        });
      }
    });
  }

  it('keeps float64 scores that round to the same float32 apart (no false tie)', () => {
    const batch: PredictionBatch = {
      task: 'classification',
      classes: ['neg', 'pos'],
      labels: Int32Array.from([0, 1, 0, 1]),
      probabilities: Float64Array.from([0.5, 0.5, 0.5 - 1e-12, 0.5 + 1e-12, 0.9, 0.1, 0.1, 0.9]),
      features: {},
    };
    expect(Math.fround(0.5 + 1e-12)).toBe(Math.fround(0.5));
    const m = computeMetrics(batch, { labelKey: 'y', slicingSpecs: [] }).slices[0]!.metrics;
    expect(m['auc/pos']).toBe(1);
  });

  it('counts a row `weight` times (the bootstrap path): equal to brute force on repeated rows', () => {
    const random = seededRandom(3);
    const n = 300;
    const labels = Int32Array.from({ length: n }, () => (random() < 0.4 ? 1 : 0));
    const probabilities = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) {
      const p = Math.round((random() * 0.6 + labels[i]! * 0.3) * 20) / 20;
      probabilities[i * 2] = 1 - p;
      probabilities[i * 2 + 1] = p;
    }
    const weights = Float64Array.from({ length: n }, () => Math.floor(random() * 3));
    const sliceOf = Int32Array.from({ length: n }, (_, i) => (i % 7 === 0 ? -1 : i % 2));
    const auc = aucPerSlice(scoreOrder(probabilities, 2, 1, labels), sliceOf, 2, weights);
    for (const s of [0, 1]) {
      const rows = Array.from({ length: n }, (_, i) => i).filter((i) => sliceOf[i] === s);
      const expected = bruteForceAuc(
        rows.map((i) => probabilities[i * 2 + 1]!),
        rows.map((i) => labels[i] === 1),
        rows.map((i) => weights[i]!),
      );
      expect(auc[s]).toBeCloseTo(expected, 12);
    }
  });

  it('is undefined (absent) on a slice with no positives of a class', () => {
    const batch: PredictionBatch = {
      task: 'classification',
      classes: ['a', 'b'],
      labels: Int32Array.from([0, 0, 1]),
      probabilities: Float64Array.from([0.8, 0.2, 0.6, 0.4, 0.3, 0.7]),
      features: { g: ['x', 'x', 'y'] },
    };
    const result = computeMetrics(batch, { labelKey: 'y', slicingSpecs: [{ featureKeys: ['g'] }] });
    const x = result.slices.find((s) => s.slice.g === 'x')!;
    expect(x.metrics['auc/a']).toBeUndefined();
    expect(x.metrics.auc).toBeUndefined();
    expect(x.metrics.accuracy).toBe(1);
  });
});
