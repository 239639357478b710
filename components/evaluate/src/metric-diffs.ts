import type { SlicedMetrics, SliceKey } from '@ctpipe/model-analysis';

export interface SliceDiff {
  slice: SliceKey;
  /** candidate − baseline, for every metric both models have on this slice (TFMA's diff metrics). */
  metrics: Record<string, number>;
}

/** Per slice present in both evaluations, the difference of each shared metric. */
export function metricDiffs(candidate: SlicedMetrics, baseline: SlicedMetrics): SliceDiff[] {
  const byKey = new Map(baseline.slices.map((s) => [keyId(s.slice), s.metrics]));
  const diffs: SliceDiff[] = [];
  for (const { slice, metrics } of candidate.slices) {
    const base = byKey.get(keyId(slice));
    if (!base) continue;
    const diff: Record<string, number> = {};
    for (const [name, value] of Object.entries(metrics)) {
      const b = base[name];
      if (b !== undefined) diff[name] = value - b;
    }
    diffs.push({ slice, metrics: diff });
  }
  return diffs;
}

/** Slice keys compare by content, whatever order their features were listed in. */
function keyId(key: SliceKey): string {
  return JSON.stringify(Object.entries(key).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
