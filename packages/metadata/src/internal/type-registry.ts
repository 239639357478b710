import type { Db } from './db.js';
import type { PropertySchema } from './properties.js';

export type TypeKind = 'ARTIFACT' | 'EXECUTION' | 'CONTEXT';

/** TFX's context type names, so the store reads like one TFX wrote. */
export const PIPELINE_CONTEXT_TYPE = 'pipeline';
export const RUN_CONTEXT_TYPE = 'pipeline_run';

export const RUN_PROPERTIES = {
  pipeline_name: 'STRING',
  pipeline_spec_digest: 'STRING',
  parameters: 'STRUCT',
  trigger: 'STRING',
  trigger_reason: 'STRING',
  state: 'STRING',
  error: 'STRING',
  pid: 'INT',
  finished_at: 'INT',
} as const satisfies PropertySchema;

/** Every execution type (one per component) declares these; inputs/outputs mirror KFP's launcher. */
export const EXECUTION_PROPERTIES = {
  task_name: 'STRING',
  cache_key: 'STRING',
  reused_from: 'INT',
  pid: 'INT',
  exit_code: 'INT',
  error: 'STRING',
  finished_at: 'INT',
  inputs: 'STRUCT',
  outputs: 'STRUCT',
} as const satisfies PropertySchema;

/**
 * The id of a type, created on first use. Declared properties may only grow (MLMD's rule), so a
 * missing one is added to an existing type.
 */
export function ensureType(db: Db, kind: TypeKind, name: string, properties: PropertySchema = {}): number {
  const existing = db.get<{ id: number }>('SELECT id FROM type WHERE kind = ? AND name = ?', kind, name);
  const id = existing?.id ?? db.run('INSERT INTO type (kind, name) VALUES (?, ?)', kind, name).lastId;
  const declared = new Set(
    db.all<{ name: string }>('SELECT name FROM type_property WHERE type_id = ?', id).map((r) => r.name),
  );
  for (const [property, dataType] of Object.entries(properties)) {
    if (declared.has(property)) continue;
    db.run('INSERT INTO type_property (type_id, name, data_type) VALUES (?, ?, ?)', id, property, dataType);
  }
  return id;
}

export function findTypeId(db: Db, kind: TypeKind, name: string): number | undefined {
  return db.get<{ id: number }>('SELECT id FROM type WHERE kind = ? AND name = ?', kind, name)?.id;
}
