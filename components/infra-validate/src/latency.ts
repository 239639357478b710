export interface LatencySummary {
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentiles of per-request latencies in ms (rounded to µs); null when nothing was measured. */
export function summarizeLatency(ms: readonly number[]): LatencySummary | null {
  if (ms.length === 0) return null;
  const sorted = [...ms].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return { p50: round(rank(50)), p95: round(rank(95)), max: round(sorted.at(-1)!) };
}
