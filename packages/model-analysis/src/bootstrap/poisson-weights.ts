/**
 * A seeded 32-bit generator (mulberry32): tiny, fast and plenty for resampling weights; the same seed gives the
 * same intervals on every machine.
 */
export function seededUint32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** P(X ≤ k) · 2³² for X ~ Poisson(1), k = 0…: compared with a uniform uint32 (inverse-CDF sampling). */
const CDF: Float64Array = (() => {
  const out = new Float64Array(16);
  let term = Math.exp(-1);
  let total = 0;
  for (let k = 0; k < out.length; k++) {
    total += term;
    out[k] = k === out.length - 1 ? 2 ** 32 : total * 2 ** 32;
    term /= k + 1;
  }
  return out;
})();

/**
 * Fills `out` with Poisson(1) weights: the Poisson bootstrap (TFMA's), where each example appears k times in a
 * replicate. It needs no index resampling, so every slice of every spec sees the same replicate in one pass.
 */
export function poissonWeights(next: () => number, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) {
    const u = next();
    let k = 0;
    while (u >= CDF[k]!) k++;
    out[i] = k;
  }
  return out;
}
