/**
 * Trial ids as Keras Tuner writes them: the trial's index zero-padded to the width of max_trials ("00".."09"
 * for 10 trials); 4 digits when there is no trial limit, as Keras gets from len(str(None)).
 */
export function trialId(index: number, maxTrials: number | null): string {
  const width = maxTrials === null ? 4 : String(maxTrials).length;
  return String(index).padStart(width, '0');
}

function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * The seed a trial trains with: a hash of (search seed, trial index), so it depends on neither scheduling
 * nor parallelism. 31 bits, safe for any seeded RNG.
 */
export function trialSeed(searchSeed: number, index: number): number {
  const low = searchSeed >>> 0;
  const high = Math.floor(Math.abs(searchSeed) / 2 ** 32) >>> 0;
  const h = fmix32(fmix32(low ^ fmix32(high + 0x9e3779b9)) ^ Math.imul(index + 1, 0x9e3779b1));
  return h >>> 1;
}
