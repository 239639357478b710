import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import Database from 'better-sqlite3';

export const IN_MEMORY = ':memory:';
/** Long enough for another runner's transaction (they are all short), short enough to report a stuck lock. */
export const BUSY_TIMEOUT_MS = 10_000;

function sqliteCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Switching a fresh file to WAL needs an exclusive lock and SQLite returns SQLITE_BUSY for it
 * without consulting the busy handler, so two runners creating the store at once would fail;
 * retry within the same budget as busy_timeout. Once the file is WAL the setting persists.
 */
function enableWal(db: Database.Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if (sqliteCode(err) !== 'SQLITE_BUSY' || Date.now() > deadline) throw err;
      sleepSync(5 + Math.random() * 20);
    }
  }
}

/**
 * WAL lets readers (`ctpipe runs`) proceed while a runner writes, and busy_timeout makes a second
 * runner wait for the write lock instead of failing. synchronous=NORMAL is durable against process
 * crashes in WAL mode, which is the failure the store must survive.
 */
export function openConnection(file: string): Database.Database {
  if (file !== IN_MEMORY) mkdirSync(dirname(file), { recursive: true });
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    enableWal(db);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (err) {
    db?.close();
    const code = sqliteCode(err);
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new CtpipeError('BAD_INPUT', `${file} is not a ctpipe metadata store (not an SQLite database)`, {
        details: { file, expected: 'an SQLite database', found: code },
        cause: err,
      });
    }
    throw new CtpipeError('UNAVAILABLE', `cannot open metadata store ${file}`, {
      details: { file },
      cause: err,
    });
  }
}
