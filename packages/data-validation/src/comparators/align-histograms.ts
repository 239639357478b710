import type { Histogram } from '../types/statistics.js';
import { toNumber } from '../validation/stats-view.js';

interface Bucket {
  low: number;
  high: number;
  count: number;
}

/**
 * TFDV's AlignHistograms: two numeric histograms become two count vectors over the same buckets.
 * Finite buckets are re-cut on the union of both sides' boundaries, spreading each bucket's count uniformly;
 * point buckets (low == high) get one slot per distinct point; mass in ±Inf-bounded buckets and NaNs become
 * extra slots that never match the other side, so they always count as divergence.
 */
export function alignHistograms(a: Histogram, b: Histogram): { p: number[]; q: number[] } {
  const sa = strip(a);
  const sb = strip(b);
  const boundaries = [...new Set([...boundariesOf(sa.finite), ...boundariesOf(sb.finite)])].sort(
    (x, y) => x - y,
  );
  const p = rebucket(boundaries, sa.finite);
  const q = rebucket(boundaries, sb.finite);

  const points = [...new Set([...sa.points.keys(), ...sb.points.keys()])].sort((x, y) => x - y);
  for (const point of points) {
    p.push(sa.points.get(point) ?? 0);
    q.push(sb.points.get(point) ?? 0);
  }
  if (sa.infinite !== 0) {
    p.push(sa.infinite);
    q.push(0);
  }
  if (sb.infinite !== 0) {
    p.push(0);
    q.push(sb.infinite);
  }
  if (sa.nan > 0 || sb.nan > 0) {
    p.push(0, sa.nan);
    q.push(sb.nan, 0);
  }
  return { p, q };
}

function strip(histogram: Histogram) {
  const finite: Bucket[] = [];
  const points = new Map<number, number>();
  let infinite = 0;
  for (const bucket of histogram.buckets ?? []) {
    const low = toNumber(bucket.lowValue);
    const high = toNumber(bucket.highValue);
    const count = toNumber(bucket.sampleCount);
    if (!Number.isFinite(low) || !Number.isFinite(high)) infinite += count;
    else if (low === high) points.set(low, (points.get(low) ?? 0) + count);
    else finite.push({ low, high, count });
  }
  finite.sort((x, y) => x.low - y.low);
  return { finite, points, infinite, nan: toNumber(histogram.numNan) };
}

function boundariesOf(buckets: Bucket[]): number[] {
  return buckets.flatMap((b) => [b.low, b.high]);
}

/** Counts per [boundaries[i], boundaries[i+1]]; every bucket edge is one of the boundaries. */
function rebucket(boundaries: number[], buckets: Bucket[]): number[] {
  const slots = Math.max(0, boundaries.length - 1);
  const counts = new Array<number>(slots).fill(0);
  for (const bucket of buckets) {
    const width = bucket.high - bucket.low;
    for (let i = boundaries.indexOf(bucket.low); i >= 0 && i < slots && boundaries[i]! < bucket.high; i++) {
      counts[i] = (counts[i] ?? 0) + ((boundaries[i + 1]! - boundaries[i]!) / width) * bucket.count;
    }
  }
  return counts;
}
