import { CtpipeError } from '@ctpipe/errors';
import type { RunState } from '../states.js';
import { findContextId } from './contexts.js';
import type { Db } from './db.js';
import { PIPELINE_CONTEXT_TYPE, RUN_CONTEXT_TYPE } from './type-registry.js';

/** A run is a pipeline_run context whose parent is its pipeline context. */
export interface RunContexts {
  runId: string;
  run: number;
  pipeline: number;
}

export function findRun(db: Db, runId: string): RunContexts | undefined {
  const run = findContextId(db, RUN_CONTEXT_TYPE, runId);
  if (run === undefined) return undefined;
  const parent = db.get<{ id: number }>(
    `SELECT p.parent_context_id AS id FROM parent_context p
     JOIN context c ON c.id = p.parent_context_id JOIN type t ON t.id = c.type_id
     WHERE p.context_id = ? AND t.name = ?`,
    run,
    PIPELINE_CONTEXT_TYPE,
  );
  if (!parent) throw new CtpipeError('INTERNAL', `run ${runId} has no pipeline context`);
  return { runId, run, pipeline: parent.id };
}

export function requireRun(db: Db, runId: string): RunContexts {
  const found = findRun(db, runId);
  if (!found)
    throw new CtpipeError('NOT_FOUND', `no run ${runId} in the metadata store`, {
      details: { found: runId },
    });
  return found;
}

export function runState(db: Db, runContextId: number): RunState {
  const row = db.get<{ state: RunState }>(
    `SELECT string_value AS state FROM context_property WHERE context_id = ? AND name = 'state' AND is_custom = 0`,
    runContextId,
  );
  if (!row) throw new CtpipeError('INTERNAL', `run context ${runContextId} has no state`);
  return row.state;
}

/** Executions may only be added to, and runs only finished from, RUNNING. */
export function requireRunningRun(db: Db, runId: string): RunContexts {
  const contexts = requireRun(db, runId);
  const state = runState(db, contexts.run);
  if (state !== 'RUNNING') {
    throw new CtpipeError('CONFLICT', `run ${runId} is ${state}, not RUNNING`, {
      details: { expected: 'RUNNING', found: state },
    });
  }
  return contexts;
}

/** The run an execution belongs to, through its association. */
export function runOfExecution(db: Db, executionId: number): RunContexts {
  const row = db.get<{ name: string }>(
    `SELECT c.name FROM association a JOIN context c ON c.id = a.context_id JOIN type t ON t.id = c.type_id
     WHERE a.execution_id = ? AND t.name = ?`,
    executionId,
    RUN_CONTEXT_TYPE,
  );
  if (!row) throw new CtpipeError('INTERNAL', `execution ${executionId} belongs to no run`);
  return requireRun(db, row.name);
}
