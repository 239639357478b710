import { describe, expect, it } from 'vitest';
import { randomClassificationBatch, subsetRows } from '../../test/random-batch.js';
import { computeMetrics, type EvalConfig, type PredictionBatch } from '../index.js';

const overallOnly: EvalConfig = { labelKey: 'Species', slicingSpecs: [{}] };

/** 8 rows, 3 classes; row 7 has an unknown label. */
const tiny: PredictionBatch = {
  task: 'classification',
  classes: ['a', 'b', 'c'],
  labels: Int32Array.from([0, 0, 0, 1, 1, 2, 2, -1]),
  probabilities: Float64Array.from(
    [
      [0.7, 0.2, 0.1], // a → a
      [0.5, 0.4, 0.1], // a → a
      [0.2, 0.7, 0.1], // a → b
      [0.1, 0.8, 0.1], // b → b
      [0.6, 0.3, 0.1], // b → a
      [0.1, 0.1, 0.8], // c → c
      [0.3, 0.3, 0.4], // c → c
      [0.9, 0.05, 0.05], // unknown
    ].flat(),
  ),
  features: {},
};

describe('classification metrics on a hand-checked example', () => {
  const overall = computeMetrics(tiny, overallOnly).slices[0]!;

  it('counts examples with a known label and the unknown ones apart', () => {
    expect(overall.exampleCount).toBe(7);
    expect(overall.unknownLabelCount).toBe(1);
    expect(overall.metrics.example_count).toBe(7);
  });

  it('builds the confusion matrix with true classes as rows', () => {
    expect(overall.confusionMatrix).toEqual([
      [2, 1, 0],
      [1, 1, 0],
      [0, 0, 2],
    ]);
  });

  it('gives the by-hand accuracy, precision, recall, F1 and their averages', () => {
    const m = overall.metrics;
    expect(m.accuracy).toBeCloseTo(5 / 7, 12);
    // a: tp 2, predicted 3, true 3; b: tp 1, predicted 2, true 2; c: tp 2, predicted 2, true 2.
    expect(m['precision/a']).toBeCloseTo(2 / 3, 12);
    expect(m['recall/a']).toBeCloseTo(2 / 3, 12);
    expect(m['precision/b']).toBeCloseTo(1 / 2, 12);
    expect(m['f1/c']).toBe(1);
    expect(m.macro_precision).toBeCloseTo((2 / 3 + 1 / 2 + 1) / 3, 12);
    expect(m.macro_f1).toBeCloseTo((2 / 3 + 1 / 2 + 1) / 3, 12);
    expect(m.micro_precision).toBeCloseTo(5 / 7, 12);
    expect(m.micro_f1).toBeCloseTo(5 / 7, 12);
    expect(overall.perClass?.b).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
  });

  it('gives the by-hand log loss (mean −ln p of the true class)', () => {
    const byHand = -(
      Math.log(0.7) +
      Math.log(0.5) +
      Math.log(0.2) +
      Math.log(0.8) +
      Math.log(0.3) +
      Math.log(0.8) +
      Math.log(0.4)
    );
    expect(overall.metrics.log_loss).toBeCloseTo(byHand / 7, 12);
  });

  it('gives the by-hand calibration: top-class confidence over correct predictions', () => {
    // Top-class probabilities 0.7 0.5 0.7 0.8 0.6 0.8 0.4 = 4.5; 5 correct.
    expect(overall.metrics.calibration).toBeCloseTo(4.5 / 5, 12);
    expect(overall.metrics['mean_prediction/a']).toBeCloseTo(
      (0.7 + 0.5 + 0.2 + 0.1 + 0.6 + 0.1 + 0.3) / 7,
      12,
    );
    expect(overall.metrics['mean_label/a']).toBeCloseTo(3 / 7, 12);
    expect(overall.metrics['calibration/c']).toBeCloseTo((0.1 * 5 + 0.8 + 0.4) / 2, 12);
  });

  it('reports the reliability bins of the top-class probability', () => {
    expect(overall.calibration).toEqual([
      { lower: 0.4, upper: 0.5, count: 1, meanConfidence: 0.4, accuracy: 1 },
      { lower: 0.5, upper: 0.6, count: 1, meanConfidence: 0.5, accuracy: 1 },
      { lower: 0.6, upper: 0.7, count: 1, meanConfidence: 0.6, accuracy: 0 },
      { lower: 0.7, upper: 0.8, count: 2, meanConfidence: 0.7, accuracy: 0.5 },
      { lower: 0.8, upper: 0.9, count: 2, meanConfidence: 0.8, accuracy: 1 },
    ]);
  });
});

/** Accuracy, per-class and macro precision/recall/F1 from a confusion matrix, written independently. */
function fromConfusion(matrix: number[][]) {
  const k = matrix.length;
  const total = matrix.flat().reduce((a, b) => a + b, 0);
  const trace = matrix.reduce((a, row, i) => a + row[i]!, 0);
  const per = matrix.map((row, c) => {
    const tp = row[c]!;
    const truth = row.reduce((a, b) => a + b, 0);
    const predicted = matrix.reduce((a, r) => a + r[c]!, 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = truth ? tp / truth : 0;
    return {
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    };
  });
  return {
    accuracy: trace / total,
    macroF1: per.reduce((a, p) => a + p.f1, 0) / k,
    macroPrecision: per.reduce((a, p) => a + p.precision, 0) / k,
  };
}

describe('classification metrics against an independent computation', () => {
  const batch = randomClassificationBatch({ n: 2000, seed: 11, unknownRate: 0.02 });
  const result = computeMetrics(batch, { labelKey: 'Species', slicingSpecs: [{ featureKeys: ['Island'] }] });

  it('matches accuracy and macro-F1 recomputed from a confusion matrix counted row by row', () => {
    const k = 3;
    const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    let logLoss = 0;
    let count = 0;
    for (let i = 0; i < batch.labels.length; i++) {
      const y = batch.labels[i]!;
      if (y < 0) continue;
      const p = Array.from(batch.probabilities!.subarray(i * k, (i + 1) * k));
      const predicted = p.indexOf(Math.max(...p));
      matrix[y]![predicted]!++;
      logLoss -= Math.log(p[y]! / p.reduce((a, b) => a + b, 0));
      count++;
    }
    const overall = result.slices[0]!;
    expect(overall.confusionMatrix).toEqual(matrix);
    const expected = fromConfusion(matrix);
    expect(overall.metrics.accuracy).toBeCloseTo(expected.accuracy, 12);
    expect(overall.metrics.macro_f1).toBeCloseTo(expected.macroF1, 12);
    expect(overall.metrics.macro_precision).toBeCloseTo(expected.macroPrecision, 12);
    expect(overall.metrics.log_loss).toBeCloseTo(logLoss / count, 6);
    expect(overall.exampleCount).toBe(count);
    expect(overall.unknownLabelCount).toBe(batch.labels.length - count);
  });

  it('computes each slice exactly as the same metrics on that slice alone', () => {
    const island = batch.features.Island as string[];
    for (const slice of result.slices.slice(1)) {
      const alone = computeMetrics(
        subsetRows(batch, (i) => island[i] === slice.slice.Island),
        overallOnly,
      ).slices[0]!;
      expect(slice.exampleCount).toBe(alone.exampleCount);
      expect(slice.confusionMatrix).toEqual(alone.confusionMatrix);
      for (const [name, value] of Object.entries(alone.metrics))
        expect(slice.metrics[name]).toBeCloseTo(value, 6);
    }
  });

  it('leaves a class absent from a slice out of its per-class metrics and macro averages', () => {
    const twoClasses = subsetRows(batch, (i) => batch.labels[i] !== 2 && argmax(batch, i) !== 2);
    const m = computeMetrics(twoClasses, overallOnly).slices[0]!;
    expect(m.perClass?.Gentoo).toBeUndefined();
    expect(m.metrics['precision/Gentoo']).toBeUndefined();
    expect(m.metrics['auc/Gentoo']).toBeUndefined();
    const expected = fromConfusion(m.confusionMatrix!.slice(0, 2).map((row) => row.slice(0, 2)));
    expect(m.metrics.macro_f1).toBeCloseTo(expected.macroF1, 12);
  });

  it('reports only the selected metrics (and always example_count)', () => {
    const m = computeMetrics(batch, { ...overallOnly, metrics: ['accuracy', 'recall/*'] }).slices[0]!;
    expect(Object.keys(m.metrics)).toEqual([
      'example_count',
      'accuracy',
      'recall/Adelie',
      'recall/Chinstrap',
      'recall/Gentoo',
    ]);
  });
});

function argmax(batch: PredictionBatch, row: number): number {
  const p = Array.from(batch.probabilities!.subarray(row * 3, row * 3 + 3));
  return p.indexOf(Math.max(...p));
}
