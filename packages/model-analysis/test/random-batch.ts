import type { PredictionBatch } from '../src/index.js';

/** A seeded uniform [0, 1) generator so every test sees the same data on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export interface RandomBatchOptions {
  n: number;
  seed: number;
  classes?: string[];
  /** Round probabilities to this many decimals (creates ties). */
  decimals?: number;
  /** Fraction of rows with an unknown label (-1). */
  unknownRate?: number;
  float64?: boolean;
}

/**
 * Penguin-like columns: Island (3 values), Sex (2 values and some nulls), Body Mass (numeric), and a noisy
 * classifier whose skill differs by island.
 */
export function randomClassificationBatch(options: RandomBatchOptions): PredictionBatch {
  const { n, seed, decimals, unknownRate = 0 } = options;
  const classes = options.classes ?? ['Adelie', 'Chinstrap', 'Gentoo'];
  const k = classes.length;
  const random = seededRandom(seed);
  const islands = ['Biscoe', 'Dream', 'Torgersen'];
  const labels = new Int32Array(n);
  const probabilities = options.float64 ? new Float64Array(n * k) : new Float32Array(n * k);
  const island: (string | null)[] = [];
  const sex: (string | null)[] = [];
  const mass = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const isl = Math.floor(random() * 3);
    island.push(islands[isl]!);
    const r = random();
    sex.push(r < 0.05 ? null : r < 0.5 ? 'MALE' : 'FEMALE');
    mass[i] = Math.round(2700 + random() * 3600);
    const y = Math.floor(random() * k);
    labels[i] = random() < unknownRate ? -1 : y;
    const raw = Array.from({ length: k }, () => random());
    raw[y]! += 0.3 + 0.3 * isl;
    const sum = raw.reduce((a, b) => a + b, 0);
    for (let c = 0; c < k; c++) {
      const p = raw[c]! / sum;
      probabilities[i * k + c] = decimals === undefined ? p : Number(p.toFixed(decimals));
    }
  }
  return {
    task: 'classification',
    classes,
    labels,
    probabilities,
    features: { Island: island, Sex: sex, 'Body Mass (g)': mass },
  };
}

/** The rows of a batch whose `keep` is true (for computing a slice's metrics independently). */
export function subsetRows(batch: PredictionBatch, keep: (row: number) => boolean): PredictionBatch {
  const n = batch.labels.length;
  const rows = Array.from({ length: n }, (_, i) => i).filter(keep);
  const k = batch.classes?.length ?? 0;
  const features: PredictionBatch['features'] = {};
  for (const [name, column] of Object.entries(batch.features)) {
    features[name] =
      column instanceof Float64Array
        ? Float64Array.from(rows, (i) => column[i]!)
        : rows.map((i) => column[i]!);
  }
  return {
    ...batch,
    labels:
      batch.labels instanceof Float64Array
        ? Float64Array.from(rows, (i) => batch.labels[i]!)
        : Int32Array.from(rows, (i) => batch.labels[i]!),
    ...(batch.probabilities
      ? {
          probabilities: Float64Array.from(
            rows.flatMap((i) => Array.from({ length: k }, (_, c) => batch.probabilities![i * k + c]!)),
          ),
        }
      : {}),
    ...(batch.predictions ? { predictions: Float64Array.from(rows, (i) => batch.predictions![i]!) } : {}),
    features,
  };
}
