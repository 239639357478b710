import type { ArtifactRef } from '../entities.js';
import type { EventType } from '../states.js';
import type { Db } from './db.js';

export interface NewEvent {
  artifactId: number;
  executionId: number;
  type: EventType;
  key: string;
  index: number;
}

export function insertEvent(db: Db, event: NewEvent): void {
  db.run(
    'INSERT INTO event (artifact_id, execution_id, type, path_key, path_index, time) VALUES (?, ?, ?, ?, ?, ?)',
    event.artifactId,
    event.executionId,
    event.type,
    event.key,
    event.index,
    db.now(),
  );
}

/** An execution's inputs or outputs, in signature order. */
export function eventRefs(db: Db, executionId: number, type: EventType): ArtifactRef[] {
  return db
    .all<{ key: string; idx: number; artifact_id: number; uri: string; type_title: string }>(
      `SELECT e.path_key AS key, e.path_index AS idx, e.artifact_id, a.uri, t.name AS type_title
     FROM event e JOIN artifact a ON a.id = e.artifact_id JOIN type t ON t.id = a.type_id
     WHERE e.execution_id = ? AND e.type = ? ORDER BY e.path_key, e.path_index`,
      executionId,
      type,
    )
    .map((r) => ({
      key: r.key,
      index: r.idx,
      artifactId: r.artifact_id,
      uri: r.uri,
      typeTitle: r.type_title,
    }));
}
