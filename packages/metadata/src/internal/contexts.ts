import type { Db } from './db.js';
import type { PropertySchema } from './properties.js';
import { ensureType, findTypeId } from './type-registry.js';

export function findContextId(db: Db, typeName: string, name: string): number | undefined {
  const typeId = findTypeId(db, 'CONTEXT', typeName);
  if (typeId === undefined) return undefined;
  return db.get<{ id: number }>('SELECT id FROM context WHERE type_id = ? AND name = ?', typeId, name)?.id;
}

/** Inserts a context; the caller checks existence first when a duplicate is an error. */
export function createContext(db: Db, typeName: string, name: string, schema: PropertySchema): number {
  const typeId = ensureType(db, 'CONTEXT', typeName, schema);
  const now = db.now();
  return db.run(
    'INSERT INTO context (type_id, name, create_time, update_time) VALUES (?, ?, ?, ?)',
    typeId,
    name,
    now,
    now,
  ).lastId;
}

export function getOrCreateContext(
  db: Db,
  typeName: string,
  name: string,
  schema: PropertySchema = {},
): number {
  return findContextId(db, typeName, name) ?? createContext(db, typeName, name, schema);
}

export function setParentContext(db: Db, childId: number, parentId: number): void {
  db.run(
    'INSERT OR IGNORE INTO parent_context (context_id, parent_context_id) VALUES (?, ?)',
    childId,
    parentId,
  );
}

export function touchContext(db: Db, contextId: number): void {
  db.run('UPDATE context SET update_time = ? WHERE id = ?', db.now(), contextId);
}

/** Attribution: the artifact belongs to these contexts (its run and its pipeline). */
export function attribute(db: Db, contextIds: readonly number[], artifactId: number): void {
  for (const contextId of contextIds) {
    db.run(
      'INSERT OR IGNORE INTO attribution (context_id, artifact_id) VALUES (?, ?)',
      contextId,
      artifactId,
    );
  }
}

/** Association: the execution happened within these contexts. */
export function associate(db: Db, contextIds: readonly number[], executionId: number): void {
  for (const contextId of contextIds) {
    db.run(
      'INSERT OR IGNORE INTO association (context_id, execution_id) VALUES (?, ?)',
      contextId,
      executionId,
    );
  }
}
