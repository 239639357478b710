import type { ScoreOrder } from './score-order.js';

/**
 * One-vs-rest ROC AUC of one class for every slice of a grouping, exactly: the Mann–Whitney U statistic with
 * ties counted ½, AUC = Σ over positives of (negatives scored lower + ½ negatives scored equal) / (P·N).
 * One walk of the class's global score order serves every slice, since a slice's order is the global order
 * restricted to its rows. Weighted (bootstrap): a row counts `weights[row]` times. NaN where a slice lacks
 * positives or negatives.
 */
export function aucPerSlice(
  order: ScoreOrder,
  sliceOf: Int32Array,
  sliceCount: number,
  weights?: Float64Array,
): Float64Array {
  const u = new Float64Array(sliceCount);
  const negBelow = new Float64Array(sliceCount);
  const posTotal = new Float64Array(sliceCount);
  const posGroup = new Float64Array(sliceCount);
  const negGroup = new Float64Array(sliceCount);
  const touched = new Int32Array(sliceCount);
  const { rows, positive, groupEnds } = order;
  let start = 0;
  for (let g = 0; g < groupEnds.length; g++) {
    const end = groupEnds[g]!;
    if (end - start === 1) {
      // A score no other row shares (the common case for float outputs): no tie bookkeeping.
      const row = rows[start]!;
      const s = sliceOf[row]!;
      if (s >= 0) {
        const w = weights ? weights[row]! : 1;
        if (positive[start]) {
          u[s]! += w * negBelow[s]!;
          posTotal[s]! += w;
        } else {
          negBelow[s]! += w;
        }
      }
      start = end;
      continue;
    }
    let touchedCount = 0;
    for (let k = start; k < end; k++) {
      const row = rows[k]!;
      const s = sliceOf[row]!;
      if (s < 0) continue;
      const w = weights ? weights[row]! : 1;
      // Zero-weight rows are skipped so "both sums still 0" reliably means "slice not yet touched".
      if (w === 0) continue;
      if (posGroup[s] === 0 && negGroup[s] === 0) touched[touchedCount++] = s;
      if (positive[k]) posGroup[s]! += w;
      else negGroup[s]! += w;
    }
    for (let t = 0; t < touchedCount; t++) {
      const s = touched[t]!;
      u[s]! += posGroup[s]! * (negBelow[s]! + 0.5 * negGroup[s]!);
      negBelow[s]! += negGroup[s]!;
      posTotal[s]! += posGroup[s]!;
      posGroup[s] = 0;
      negGroup[s] = 0;
    }
    start = end;
  }
  const auc = new Float64Array(sliceCount);
  for (let s = 0; s < sliceCount; s++) {
    const pairs = posTotal[s]! * negBelow[s]!;
    auc[s] = pairs > 0 ? u[s]! / pairs : Number.NaN;
  }
  return auc;
}
