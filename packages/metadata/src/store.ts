import type {
  AbandonResult,
  Artifact,
  CachedExecution,
  EnqueueResult,
  Execution,
  JsonObject,
  RunDetail,
  RunLockHolder,
  RunLockResult,
  RunRequest,
  RunSummary,
} from './entities.js';
import type {
  ArtifactQuery,
  CompleteExecutionInput,
  EnqueueRunRequestInput,
  ExecutionFailure,
  FinishRunInput,
  ListRunRequestsQuery,
  ListRunsQuery,
  RecordCachedExecutionInput,
  RegisterArtifactInput,
  StartExecutionInput,
  StartRunInput,
} from './inputs.js';
import type { Lineage, LineageOptions } from './lineage-types.js';
import type { ArtifactState } from './states.js';

/**
 * The ML Metadata store as ctpipe's runner and CLI use it. Backends implement this interface and
 * must pass the contract suite in src/contract/. Methods are async so a remote backend (MySQL,
 * Vertex ML Metadata) can implement it; the SQLite one completes synchronously underneath.
 *
 * Errors are CtpipeError: NOT_FOUND for unknown runs/executions/artifacts, CONFLICT for a state
 * transition that is not allowed (e.g. completing an execution that is no longer RUNNING).
 */
export interface MetadataStore {
  /** Creates the run (and its pipeline context on first use). CONFLICT if the runId exists. */
  startRun(input: StartRunInput): Promise<RunSummary>;
  /** Ends a RUNNING run. Executions still RUNNING become CANCELED; SUCCEEDED with any is a CONFLICT. */
  finishRun(runId: string, outcome: FinishRunInput): Promise<RunSummary>;
  listRuns(query?: ListRunsQuery): Promise<RunSummary[]>;
  getRun(runId: string): Promise<RunDetail | null>;

  /** Records a RUNNING execution with its INPUT events; returns its id. The run must be RUNNING. */
  startExecution(input: StartExecutionInput): Promise<number>;
  /**
   * Atomically registers the outputs as LIVE artifacts with OUTPUT events and marks the execution
   * COMPLETE. CONFLICT when the execution is no longer RUNNING (e.g. abandoned meanwhile).
   */
  completeExecution(executionId: number, result: CompleteExecutionInput): Promise<Execution>;
  failExecution(executionId: number, failure: ExecutionFailure): Promise<Execution>;
  cancelExecution(executionId: number, reason?: string): Promise<Execution>;
  /** A CACHED execution whose OUTPUT events point at the reused execution's artifacts. */
  recordCachedExecution(input: RecordCachedExecutionInput): Promise<Execution>;
  getExecution(executionId: number): Promise<Execution | null>;

  /** The latest COMPLETE execution with this key whose output artifacts are all still LIVE. */
  findCachedExecution(cacheKey: string): Promise<CachedExecution | null>;
  /** RUNNING executions and runs whose pid is not alive become FAILED ("abandoned: runner died"). */
  abandonStaleExecutions(isAlive: (pid: number) => boolean): Promise<AbandonResult>;

  /** Registers an artifact from outside a run; returns the existing one for the same uri and type. */
  registerArtifact(input: RegisterArtifactInput): Promise<Artifact>;
  /** Artifacts matching a resolver query, newest first. */
  findArtifacts(query: ArtifactQuery): Promise<Artifact[]>;
  /** By id, or by uri (the newest artifact with that uri). A string of digits is an id. */
  getArtifact(idOrUri: number | string): Promise<Artifact | null>;
  setArtifactState(artifactId: number, state: ArtifactState): Promise<Artifact>;
  /** NOT_FOUND if the artifact does not exist. */
  lineage(idOrUri: number | string, options?: LineageOptions): Promise<Lineage>;

  /**
   * Queues a request to run a pipeline (continuous-training triggers). With a dedupeKey, a PENDING request of
   * the same pipeline and key is returned instead of a second one (`created: false`).
   */
  enqueueRunRequest(input: EnqueueRunRequestInput): Promise<EnqueueResult>;
  /** Oldest first. */
  listRunRequests(query?: ListRunRequestsQuery): Promise<RunRequest[]>;
  getRunRequest(id: number): Promise<RunRequest | null>;
  /**
   * Atomically claims the oldest PENDING request (of `pipelineName`, or of any pipeline not in
   * `skipPipelines`) for process `pid`: across processes sharing the store, each request is claimed once.
   */
  claimNextRunRequest(
    pid: number,
    filter?: { pipelineName?: string; skipPipelines?: readonly string[] },
  ): Promise<RunRequest | null>;
  /** Gives a CLAIMED request back (PENDING again), e.g. when the run lock was taken meanwhile. */
  unclaimRunRequest(id: number): Promise<RunRequest>;
  /** CLAIMED → STARTED with the run's id. */
  markRunRequestStarted(id: number, runId: string): Promise<RunRequest>;
  /** CLAIMED/STARTED → DONE: the run was launched and has ended (whatever its state). */
  markRunRequestDone(id: number): Promise<RunRequest>;
  /** CLAIMED/STARTED → FAILED: the run could not be launched or its launcher broke. */
  markRunRequestFailed(id: number, error: string): Promise<RunRequest>;
  /** CLAIMED requests of dead processes go back to PENDING, STARTED ones become FAILED. */
  recoverRunRequests(isAlive: (pid: number) => boolean): Promise<RunRequest[]>;

  /**
   * Takes one of the pipeline's `maxHolders` (default 1) run-lock slots for `runId`, unless they are all held by
   * live processes; holders whose pid is not alive (default: isProcessAlive) are taken over.
   */
  acquireRunLock(
    pipelineName: string,
    runId: string,
    pid: number,
    options?: { maxHolders?: number; isAlive?: (pid: number) => boolean },
  ): Promise<RunLockResult>;
  /** Whether it was held; releasing a lock that is not held is not an error. */
  releaseRunLock(pipelineName: string, runId: string): Promise<boolean>;
  runLockHolders(pipelineName: string): Promise<RunLockHolder[]>;

  /** A trigger source's persisted cursor, or null the first time. */
  getTriggerState(pipelineName: string, source: string): Promise<JsonObject | null>;
  setTriggerState(pipelineName: string, source: string, state: JsonObject): Promise<void>;

  close(): Promise<void>;
}
