export type {
  AbandonResult,
  Artifact,
  ArtifactRef,
  ArtifactWithKey,
  CachedExecution,
  EnqueueResult,
  Execution,
  JsonObject,
  JsonValue,
  RunDetail,
  RunLockHolder,
  RunLockResult,
  RunRequest,
  RunSummary,
  TaskCounts,
} from './entities.js';
export type {
  ArtifactQuery,
  CompleteExecutionInput,
  EnqueueRunRequestInput,
  ExecutionFailure,
  FinishRunInput,
  InputArtifactRef,
  ListRunRequestsQuery,
  ListRunsQuery,
  OutputArtifactInput,
  RecordCachedExecutionInput,
  RegisterArtifactInput,
  StartExecutionInput,
  StartRunInput,
} from './inputs.js';
export type {
  ConsumerStep,
  DownstreamArtifact,
  Lineage,
  LineageOptions,
  ProducerStep,
  UpstreamArtifact,
} from './lineage-types.js';
export { type OpenMetadataStoreOptions, openMetadataStore } from './open.js';
export { isProcessAlive } from './process-alive.js';
export { SqliteMetadataStore } from './sqlite-store.js';
export {
  ABANDONED_ERROR,
  ARTIFACT_STATES,
  type ArtifactState,
  EXECUTION_STATES,
  type ExecutionState,
  type FinalRunState,
  RUN_REQUEST_STATES,
  RUN_STATES,
  type RunRequestState,
  type RunState,
} from './states.js';
export type { MetadataStore } from './store.js';
