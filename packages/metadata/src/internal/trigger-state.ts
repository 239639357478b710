import type { JsonObject } from '../entities.js';
import type { Db } from './db.js';

/** A trigger source's cursor (last span seen, last due time …), one JSON object per pipeline and source. */
export function getTriggerState(db: Db, pipelineName: string, source: string): JsonObject | null {
  const row = db.get<{ state: string }>(
    'SELECT state FROM trigger_state WHERE pipeline_name = ? AND source = ?',
    pipelineName,
    source,
  );
  return row ? (JSON.parse(row.state) as JsonObject) : null;
}

export function setTriggerState(db: Db, pipelineName: string, source: string, state: JsonObject): void {
  db.write(() =>
    db.run(
      `INSERT INTO trigger_state (pipeline_name, source, state, update_time) VALUES (?, ?, ?, ?)
       ON CONFLICT (pipeline_name, source) DO UPDATE SET state = excluded.state, update_time = excluded.update_time`,
      pipelineName,
      source,
      JSON.stringify(state),
      db.now(),
    ),
  );
}
