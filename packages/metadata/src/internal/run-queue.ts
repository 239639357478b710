import { CtpipeError } from '@ctpipe/errors';
import type { EnqueueResult, JsonObject, RunRequest } from '../entities.js';
import type { EnqueueRunRequestInput, ListRunRequestsQuery } from '../inputs.js';
import { RUN_REQUEST_STATES, type RunRequestState } from '../states.js';
import type { Db, SqlParam } from './db.js';
import { RUN_REQUEST_ATTEMPTS } from './schema-v2.js';

interface RequestRow {
  [key: string]: unknown;
  id: number;
  pipeline_name: string;
  trigger: string;
  reason: string;
  parameters: string;
  dedupe_key: string | null;
  state: RunRequestState;
  run_id: string | null;
  claimed_by: number | null;
  error: string | null;
  attempts: number;
  create_time: number;
  update_time: number;
}

function toRequest(row: RequestRow): RunRequest {
  return {
    id: row.id,
    pipelineName: row.pipeline_name,
    trigger: row.trigger,
    reason: row.reason,
    parameters: JSON.parse(row.parameters) as JsonObject,
    dedupeKey: row.dedupe_key,
    state: row.state,
    runId: row.run_id,
    claimedBy: row.claimed_by,
    error: row.error,
    attempts: row.attempts,
    createdAt: new Date(row.create_time),
    updatedAt: new Date(row.update_time),
  };
}

function readRequest(db: Db, id: number): RunRequest | undefined {
  const row = db.get<RequestRow>('SELECT * FROM run_request WHERE id = ?', id);
  return row && toRequest(row);
}

export function getRunRequest(db: Db, id: number): RunRequest | null {
  return db.read(() => readRequest(db, id) ?? null);
}

export function enqueueRunRequest(db: Db, input: EnqueueRunRequestInput): EnqueueResult {
  return db.write(() => {
    if (input.dedupeKey !== undefined) {
      const pending = db.get<RequestRow>(
        `SELECT * FROM run_request WHERE pipeline_name = ? AND dedupe_key = ? AND state = 'PENDING'`,
        input.pipelineName,
        input.dedupeKey,
      );
      if (pending) return { request: toRequest(pending), created: false };
    }
    const now = db.now();
    const { lastId } = db.run(
      `INSERT INTO run_request (pipeline_name, trigger, reason, parameters, dedupe_key, state, create_time, update_time)
       VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)`,
      input.pipelineName,
      input.trigger,
      input.reason,
      JSON.stringify(input.parameters),
      input.dedupeKey ?? null,
      now,
      now,
    );
    return { request: readRequest(db, lastId) as RunRequest, created: true };
  });
}

export function listRunRequests(db: Db, query: ListRunRequestsQuery = {}): RunRequest[] {
  const where: string[] = [];
  const params: SqlParam[] = [];
  if (query.pipelineName !== undefined) {
    where.push('pipeline_name = ?');
    params.push(query.pipelineName);
  }
  if (query.states !== undefined) {
    for (const s of query.states) requireState(s);
    where.push(`state IN (${query.states.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...query.states);
  }
  params.push(query.limit ?? -1);
  return db.read(() =>
    db
      .all<RequestRow>(
        `SELECT * FROM run_request ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`,
        ...params,
      )
      .map(toRequest),
  );
}

/**
 * The oldest PENDING request (of one pipeline, or of any not in `skipPipelines`) becomes CLAIMED by `pid`, in one
 * write transaction: two workers on one store never claim the same request.
 */
export function claimNextRunRequest(
  db: Db,
  pid: number,
  filter: { pipelineName?: string; skipPipelines?: readonly string[] } = {},
): RunRequest | null {
  const where = [`state = 'PENDING'`];
  const params: SqlParam[] = [];
  if (filter.pipelineName !== undefined) {
    where.push('pipeline_name = ?');
    params.push(filter.pipelineName);
  }
  const skip = filter.skipPipelines ?? [];
  if (skip.length > 0) {
    where.push(`pipeline_name NOT IN (${skip.map(() => '?').join(', ')})`);
    params.push(...skip);
  }
  return db.write(() => {
    const row = db.get<{ id: number }>(
      `SELECT id FROM run_request WHERE ${where.join(' AND ')} ORDER BY id LIMIT 1`,
      ...params,
    );
    if (!row) return null;
    db.run(
      `UPDATE run_request SET state = 'CLAIMED', claimed_by = ?, update_time = ? WHERE id = ?`,
      pid,
      db.now(),
      row.id,
    );
    return readRequest(db, row.id) ?? null;
  });
}

/** Moves a request on; `from` lists the states it may leave (anything else is a CONFLICT). */
export function transitionRunRequest(
  db: Db,
  id: number,
  from: readonly RunRequestState[],
  to: RunRequestState,
  fields: { runId?: string; error?: string } = {},
): RunRequest {
  return db.write(() => {
    const current = readRequest(db, id);
    if (!current) {
      throw new CtpipeError('NOT_FOUND', `run request ${id} not found`, { details: { found: String(id) } });
    }
    if (!from.includes(current.state)) {
      throw new CtpipeError('CONFLICT', `run request ${id} is ${current.state}, it cannot become ${to}`, {
        details: { expected: from.join('|'), found: current.state },
      });
    }
    if (to === 'PENDING') {
      requeue(db, current);
      return readRequest(db, id) as RunRequest;
    }
    db.run(
      `UPDATE run_request SET state = ?, run_id = coalesce(?, run_id), error = coalesce(?, error),
       claimed_by = CASE WHEN ? = 'PENDING' THEN NULL ELSE claimed_by END,
       attempts = attempts + CASE WHEN ? = 'STARTED' THEN 1 ELSE 0 END, update_time = ? WHERE id = ?`,
      to,
      fields.runId ?? null,
      fields.error ?? null,
      to,
      to,
      db.now(),
      id,
    );
    return readRequest(db, id) as RunRequest;
  });
}

/**
 * A worker that died left its requests behind: CLAIMED ones go back to PENDING (they never started). STARTED ones
 * lost their run with the worker (abandonStaleExecutions fails the run itself): they go back to PENDING too — the
 * rerun reuses every task that finished, from cache — until RUN_REQUEST_ATTEMPTS runs were started; then FAILED.
 */
export function recoverRunRequests(db: Db, isAlive: (pid: number) => boolean): RunRequest[] {
  return db.write(() => {
    const stale = db
      .all<RequestRow>(
        `SELECT * FROM run_request WHERE state IN ('CLAIMED', 'STARTED') AND claimed_by IS NOT NULL ORDER BY id`,
      )
      .filter((r) => !isAlive(r.claimed_by as number));
    for (const row of stale) {
      if (row.state === 'CLAIMED') requeue(db, toRequest(row));
      else if (row.attempts < RUN_REQUEST_ATTEMPTS) {
        db.run(
          `UPDATE run_request SET error = ?, update_time = ? WHERE id = ?`,
          `run ${row.run_id ?? '?'} abandoned (trigger worker died): retrying`,
          db.now(),
          row.id,
        );
        requeue(db, toRequest(row));
      } else {
        db.run(
          `UPDATE run_request SET state = 'FAILED', error = ?, update_time = ? WHERE id = ?`,
          `abandoned: trigger worker died during each of ${row.attempts} runs`,
          db.now(),
          row.id,
        );
      }
    }
    return stale.map((r) => readRequest(db, r.id) as RunRequest);
  });
}

/** Back to PENDING, unless an equal request (same dedupe key) was queued meanwhile: then this one is done. */
function requeue(db: Db, request: RunRequest): void {
  const twin =
    request.dedupeKey === null
      ? undefined
      : db.get<{ id: number }>(
          `SELECT id FROM run_request WHERE pipeline_name = ? AND dedupe_key = ? AND state = 'PENDING'`,
          request.pipelineName,
          request.dedupeKey,
        );
  if (twin) {
    db.run(
      `UPDATE run_request SET state = 'DONE', error = ?, update_time = ? WHERE id = ?`,
      `superseded by pending request ${twin.id}`,
      db.now(),
      request.id,
    );
    return;
  }
  db.run(
    `UPDATE run_request SET state = 'PENDING', claimed_by = NULL, update_time = ? WHERE id = ?`,
    db.now(),
    request.id,
  );
}

function requireState(state: string): void {
  if (!(RUN_REQUEST_STATES as readonly string[]).includes(state)) {
    throw new CtpipeError('BAD_INPUT', `unknown run request state ${state}`, {
      details: { expected: RUN_REQUEST_STATES.join('|'), found: state },
    });
  }
}
