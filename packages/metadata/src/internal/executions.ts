import { CtpipeError } from '@ctpipe/errors';
import type { Execution, JsonValue } from '../entities.js';
import type {
  CompleteExecutionInput,
  ExecutionFailure,
  InputArtifactRef,
  StartExecutionInput,
} from '../inputs.js';
import type { EventType, ExecutionState } from '../states.js';
import { insertArtifact, resolveArtifactId } from './artifacts.js';
import { associate, attribute } from './contexts.js';
import type { Db } from './db.js';
import { insertEvent } from './events.js';
import { requireExecution } from './execution-read.js';
import { setProperties } from './properties.js';
import { type RunContexts, requireRunningRun, runOfExecution } from './run-context.js';
import { EXECUTION_PROPERTIES, ensureType } from './type-registry.js';

type ExecutionValues = { [K in keyof typeof EXECUTION_PROPERTIES]?: JsonValue | undefined };

/** One execution row typed by its component, associated with its run and pipeline contexts. */
export function insertExecution(
  db: Db,
  contexts: RunContexts,
  componentName: string,
  state: ExecutionState,
  values: ExecutionValues,
): number {
  const typeId = ensureType(db, 'EXECUTION', componentName, EXECUTION_PROPERTIES);
  const now = db.now();
  const id = db.run(
    'INSERT INTO execution (type_id, state, create_time, update_time) VALUES (?, ?, ?, ?)',
    typeId,
    state,
    now,
    now,
  ).lastId;
  setProperties(db, 'execution', id, EXECUTION_PROPERTIES, values);
  associate(db, [contexts.run, contexts.pipeline], id);
  return id;
}

/** Records events for a signature, rejecting a (key, index) given twice before the UNIQUE index does. */
export function insertSignatureEvents(
  db: Db,
  executionId: number,
  type: EventType,
  refs: readonly InputArtifactRef[],
): void {
  const seen = new Set<string>();
  for (const ref of refs) {
    const index = ref.index ?? 0;
    const slot = `${ref.key}[${index}]`;
    if (seen.has(slot)) {
      throw new CtpipeError('BAD_INPUT', `${type.toLowerCase()} artifact ${slot} given twice`, {
        details: { found: slot },
      });
    }
    seen.add(slot);
    if (resolveArtifactId(db, ref.artifactId) === undefined) {
      throw new CtpipeError(
        'NOT_FOUND',
        `${type.toLowerCase()} artifact ${slot} refers to unknown artifact ${ref.artifactId}`,
        {
          details: { found: String(ref.artifactId) },
        },
      );
    }
    insertEvent(db, { artifactId: ref.artifactId, executionId, type, key: ref.key, index });
  }
}

export function startExecution(db: Db, input: StartExecutionInput): number {
  return db.write(() => {
    const contexts = requireRunningRun(db, input.runId);
    const id = insertExecution(db, contexts, input.componentName, 'RUNNING', {
      task_name: input.taskName,
      cache_key: input.cacheKey,
      pid: input.pid,
      inputs: input.inputParameters,
    });
    insertSignatureEvents(db, id, 'INPUT', input.inputArtifacts);
    return id;
  });
}

function requireState(execution: Execution, allowed: readonly ExecutionState[]): void {
  if (!allowed.includes(execution.state)) {
    throw new CtpipeError(
      'CONFLICT',
      `execution ${execution.id} (${execution.taskName}) is ${execution.state}`,
      {
        details: { expected: allowed.join('|'), found: execution.state },
      },
    );
  }
}

export function setFinalState(db: Db, id: number, state: ExecutionState, values: ExecutionValues): void {
  const now = db.now();
  db.run('UPDATE execution SET state = ?, update_time = ? WHERE id = ?', state, now, id);
  setProperties(db, 'execution', id, EXECUTION_PROPERTIES, { ...values, finished_at: now });
}

/**
 * Outputs become LIVE artifacts in the same transaction that marks the execution COMPLETE: a
 * crash leaves either both or neither, so no artifact of an unfinished task is ever visible.
 */
export function completeExecution(db: Db, id: number, result: CompleteExecutionInput): Execution {
  return db.write(() => {
    requireState(requireExecution(db, id), ['RUNNING']);
    const contexts = runOfExecution(db, id);
    const refs = result.outputArtifacts.map((output) => {
      const { key, index, ...artifact } = output;
      const artifactId = insertArtifact(db, { ...artifact, state: 'LIVE' });
      attribute(db, [contexts.run, contexts.pipeline], artifactId);
      return { key, index, artifactId };
    });
    insertSignatureEvents(db, id, 'OUTPUT', refs);
    setFinalState(db, id, 'COMPLETE', { outputs: result.outputParameters });
    return requireExecution(db, id);
  });
}

export function failExecution(db: Db, id: number, failure: ExecutionFailure): Execution {
  return db.write(() => {
    requireState(requireExecution(db, id), ['NEW', 'RUNNING']);
    setFinalState(db, id, 'FAILED', { error: failure.message, exit_code: failure.exitCode });
    return requireExecution(db, id);
  });
}

export function cancelExecution(db: Db, id: number, reason: string): Execution {
  return db.write(() => {
    requireState(requireExecution(db, id), ['NEW', 'RUNNING']);
    setFinalState(db, id, 'CANCELED', { error: reason });
    return requireExecution(db, id);
  });
}

/** Ends every unfinished execution of a run context with the given state; returns their ids. */
export function endUnfinishedExecutions(
  db: Db,
  contextId: number,
  state: ExecutionState,
  error: string,
): number[] {
  const ids = db
    .all<{ id: number }>(
      `SELECT e.id FROM association a JOIN execution e ON e.id = a.execution_id
       WHERE a.context_id = ? AND e.state IN ('NEW', 'RUNNING') ORDER BY e.id`,
      contextId,
    )
    .map((r) => r.id);
  for (const id of ids) setFinalState(db, id, state, { error });
  return ids;
}
