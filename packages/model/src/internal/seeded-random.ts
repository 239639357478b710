/** mulberry32 over an integer seed: small, fast, and the same stream on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs a synchronous function with Math.random replaced by `random`.
 * tf.js has no global seed: initializers and dropout without an explicit seed draw one from Math.random. Scoping
 * the replacement to synchronous model building and single training steps makes every layer reproducible
 * without asking module authors to seed each one; being synchronous, nothing else can observe the swap.
 */
export function withRandom<T>(random: () => number, fn: () => T): T {
  const original = Math.random;
  Math.random = random;
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

/** Fisher–Yates over row indices with a seeded generator. */
export function shuffledIndices(n: number, random: () => number): Uint32Array {
  const indices = new Uint32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = indices[i]!;
    indices[i] = indices[j]!;
    indices[j] = t;
  }
  return indices;
}
