/**
 * Migration 2: continuous-training triggers. The run queue outlives the trigger process (a request fired during a
 * run waits here, and survives a restart); the run lock keeps one run per pipeline (or max_concurrent_runs)
 * across processes; trigger_state holds each trigger source's cursor (last span seen, last due time, …).
 * Plain tables rather than MLMD entities: they are scheduling state, not lineage.
 */
export const TRIGGERS_MIGRATION = `
  CREATE TABLE run_request (
    id INTEGER PRIMARY KEY,
    pipeline_name TEXT NOT NULL,
    trigger TEXT NOT NULL,
    reason TEXT NOT NULL,
    parameters TEXT NOT NULL,
    dedupe_key TEXT,
    state TEXT NOT NULL CHECK (state IN ('PENDING', 'CLAIMED', 'STARTED', 'DONE', 'FAILED')),
    run_id TEXT,
    claimed_by INTEGER,
    error TEXT,
    create_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
  );
  CREATE INDEX run_request_by_state ON run_request(state, id);
  CREATE UNIQUE INDEX run_request_pending_dedupe ON run_request(pipeline_name, dedupe_key)
    WHERE state = 'PENDING' AND dedupe_key IS NOT NULL;

  CREATE TABLE run_lock (
    pipeline_name TEXT NOT NULL,
    run_id TEXT NOT NULL,
    pid INTEGER NOT NULL,
    acquired_at INTEGER NOT NULL,
    PRIMARY KEY (pipeline_name, run_id)
  ) WITHOUT ROWID;

  CREATE TABLE trigger_state (
    pipeline_name TEXT NOT NULL,
    source TEXT NOT NULL,
    state TEXT NOT NULL,
    update_time INTEGER NOT NULL,
    PRIMARY KEY (pipeline_name, source)
  ) WITHOUT ROWID;
`;

/**
 * Migration 3: how many runs a request has started. A run abandoned because its trigger worker died is retried (the
 * new-data cursor has moved past its span: failing it would lose the span), but not forever.
 */
export const RUN_REQUEST_ATTEMPTS = 3;
export const RUN_REQUEST_ATTEMPTS_MIGRATION = `
  ALTER TABLE run_request ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
`;
