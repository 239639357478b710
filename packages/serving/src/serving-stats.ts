import type { Rollback } from './canary/canary-guard.js';
import type { ModelService } from './model-service.js';
import type { VersionState } from './models/model-versions.js';
import type { BatchingOptions } from './server-options.js';

export interface VersionStats {
  version: string;
  state: VersionState;
  /** The labels naming this version. */
  labels: string[];
  requests: number;
  errors: number;
  error_rate: number;
  /** Instances predicted and model calls made: rows / predict_calls is the mean batch size. */
  rows: number;
  predict_calls: number;
  latency_ms: { mean: number; p50: number; p90: number; p99: number; max: number };
}

/** GET /v1/models/{m}/stats (a ctpipe extension of TF Serving's API): the routing and per-version counters. */
export interface ServingStats {
  model: string;
  labels: Record<string, number>;
  canary_traffic_percent: number;
  batching: { max_batch_size: number; batch_timeout_micros: number; max_enqueued_batches: number } | null;
  versions: VersionStats[];
  rollbacks: Rollback[];
}

export function servingStats(service: ModelService): ServingStats {
  const { labels, canaryTrafficPercent } = service.labels();
  const versions = service.versions.statuses().map((status): VersionStats => {
    const c = service.counters.of(status.version);
    return {
      version: String(status.version),
      state: status.state,
      labels: Object.keys(labels).filter((l) => labels[l] === status.version),
      requests: c.requests,
      errors: c.errors,
      error_rate: Math.round(c.errorRate() * 10_000) / 10_000,
      rows: c.rows,
      predict_calls: c.predictCalls,
      latency_ms: c.latency.summary(),
    };
  });
  return {
    model: service.name,
    labels: { ...labels },
    canary_traffic_percent: canaryTrafficPercent,
    batching: batchingStats(service.config.batching),
    versions,
    rollbacks: [...service.guard.rollbacks],
  };
}

function batchingStats(b: BatchingOptions | false): ServingStats['batching'] {
  return b
    ? {
        max_batch_size: b.maxBatchSize,
        batch_timeout_micros: b.batchTimeoutMicros,
        max_enqueued_batches: b.maxEnqueuedBatches,
      }
    : null;
}
