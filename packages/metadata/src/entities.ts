import type { ArtifactState, ExecutionState, RunRequestState, RunState } from './states.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A physical artifact (MLMD Artifact): its type is the KFP schema title, its metadata the custom properties. */
export interface Artifact {
  id: number;
  uri: string;
  typeTitle: string;
  state: ArtifactState;
  metadata: JsonObject;
  createdAt: Date;
  updatedAt: Date;
}

/** One event's end: where an artifact sits in an execution's signature (MLMD event path key + index). */
export interface ArtifactRef {
  key: string;
  index: number;
  artifactId: number;
  uri: string;
  typeTitle: string;
}

/** One task's execution within a run (MLMD Execution typed by the component). */
export interface Execution {
  id: number;
  runId: string;
  pipelineName: string;
  taskName: string;
  componentName: string;
  state: ExecutionState;
  cacheKey: string | null;
  /** For CACHED executions: the COMPLETE execution whose outputs were reused. */
  reusedFrom: number | null;
  /** The process responsible for finishing this execution (see abandonStaleExecutions). */
  pid: number | null;
  startedAt: Date;
  finishedAt: Date | null;
  exitCode: number | null;
  error: string | null;
  inputParameters: JsonObject;
  outputParameters: JsonObject;
  inputs: ArtifactRef[];
  outputs: ArtifactRef[];
}

export interface TaskCounts extends Record<ExecutionState, number> {
  total: number;
}

export interface RunSummary {
  runId: string;
  pipelineName: string;
  state: RunState;
  trigger: string | null;
  /** Why the trigger fired; null for runs recorded without one. */
  triggerReason: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  tasks: TaskCounts;
}

export interface RunDetail extends RunSummary {
  pipelineSpecDigest: string;
  parameters: JsonObject;
  error: string | null;
  /** In start order. */
  executions: Execution[];
}

export interface ArtifactWithKey {
  key: string;
  index: number;
  artifact: Artifact;
}

/** A cache hit: what a task may reuse instead of running. */
export interface CachedExecution {
  execution: Execution;
  outputArtifacts: ArtifactWithKey[];
  outputParameters: JsonObject;
}

export interface AbandonResult {
  executionIds: number[];
  runIds: string[];
}

/** A queued request to run a pipeline (see MetadataStore.enqueueRunRequest). */
export interface RunRequest {
  id: number;
  pipelineName: string;
  trigger: string;
  reason: string;
  parameters: JsonObject;
  dedupeKey: string | null;
  state: RunRequestState;
  /** Set when STARTED. */
  runId: string | null;
  /** The process that claimed it; a CLAIMED request whose claimer died goes back to PENDING. */
  claimedBy: number | null;
  error: string | null;
  /** Runs started for it; a run abandoned by a dead trigger worker is retried up to 3 attempts. */
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface EnqueueResult {
  request: RunRequest;
  /** false when a PENDING request with the same pipeline and dedupeKey was returned instead. */
  created: boolean;
}

/** One holder of a pipeline's run lock. */
export interface RunLockHolder {
  runId: string;
  pid: number;
  acquiredAt: Date;
}

/** Not acquired: `heldBy` is the oldest live holder (with max_concurrent_runs > 1, one of several). */
export type RunLockResult = { acquired: true } | { acquired: false; heldBy: RunLockHolder };
