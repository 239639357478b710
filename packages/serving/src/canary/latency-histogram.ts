const SMALLEST_MS = 0.01;
const GROWTH = 1.1;
const BUCKETS = 170; // 10 µs … ~100 s, each bucket 10 % wider than the last
const LOG_GROWTH = Math.log(GROWTH);

/** Latencies in log-spaced buckets: constant memory and cost per request, percentiles within 10 %. */
export class LatencyHistogram {
  private readonly counts = new Uint32Array(BUCKETS + 1);
  private total = 0;
  private sum = 0;
  private maximum = 0;

  record(ms: number): void {
    const bucket =
      ms <= SMALLEST_MS ? 0 : Math.min(BUCKETS, Math.ceil(Math.log(ms / SMALLEST_MS) / LOG_GROWTH));
    this.counts[bucket]!++;
    this.total++;
    this.sum += ms;
    if (ms > this.maximum) this.maximum = ms;
  }

  get count(): number {
    return this.total;
  }

  /** The upper bound of the bucket holding the q-quantile (0 < q ≤ 1); 0 with no samples. */
  quantile(q: number): number {
    if (this.total === 0) return 0;
    const rank = Math.ceil(q * this.total);
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(this.maximum, SMALLEST_MS * GROWTH ** i);
    }
    return this.maximum;
  }

  summary(): { mean: number; p50: number; p90: number; p99: number; max: number } {
    const round = (ms: number) => Math.round(ms * 1000) / 1000;
    return {
      mean: round(this.total ? this.sum / this.total : 0),
      p50: round(this.quantile(0.5)),
      p90: round(this.quantile(0.9)),
      p99: round(this.quantile(0.99)),
      max: round(this.maximum),
    };
  }
}
