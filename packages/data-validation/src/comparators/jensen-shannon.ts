import type { Histogram } from '../types/statistics.js';
import { alignHistograms } from './align-histograms.js';
import { type CategoricalCounts, unionLabels } from './categorical-counts.js';

/**
 * Approximate Jensen-Shannon divergence as TFDV computes it: ½·KL(P‖M) + ½·KL(Q‖M), M = (P+Q)/2, in bits
 * (log2) and capped at 1. Numeric histograms are aligned first (see alignHistograms); categorical counts
 * are compared label by label. Returns undefined where TFDV emits no measurement: empty input, histograms
 * of different types, or non-positive categorical counts.
 */
export function jensenShannonDivergence(a: Histogram, b: Histogram): number | undefined;
export function jensenShannonDivergence(a: CategoricalCounts, b: CategoricalCounts): number | undefined;
export function jensenShannonDivergence(
  a: Histogram | CategoricalCounts,
  b: Histogram | CategoricalCounts,
): number | undefined {
  if (isHistogram(a) && isHistogram(b)) return histogramDivergence(a, b);
  if (!isHistogram(a) && !isHistogram(b)) return categoricalDivergence(a, b);
  return undefined;
}

function isHistogram(x: Histogram | CategoricalCounts): x is Histogram {
  return 'buckets' in x;
}

function histogramDivergence(a: Histogram, b: Histogram): number | undefined {
  if ((a.type ?? 'STANDARD') !== (b.type ?? 'STANDARD')) return undefined;
  const { p, q } = alignHistograms(a, b);
  return divergence(p, q);
}

function categoricalDivergence(a: CategoricalCounts, b: CategoricalCounts): number | undefined {
  if (a.size === 0 || b.size === 0) return undefined;
  for (const counts of [a, b]) if ([...counts.values()].some((v) => !(v > 0))) return undefined;
  const labels = unionLabels(a, b);
  return divergence(
    labels.map((l) => a.get(l) ?? 0),
    labels.map((l) => b.get(l) ?? 0),
  );
}

function divergence(pCounts: number[], qCounts: number[]): number | undefined {
  const p = normalize(pCounts);
  const q = normalize(qCounts);
  if (p === undefined || q === undefined) return undefined;
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]!;
    const qi = q[i]!;
    const m = (pi + qi) / 2;
    if (pi > 0) sum += pi * Math.log2(pi / m);
    if (qi > 0) sum += qi * Math.log2(qi / m);
  }
  // Rounding can push a disjoint pair a hair above 1 bit.
  return Math.min(sum / 2, 1);
}

function normalize(counts: number[]): number[] | undefined {
  const total = counts.reduce((s, c) => s + c, 0);
  return total === 0 ? undefined : counts.map((c) => c / total);
}
