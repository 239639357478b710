import { CtpipeError } from '@ctpipe/errors';
import type { RunLockHolder, RunLockResult } from '../entities.js';
import type { Db } from './db.js';

interface LockRow {
  [key: string]: unknown;
  run_id: string;
  pid: number;
  acquired_at: number;
}

export interface AcquireRunLockOptions {
  /** How many runs of the pipeline may hold the lock at once (max_concurrent_runs). Default 1. */
  maxHolders?: number;
  /** Holders whose process is gone are dropped before counting (their run died with them). */
  isAlive: (pid: number) => boolean;
}

const toHolder = (row: LockRow): RunLockHolder => ({
  runId: row.run_id,
  pid: row.pid,
  acquiredAt: new Date(row.acquired_at),
});

/**
 * One write transaction: drop dead holders, count the live ones, take a slot if one is free. The same
 * (pipeline, run) acquiring again succeeds without taking a second slot.
 */
export function acquireRunLock(
  db: Db,
  pipelineName: string,
  runId: string,
  pid: number,
  options: AcquireRunLockOptions,
): RunLockResult {
  const max = options.maxHolders ?? 1;
  if (!Number.isInteger(max) || max < 1) {
    throw new CtpipeError('BAD_INPUT', 'the run lock needs at least one holder slot', {
      details: { expected: '1, 2, 3, …', found: String(max) },
    });
  }
  return db.write(() => {
    const holders = db.all<LockRow>(
      'SELECT run_id, pid, acquired_at FROM run_lock WHERE pipeline_name = ? ORDER BY acquired_at, run_id',
      pipelineName,
    );
    const live: LockRow[] = [];
    for (const holder of holders) {
      if (holder.run_id === runId) return { acquired: true };
      if (options.isAlive(holder.pid)) live.push(holder);
      else db.run('DELETE FROM run_lock WHERE pipeline_name = ? AND run_id = ?', pipelineName, holder.run_id);
    }
    const [oldest] = live;
    if (oldest !== undefined && live.length >= max) return { acquired: false, heldBy: toHolder(oldest) };
    db.run(
      'INSERT INTO run_lock (pipeline_name, run_id, pid, acquired_at) VALUES (?, ?, ?, ?)',
      pipelineName,
      runId,
      pid,
      db.now(),
    );
    return { acquired: true };
  });
}

/** Releasing a lock not held is a no-op: a taken-over holder may release late. Returns whether it was held. */
export function releaseRunLock(db: Db, pipelineName: string, runId: string): boolean {
  return db.write(
    () =>
      db.run('DELETE FROM run_lock WHERE pipeline_name = ? AND run_id = ?', pipelineName, runId).changes > 0,
  );
}

export function runLockHolders(db: Db, pipelineName: string): RunLockHolder[] {
  return db.read(() =>
    db
      .all<LockRow>(
        'SELECT run_id, pid, acquired_at FROM run_lock WHERE pipeline_name = ? ORDER BY acquired_at, run_id',
        pipelineName,
      )
      .map(toHolder),
  );
}
