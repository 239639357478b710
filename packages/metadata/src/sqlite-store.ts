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
import { findArtifacts } from './internal/artifact-query.js';
import * as artifacts from './internal/artifacts.js';
import * as caching from './internal/caching.js';
import type { Db } from './internal/db.js';
import { readExecution } from './internal/execution-read.js';
import * as executions from './internal/executions.js';
import * as lineage from './internal/lineage.js';
import { schemaVersion } from './internal/migrate.js';
import { abandonStaleExecutions } from './internal/recovery.js';
import * as runLock from './internal/run-lock.js';
import * as queue from './internal/run-queue.js';
import * as runs from './internal/runs.js';
import * as triggerState from './internal/trigger-state.js';
import type { Lineage, LineageOptions } from './lineage-types.js';
import { isProcessAlive } from './process-alive.js';
import type { ArtifactState } from './states.js';
import type { MetadataStore } from './store.js';

/**
 * The SQLite backend: the same engine MLMD uses on one machine. better-sqlite3 is synchronous, so
 * every method finishes its transaction before returning; the Promise only satisfies the interface.
 */
export class SqliteMetadataStore implements MetadataStore {
  constructor(
    private readonly db: Db,
    /** The database file, or ":memory:". */
    readonly file: string,
  ) {}

  /** The applied schema version (see the schema_migration table). */
  get schemaVersion(): number {
    return schemaVersion(this.db);
  }

  async startRun(input: StartRunInput): Promise<RunSummary> {
    return runs.startRun(this.db, input);
  }

  async finishRun(runId: string, outcome: FinishRunInput): Promise<RunSummary> {
    return runs.finishRun(this.db, runId, outcome);
  }

  async listRuns(query?: ListRunsQuery): Promise<RunSummary[]> {
    return runs.listRuns(this.db, query);
  }

  async getRun(runId: string): Promise<RunDetail | null> {
    return runs.getRun(this.db, runId);
  }

  async startExecution(input: StartExecutionInput): Promise<number> {
    return executions.startExecution(this.db, input);
  }

  async completeExecution(executionId: number, result: CompleteExecutionInput): Promise<Execution> {
    return executions.completeExecution(this.db, executionId, result);
  }

  async failExecution(executionId: number, failure: ExecutionFailure): Promise<Execution> {
    return executions.failExecution(this.db, executionId, failure);
  }

  async cancelExecution(executionId: number, reason = 'canceled'): Promise<Execution> {
    return executions.cancelExecution(this.db, executionId, reason);
  }

  async recordCachedExecution(input: RecordCachedExecutionInput): Promise<Execution> {
    return caching.recordCachedExecution(this.db, input);
  }

  async getExecution(executionId: number): Promise<Execution | null> {
    return this.db.read(() => readExecution(this.db, executionId) ?? null);
  }

  async findCachedExecution(cacheKey: string): Promise<CachedExecution | null> {
    return caching.findCachedExecution(this.db, cacheKey);
  }

  async abandonStaleExecutions(isAlive: (pid: number) => boolean): Promise<AbandonResult> {
    return abandonStaleExecutions(this.db, isAlive);
  }

  async registerArtifact(input: RegisterArtifactInput): Promise<Artifact> {
    return this.db.write(() => artifacts.registerArtifact(this.db, input));
  }

  async findArtifacts(query: ArtifactQuery): Promise<Artifact[]> {
    return this.db.read(() => findArtifacts(this.db, query));
  }

  async getArtifact(idOrUri: number | string): Promise<Artifact | null> {
    return this.db.read(() => {
      const id = artifacts.resolveArtifactId(this.db, idOrUri);
      return id === undefined ? null : (artifacts.readArtifact(this.db, id) ?? null);
    });
  }

  async setArtifactState(artifactId: number, state: ArtifactState): Promise<Artifact> {
    return this.db.write(() => artifacts.setArtifactState(this.db, artifactId, state));
  }

  async lineage(idOrUri: number | string, options?: LineageOptions): Promise<Lineage> {
    return lineage.lineage(this.db, idOrUri, options);
  }

  async enqueueRunRequest(input: EnqueueRunRequestInput): Promise<EnqueueResult> {
    return queue.enqueueRunRequest(this.db, input);
  }

  async listRunRequests(query?: ListRunRequestsQuery): Promise<RunRequest[]> {
    return queue.listRunRequests(this.db, query);
  }

  async getRunRequest(id: number): Promise<RunRequest | null> {
    return queue.getRunRequest(this.db, id);
  }

  async claimNextRunRequest(
    pid: number,
    filter?: { pipelineName?: string; skipPipelines?: readonly string[] },
  ): Promise<RunRequest | null> {
    return queue.claimNextRunRequest(this.db, pid, filter);
  }

  async unclaimRunRequest(id: number): Promise<RunRequest> {
    return queue.transitionRunRequest(this.db, id, ['CLAIMED'], 'PENDING');
  }

  async markRunRequestStarted(id: number, runId: string): Promise<RunRequest> {
    return queue.transitionRunRequest(this.db, id, ['CLAIMED'], 'STARTED', { runId });
  }

  async markRunRequestDone(id: number): Promise<RunRequest> {
    return queue.transitionRunRequest(this.db, id, ['CLAIMED', 'STARTED'], 'DONE');
  }

  async markRunRequestFailed(id: number, error: string): Promise<RunRequest> {
    return queue.transitionRunRequest(this.db, id, ['CLAIMED', 'STARTED'], 'FAILED', { error });
  }

  async recoverRunRequests(isAlive: (pid: number) => boolean): Promise<RunRequest[]> {
    return queue.recoverRunRequests(this.db, isAlive);
  }

  async acquireRunLock(
    pipelineName: string,
    runId: string,
    pid: number,
    options: { maxHolders?: number; isAlive?: (pid: number) => boolean } = {},
  ): Promise<RunLockResult> {
    return runLock.acquireRunLock(this.db, pipelineName, runId, pid, {
      isAlive: options.isAlive ?? isProcessAlive,
      ...(options.maxHolders === undefined ? {} : { maxHolders: options.maxHolders }),
    });
  }

  async releaseRunLock(pipelineName: string, runId: string): Promise<boolean> {
    return runLock.releaseRunLock(this.db, pipelineName, runId);
  }

  async runLockHolders(pipelineName: string): Promise<RunLockHolder[]> {
    return runLock.runLockHolders(this.db, pipelineName);
  }

  async getTriggerState(pipelineName: string, source: string): Promise<JsonObject | null> {
    return this.db.read(() => triggerState.getTriggerState(this.db, pipelineName, source));
  }

  async setTriggerState(pipelineName: string, source: string, state: JsonObject): Promise<void> {
    triggerState.setTriggerState(this.db, pipelineName, source, state);
  }

  async close(): Promise<void> {
    if (this.db.raw.open) this.db.raw.close();
  }
}
