import type { ServingModel } from '@ctpipe/model';

/** TF Serving's `model_version_policy`: which version folders are loaded. Labelled versions always are. */
export type VersionPolicy =
  | { kind: 'latest'; numVersions: number }
  | { kind: 'all' }
  | { kind: 'specific'; versions: readonly number[] };

/** TF Serving's BatchingParameters (the ones that apply to one Node.js process). */
export interface BatchingOptions {
  /** Rows per model call (TF Serving's `max_batch_size`). A larger single request runs alone. */
  maxBatchSize: number;
  /** How long an open batch waits for more requests; 0 = until the current I/O has been read. */
  batchTimeoutMicros: number;
  /** Batches that may wait; a request that needs one more gets 503 UNAVAILABLE. */
  maxEnqueuedBatches: number;
}

export interface RollbackOptions {
  /** The canary is rolled back when its error rate exceeds the stable's by more than this (0.05 = 5 points). */
  maxErrorRate: number;
  /** …counted over at least this many requests since it became the canary. */
  minRequests: number;
}

export interface RequestLogOptions {
  /** `requests-*.ndjson` (raw features only, what validate's `serving_data` reads) and `predictions/…`. */
  dir: string;
  /** Fraction of instances logged, 0–1. */
  sampleRate: number;
  /** A file is closed (renamed to its final name) past this size… */
  maxFileBytes: number;
  /** …or this age. */
  maxFileAgeMs: number;
}

export interface VertexRoutes {
  /** `AIP_HEALTH_ROUTE`: 200 once a version is AVAILABLE, 503 before. */
  healthRoute: string;
  /** `AIP_PREDICT_ROUTE`: `{"instances": […], "parameters": {…}}` → `{"predictions": […]}`. */
  predictRoute: string;
}

export interface ServingLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface ServerOptions {
  /** The model's folder holding numeric version folders (TF Serving's `--model_base_path`): `<base>/<model>`. */
  modelBasePath: string;
  /** The name in `/v1/models/{name}`. */
  modelName: string;
  /** Default: latest, 1 version. */
  versionPolicy?: VersionPolicy;
  /** TF Serving's `file_system_poll_wait_seconds` in ms; default 1000; 0 = scan once at start. */
  pollIntervalMs?: number;
  /** Default on, `DEFAULT_BATCHING`; `false` = one model call per request. */
  batching?: BatchingOptions | false;
  /** Default `DEFAULT_ROLLBACK`; `false` = never roll back automatically. */
  rollback?: RollbackOptions | false;
  /** Request bodies above this are refused with 413; default 1.5 MiB (Vertex AI's online limit). */
  maxBodyBytes?: number;
  /** Off unless given. */
  requestLog?: RequestLogOptions;
  /** Served in addition to the TF Serving routes when given. */
  vertex?: VertexRoutes;
  logger?: ServingLogger;
  /** How a version folder becomes a model; default `loadServingModel`. Tests wrap it. */
  loadModel?: (versionDir: string) => Promise<ServingModel>;
  /** Random draws for the canary split without a request key and for log sampling; default Math.random. */
  random?: () => number;
  now?: () => Date;
}

export const DEFAULT_BATCHING: BatchingOptions = Object.freeze({
  maxBatchSize: 128,
  batchTimeoutMicros: 0,
  maxEnqueuedBatches: 10,
});

export const DEFAULT_ROLLBACK: RollbackOptions = Object.freeze({ maxErrorRate: 0.05, minRequests: 20 });

/** Vertex AI's online prediction payload limit ("1.5 MB"). */
export const DEFAULT_MAX_BODY_BYTES = 1.5 * 1024 * 1024;

export const DEFAULT_POLL_INTERVAL_MS = 1000;

export const DEFAULT_REQUEST_LOG = Object.freeze({ maxFileBytes: 16 * 1024 * 1024, maxFileAgeMs: 60_000 });
