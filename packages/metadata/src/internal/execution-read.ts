import { CtpipeError } from '@ctpipe/errors';
import type { Execution, JsonObject, JsonValue } from '../entities.js';
import type { ExecutionState } from '../states.js';
import type { Db } from './db.js';
import { eventRefs } from './events.js';
import { readProperties } from './properties.js';
import { PIPELINE_CONTEXT_TYPE, RUN_CONTEXT_TYPE } from './type-registry.js';

interface ExecutionRow {
  [column: string]: unknown;
  id: number;
  component: string;
  state: ExecutionState;
  create_time: number;
}

function contextName(db: Db, executionId: number, typeName: string): string {
  const row = db.get<{ name: string }>(
    `SELECT c.name FROM association a JOIN context c ON c.id = a.context_id JOIN type t ON t.id = c.type_id
     WHERE a.execution_id = ? AND t.name = ?`,
    executionId,
    typeName,
  );
  if (!row) throw new CtpipeError('INTERNAL', `execution ${executionId} has no ${typeName} context`);
  return row.name;
}

const asString = (v: JsonValue | undefined): string | null => (typeof v === 'string' ? v : null);
const asNumber = (v: JsonValue | undefined): number | null => (typeof v === 'number' ? v : null);
const asObject = (v: JsonValue | undefined): JsonObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};

export function readExecution(db: Db, id: number): Execution | undefined {
  const row = db.get<ExecutionRow>(
    `SELECT e.id, t.name AS component, e.state, e.create_time
     FROM execution e JOIN type t ON t.id = e.type_id WHERE e.id = ?`,
    id,
  );
  if (!row) return undefined;
  const p = readProperties(db, 'execution', id).properties;
  const finishedAt = asNumber(p.finished_at);
  return {
    id,
    runId: contextName(db, id, RUN_CONTEXT_TYPE),
    pipelineName: contextName(db, id, PIPELINE_CONTEXT_TYPE),
    taskName: asString(p.task_name) ?? '',
    componentName: row.component,
    state: row.state,
    cacheKey: asString(p.cache_key),
    reusedFrom: asNumber(p.reused_from),
    pid: asNumber(p.pid),
    startedAt: new Date(row.create_time),
    finishedAt: finishedAt === null ? null : new Date(finishedAt),
    exitCode: asNumber(p.exit_code),
    error: asString(p.error),
    inputParameters: asObject(p.inputs),
    outputParameters: asObject(p.outputs),
    inputs: eventRefs(db, id, 'INPUT'),
    outputs: eventRefs(db, id, 'OUTPUT'),
  };
}

export function requireExecution(db: Db, id: number): Execution {
  const execution = readExecution(db, id);
  if (!execution) {
    throw new CtpipeError('NOT_FOUND', `no execution ${id} in the metadata store`, {
      details: { found: String(id) },
    });
  }
  return execution;
}

/** The executions of one run context, in start order. */
export function executionIdsOfContext(db: Db, contextId: number): number[] {
  return db
    .all<{ id: number }>(
      `SELECT e.id FROM association a JOIN execution e ON e.id = a.execution_id
       WHERE a.context_id = ? ORDER BY e.create_time, e.id`,
      contextId,
    )
    .map((r) => r.id);
}
