import type {
  AbandonResult,
  Artifact,
  CachedExecution,
  Execution,
  RunDetail,
  RunSummary,
} from './entities.js';
import type {
  ArtifactQuery,
  CompleteExecutionInput,
  ExecutionFailure,
  FinishRunInput,
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
import * as runs from './internal/runs.js';
import type { Lineage, LineageOptions } from './lineage-types.js';
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

  async close(): Promise<void> {
    if (this.db.raw.open) this.db.raw.close();
  }
}
