import { floatSortKeys, radixSortPairs } from './radix-sort.js';

/** Rows with a known label sorted by one class's score, ascending, split into runs of equal scores. */
export interface ScoreOrder {
  rows: Uint32Array;
  /** 1 where rows[k] has the class as its label: kept in sort order so the AUC walk reads labels sequentially. */
  positive: Uint8Array;
  /** Tie groups: group g is rows[groupEnds[g - 1] ?? 0 … groupEnds[g]). */
  groupEnds: Uint32Array;
}

/**
 * Radix sort on the float32 image of the score; float64 scores that collapse to the same float32 are then put in
 * exact order by a comparator sort of just that (short) run, so ties stay exact ties and nothing else does.
 */
export function scoreOrder(
  probabilities: Float32Array | Float64Array,
  classCount: number,
  cls: number,
  labels: Int32Array,
): ScoreOrder {
  let m = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]! >= 0) m++;
  const scores = new Float32Array(m);
  // The payload carries the row and, in its low bit, whether the row is a positive: reading labels back in
  // score order would be a random access per row.
  const payload = new Uint32Array(m);
  for (let i = 0, j = 0; i < labels.length; i++) {
    const y = labels[i]!;
    if (y < 0) continue;
    scores[j] = probabilities[i * classCount + cls]! + 0; // + 0 turns -0 into 0: one key per value
    payload[j++] = i * 2 + (y === cls ? 1 : 0);
  }
  const sorted = radixSortPairs(floatSortKeys(scores), payload);
  const rows = sorted.values;
  const positive = new Uint8Array(m);
  for (let k = 0; k < m; k++) {
    const v = rows[k]!;
    positive[k] = v & 1;
    rows[k] = v >>> 1;
  }
  let groupEnds: Uint32Array;
  if (probabilities instanceof Float64Array) {
    const score = (row: number): number => probabilities[row * classCount + cls]!;
    refineRuns(sorted.keys, rows, positive, score);
    groupEnds = runEnds(m, (k) => score(rows[k]!) !== score(rows[k - 1]!));
  } else {
    // Float32 scores are their keys: equal keys are exactly the ties, found without touching the rows.
    const keys = sorted.keys;
    groupEnds = runEnds(m, (k) => keys[k] !== keys[k - 1]);
  }
  return { rows, positive, groupEnds };
}

function runEnds(m: number, startsRun: (k: number) => boolean): Uint32Array {
  const ends: number[] = [];
  for (let k = 1; k < m; k++) if (startsRun(k)) ends.push(k);
  if (m > 0) ends.push(m);
  return Uint32Array.from(ends);
}

/** Orders each run of equal float32 keys by the exact float64 score, keeping `positive` aligned. */
function refineRuns(
  keys: Uint32Array,
  rows: Uint32Array,
  positive: Uint8Array,
  score: (row: number) => number,
): void {
  let start = 0;
  for (let k = 1; k <= keys.length; k++) {
    if (k < keys.length && keys[k] === keys[start]) continue;
    if (k - start > 1) {
      const run = Array.from(rows.subarray(start, k), (row, j) => ({ row, positive: positive[start + j]! }));
      run.sort((a, b) => score(a.row) - score(b.row));
      run.forEach((item, j) => {
        rows[start + j] = item.row;
        positive[start + j] = item.positive;
      });
    }
    start = k;
  }
}
