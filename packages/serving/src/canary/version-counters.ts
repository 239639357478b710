import { LatencyHistogram } from './latency-histogram.js';

/** One version's counters since it was loaded in this process (ctpipe's `/stats` extension). */
export class VersionCounters {
  requests = 0;
  errors = 0;
  /** Instances predicted. */
  rows = 0;
  /** Model calls: fewer than requests when batching merges them. */
  predictCalls = 0;
  readonly latency = new LatencyHistogram();

  /** A request routed to this version ended with `status`; 4xx and 5xx both count as errors. */
  record(status: number, ms: number): void {
    this.requests++;
    if (status >= 400) this.errors++;
    this.latency.record(ms);
  }

  errorRate(): number {
    return this.requests === 0 ? 0 : this.errors / this.requests;
  }
}

/** Counters per version, created on first use. */
export class ServingCounters {
  private readonly byVersion = new Map<number, VersionCounters>();

  of(version: number): VersionCounters {
    let counters = this.byVersion.get(version);
    if (!counters) {
      counters = new VersionCounters();
      this.byVersion.set(version, counters);
    }
    return counters;
  }

  has(version: number): boolean {
    return this.byVersion.has(version);
  }
}
