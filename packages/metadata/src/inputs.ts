import type { JsonObject } from './entities.js';
import type { ArtifactState, FinalRunState, RunRequestState } from './states.js';

export interface StartRunInput {
  runId: string;
  pipelineName: string;
  /** Digest of the compiled pipeline.json, so a run can be tied to the exact spec it executed. */
  pipelineSpecDigest: string;
  parameters: JsonObject;
  /** What started the run: "manual", "schedule", "new-data", "drift", … */
  trigger?: string;
  /** Why the trigger fired, in words: "schedule '0 3 * * *' (Europe/Amsterdam) due …", "new span 3 under …". */
  triggerReason?: string;
  /** The runner's pid; lets abandonStaleExecutions fail a run whose runner died between tasks. */
  pid?: number;
}

export interface FinishRunInput {
  state: FinalRunState;
  error?: string;
}

export interface ListRunsQuery {
  pipelineName?: string;
  /** Newest first; at most this many. */
  limit?: number;
}

/** An artifact an execution reads, by its place in the component's signature. */
export interface InputArtifactRef {
  key: string;
  /** Position within a list input; 0 for a single artifact. */
  index?: number;
  artifactId: number;
}

export interface StartExecutionInput {
  runId: string;
  taskName: string;
  componentName: string;
  cacheKey?: string;
  inputParameters: JsonObject;
  inputArtifacts: InputArtifactRef[];
  /** The process that will complete or fail this execution: the runner, whose death orphans it. */
  pid: number;
}

export interface OutputArtifactInput {
  key: string;
  index?: number;
  uri: string;
  /** KFP schema title, e.g. system.Dataset. */
  typeTitle: string;
  metadata: JsonObject;
}

export interface CompleteExecutionInput {
  outputParameters: JsonObject;
  outputArtifacts: OutputArtifactInput[];
}

export interface ExecutionFailure {
  /** One line: the component's stderr reason or the launcher's. */
  message: string;
  exitCode?: number;
}

export interface RecordCachedExecutionInput {
  runId: string;
  taskName: string;
  componentName: string;
  cacheKey: string;
  /** The COMPLETE execution whose outputs this task reuses. */
  reusedFrom: number;
  /** Recorded as INPUT events so the cached task's inputs still show in its run. */
  inputParameters?: JsonObject;
  inputArtifacts?: InputArtifactRef[];
}

/** An artifact that enters a pipeline from outside (importer, source data). */
export interface RegisterArtifactInput {
  uri: string;
  typeTitle: string;
  metadata?: JsonObject;
  /** REFERENCE (default) for data ctpipe does not own, LIVE for data it manages. */
  state?: Extract<ArtifactState, 'LIVE' | 'REFERENCE'>;
}

/** A resolver's query (KFP ArtifactQuerySpec filter, parsed); every given field must match. */
export interface ArtifactQuery {
  typeTitle?: string;
  state?: ArtifactState;
  uri?: string;
  /** The output key of the execution that produced the artifact (KFP's artifact `name`). */
  outputKey?: string;
  /** A pipeline or run context name the artifact is attributed to. */
  contextName?: string;
  /** Custom properties (the artifact's metadata) that must hold these values. */
  metadata?: Record<string, string | number | boolean>;
  /** At most this many, newest first (default 1, as KFP's). */
  limit?: number;
}

/** A request to run a pipeline, queued by a trigger until the pipeline's lock lets it start. */
export interface EnqueueRunRequestInput {
  pipelineName: string;
  /** What fired: "schedule", "new-data", "drift", "quality", "pubsub", "manual", … */
  trigger: string;
  reason: string;
  /** Pipeline parameters for the run (e.g. `{ span: 3 }`). */
  parameters: JsonObject;
  /**
   * While a PENDING request of the same pipeline has this key, enqueueing another is a no-op that returns the
   * pending one (e.g. `span-3`, so a source that fires twice before the run starts queues one run).
   */
  dedupeKey?: string;
}

export interface ListRunRequestsQuery {
  pipelineName?: string;
  /** Default: every state. */
  states?: readonly RunRequestState[];
  /** Oldest first; at most this many. */
  limit?: number;
}
