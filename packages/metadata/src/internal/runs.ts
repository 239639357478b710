import { CtpipeError } from '@ctpipe/errors';
import type { JsonObject, RunDetail, RunSummary, TaskCounts } from '../entities.js';
import type { FinishRunInput, ListRunsQuery, StartRunInput } from '../inputs.js';
import { EXECUTION_STATES, type ExecutionState, RUN_STATES, type RunState } from '../states.js';
import {
  createContext,
  findContextId,
  getOrCreateContext,
  setParentContext,
  touchContext,
} from './contexts.js';
import type { Db, SqlParam } from './db.js';
import { executionIdsOfContext, requireExecution } from './execution-read.js';
import { endUnfinishedExecutions } from './executions.js';
import { readProperties, setProperties } from './properties.js';
import { findRun, requireRunningRun } from './run-context.js';
import { PIPELINE_CONTEXT_TYPE, RUN_CONTEXT_TYPE, RUN_PROPERTIES } from './type-registry.js';

const FINAL_RUN_STATES: readonly string[] = RUN_STATES.filter((s) => s !== 'RUNNING');

export function startRun(db: Db, input: StartRunInput): RunSummary {
  return db.write(() => {
    if (findContextId(db, RUN_CONTEXT_TYPE, input.runId) !== undefined) {
      throw new CtpipeError('CONFLICT', `run ${input.runId} already exists in the metadata store`, {
        details: { found: input.runId },
      });
    }
    const pipeline = getOrCreateContext(db, PIPELINE_CONTEXT_TYPE, input.pipelineName);
    const run = createContext(db, RUN_CONTEXT_TYPE, input.runId, RUN_PROPERTIES);
    setParentContext(db, run, pipeline);
    setProperties(db, 'context', run, RUN_PROPERTIES, {
      pipeline_name: input.pipelineName,
      pipeline_spec_digest: input.pipelineSpecDigest,
      parameters: input.parameters,
      trigger: input.trigger,
      trigger_reason: input.triggerReason,
      state: 'RUNNING',
      pid: input.pid,
    });
    touchContext(db, pipeline);
    return readRunSummary(db, run);
  });
}

/** A run that ends while tasks are unfinished cancels them; claiming success then is a runner bug. */
export function finishRun(db: Db, runId: string, outcome: FinishRunInput): RunSummary {
  if (!FINAL_RUN_STATES.includes(outcome.state)) {
    throw new CtpipeError('BAD_INPUT', `a run cannot finish as ${String(outcome.state)}`, {
      details: { expected: 'SUCCEEDED|FAILED|CANCELED', found: String(outcome.state) },
    });
  }
  return db.write(() => {
    const { run } = requireRunningRun(db, runId);
    const ended = endUnfinishedExecutions(db, run, 'CANCELED', `run ${runId} ended ${outcome.state}`);
    if (outcome.state === 'SUCCEEDED' && ended.length > 0) {
      throw new CtpipeError('CONFLICT', `run ${runId} cannot succeed with unfinished executions`, {
        details: { found: ended.join(',') },
      });
    }
    markRunFinished(db, run, outcome.state, outcome.error);
    return readRunSummary(db, run);
  });
}

export function markRunFinished(
  db: Db,
  runContextId: number,
  state: RunState,
  error: string | undefined,
): void {
  setProperties(db, 'context', runContextId, RUN_PROPERTIES, { state, error, finished_at: db.now() });
  touchContext(db, runContextId);
}

function taskCounts(db: Db, runContextId: number): TaskCounts {
  const counts = Object.fromEntries(EXECUTION_STATES.map((s) => [s, 0])) as Record<ExecutionState, number>;
  const rows = db.all<{ state: ExecutionState; n: number }>(
    `SELECT e.state, count(*) AS n FROM association a JOIN execution e ON e.id = a.execution_id
     WHERE a.context_id = ? GROUP BY e.state`,
    runContextId,
  );
  let total = 0;
  for (const { state, n } of rows) {
    counts[state] = n;
    total += n;
  }
  return { ...counts, total };
}

interface RunRecord {
  summary: RunSummary;
  properties: JsonObject;
}

function readRun(db: Db, runContextId: number): RunRecord {
  const row = db.get<{ name: string; create_time: number }>(
    'SELECT name, create_time FROM context WHERE id = ?',
    runContextId,
  );
  if (!row) throw new CtpipeError('INTERNAL', `run context ${runContextId} vanished`);
  const p = readProperties(db, 'context', runContextId).properties;
  const finishedAt = typeof p.finished_at === 'number' ? p.finished_at : null;
  const summary: RunSummary = {
    runId: row.name,
    pipelineName: String(p.pipeline_name),
    state: p.state as RunState,
    trigger: typeof p.trigger === 'string' ? p.trigger : null,
    triggerReason: typeof p.trigger_reason === 'string' ? p.trigger_reason : null,
    createdAt: new Date(row.create_time),
    finishedAt: finishedAt === null ? null : new Date(finishedAt),
    durationMs: finishedAt === null ? null : finishedAt - row.create_time,
    tasks: taskCounts(db, runContextId),
  };
  return { summary, properties: p };
}

export function readRunSummary(db: Db, runContextId: number): RunSummary {
  return readRun(db, runContextId).summary;
}

export function listRuns(db: Db, query: ListRunsQuery = {}): RunSummary[] {
  if (query.limit !== undefined && !(Number.isInteger(query.limit) && query.limit > 0)) {
    throw new CtpipeError('BAD_INPUT', 'the run limit must be a positive integer', {
      details: { expected: '1, 2, 3, …', found: String(query.limit) },
    });
  }
  return db.read(() => {
    const params: SqlParam[] = [RUN_CONTEXT_TYPE];
    let filter = '';
    if (query.pipelineName !== undefined) {
      filter = `AND EXISTS (SELECT 1 FROM context_property p WHERE p.context_id = c.id
                AND p.name = 'pipeline_name' AND p.is_custom = 0 AND p.string_value = ?)`;
      params.push(query.pipelineName);
    }
    params.push(query.limit ?? -1);
    const ids = db.all<{ id: number }>(
      `SELECT c.id FROM context c JOIN type t ON t.id = c.type_id
       WHERE t.kind = 'CONTEXT' AND t.name = ? ${filter}
       ORDER BY c.create_time DESC, c.id DESC LIMIT ?`,
      ...params,
    );
    return ids.map(({ id }) => readRunSummary(db, id));
  });
}

export function getRun(db: Db, runId: string): RunDetail | null {
  return db.read(() => {
    const contexts = findRun(db, runId);
    if (!contexts) return null;
    const { summary, properties: p } = readRun(db, contexts.run);
    const parameters = p.parameters;
    return {
      ...summary,
      pipelineSpecDigest: String(p.pipeline_spec_digest),
      parameters:
        parameters !== null && typeof parameters === 'object' && !Array.isArray(parameters) ? parameters : {},
      error: typeof p.error === 'string' ? p.error : null,
      executions: executionIdsOfContext(db, contexts.run).map((id) => requireExecution(db, id)),
    };
  });
}
