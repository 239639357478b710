import type { PythonRandom } from './python-random.js';

export interface CubeSearchOptions {
  /** Uniform random points scored first. */
  samples: number;
  /** How many of the best samples local search refines. */
  starts: number;
}

export interface ScoredPoint {
  x: number[];
  value: number;
}

/**
 * Minimizes f over [0,1]^dims the way Keras Tuner's L-BFGS-B restarts do, without gradients: score random
 * points, then refine the best few by coordinate pattern search with a halving step. Returns every refined
 * optimum and every sample, best first, so a caller can skip points it must not propose (duplicates).
 */
export function minimizeOnUnitCube(
  f: (x: readonly number[]) => number,
  dims: number,
  random: PythonRandom,
  options: CubeSearchOptions,
): ScoredPoint[] {
  const samples: ScoredPoint[] = [];
  for (let s = 0; s < options.samples; s++) {
    const x = Array.from({ length: dims }, () => random.random());
    samples.push({ x, value: f(x) });
  }
  samples.sort((a, b) => a.value - b.value);
  const refined = samples.slice(0, options.starts).map((start) => refine(f, start));
  return [...refined, ...samples].sort((a, b) => a.value - b.value);
}

function refine(f: (x: readonly number[]) => number, start: ScoredPoint): ScoredPoint {
  let { x, value } = start;
  for (let step = 0.1; step > 1e-3; ) {
    let improved = false;
    for (let d = 0; d < x.length; d++) {
      for (const delta of [step, -step]) {
        const candidate = [...x];
        candidate[d] = Math.min(1, Math.max(0, x[d]! + delta));
        const v = f(candidate);
        if (v < value) {
          x = candidate;
          value = v;
          improved = true;
        }
      }
    }
    if (!improved) step /= 2;
  }
  return { x, value };
}
