import type { SliceResult, TaskAnalysis } from '../types/slice-result.js';
import { poissonWeights, seededUint32 } from './poisson-weights.js';
import { studentT975 } from './student-t.js';

export type Intervals = Record<string, { lower: number; upper: number }>;

export interface BootstrapOptions {
  bootstrapSamples: number;
  seed: number;
  /** Metrics bounded to [0, 1]: their intervals are clipped to it (a t-interval near 1 would pass 1). */
  unitInterval: (name: string) => boolean;
}

interface Grouping {
  sliceOf: Int32Array;
  sliceCount: number;
}

/**
 * 95% intervals for every metric of every slice: `bootstrapSamples` Poisson(1) replicates, and, as TFMA does,
 * an interval centred on the full-data value, ± t(0.975, B − 1) × the replicates' standard deviation — so it
 * always contains the point estimate (clipped to [0, 1] for metrics bounded there). A metric undefined in a
 * replicate (e.g. AUC of a slice that drew no positives) is left out of that metric's sample; fewer than 2
 * values give no interval. `example_count` gets none.
 */
export function bootstrapIntervals(
  analysis: TaskAnalysis,
  groupings: Grouping[],
  points: SliceResult[][],
  n: number,
  options: BootstrapOptions,
): Intervals[][] {
  const samples = points.map((slices) => slices.map(() => new Map<string, number[]>()));
  const next = seededUint32(options.seed);
  const weights = new Float64Array(n);
  for (let b = 0; b < options.bootstrapSamples; b++) {
    poissonWeights(next, weights);
    groupings.forEach((g, gi) => {
      analysis.evaluate(g.sliceOf, g.sliceCount, weights).forEach((replicate, s) => {
        const bySlice = samples[gi]![s]!;
        for (const [name, value] of Object.entries(replicate.metrics)) {
          if (name === 'example_count' || !Number.isFinite(value)) continue;
          const list = bySlice.get(name);
          if (list) list.push(value);
          else bySlice.set(name, [value]);
        }
      });
    });
  }
  return points.map((slices, gi) =>
    slices.map((point, s) => {
      const out: Intervals = {};
      for (const [name, values] of samples[gi]![s]!) {
        const center = point.metrics[name];
        if (center === undefined || values.length < 2) continue;
        const half = studentT975(values.length - 1) * standardDeviation(values);
        out[name] = options.unitInterval(name)
          ? { lower: Math.max(0, center - half), upper: Math.min(1, center + half) }
          : { lower: center - half, upper: center + half };
      }
      return out;
    }),
  );
}

function standardDeviation(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const ss = values.reduce((a, v) => a + (v - mean) ** 2, 0);
  return Math.sqrt(ss / (values.length - 1));
}
