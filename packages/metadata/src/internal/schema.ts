/**
 * The schema, as an append-only list of migrations. The model follows ML Metadata's: types with
 * declared properties, artifacts/executions/contexts with properties and custom properties, events
 * linking artifacts to executions, attributions and associations linking them to contexts, and
 * parent contexts (run → pipeline).
 *
 * Departures from MLMD's SQL, and why: states and kinds are TEXT (readable in the sqlite3 shell);
 * an event's path is always [key, index] for KFP signatures, so it is two columns instead of an
 * EventPath table; and events are unique per (execution, type, key, index) rather than per
 * (artifact, execution, type), since one artifact may legitimately fill two inputs of a task.
 *
 * Never edit a released migration: append a new one.
 */
import { RUN_REQUEST_ATTEMPTS_MIGRATION, TRIGGERS_MIGRATION } from './schema-v2.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const ENTITY_TIMES = `create_time INTEGER NOT NULL, update_time INTEGER NOT NULL`;

function propertyTable(entity: 'artifact' | 'execution' | 'context'): string {
  return `
    CREATE TABLE ${entity}_property (
      ${entity}_id INTEGER NOT NULL REFERENCES ${entity}(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      is_custom INTEGER NOT NULL CHECK (is_custom IN (0, 1)),
      int_value INTEGER,
      double_value REAL,
      string_value TEXT,
      bool_value INTEGER,
      struct_value TEXT,
      PRIMARY KEY (${entity}_id, name, is_custom)
    ) WITHOUT ROWID;`;
}

const INITIAL = `
  CREATE TABLE type (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('ARTIFACT', 'EXECUTION', 'CONTEXT')),
    name TEXT NOT NULL,
    UNIQUE (kind, name)
  );
  CREATE TABLE type_property (
    type_id INTEGER NOT NULL REFERENCES type(id),
    name TEXT NOT NULL,
    data_type TEXT NOT NULL CHECK (data_type IN ('INT', 'DOUBLE', 'STRING', 'BOOLEAN', 'STRUCT')),
    PRIMARY KEY (type_id, name)
  ) WITHOUT ROWID;

  CREATE TABLE artifact (
    id INTEGER PRIMARY KEY,
    type_id INTEGER NOT NULL REFERENCES type(id),
    uri TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN
      ('PENDING', 'LIVE', 'MARKED_FOR_DELETION', 'DELETED', 'ABANDONED', 'REFERENCE')),
    ${ENTITY_TIMES}
  );
  CREATE INDEX artifact_by_uri ON artifact(uri);
  ${propertyTable('artifact')}

  CREATE TABLE execution (
    id INTEGER PRIMARY KEY,
    type_id INTEGER NOT NULL REFERENCES type(id),
    state TEXT NOT NULL CHECK (state IN ('NEW', 'RUNNING', 'COMPLETE', 'FAILED', 'CACHED', 'CANCELED')),
    ${ENTITY_TIMES}
  );
  CREATE INDEX execution_by_state ON execution(state);
  ${propertyTable('execution')}
  CREATE INDEX execution_property_by_string ON execution_property(name, string_value);

  CREATE TABLE context (
    id INTEGER PRIMARY KEY,
    type_id INTEGER NOT NULL REFERENCES type(id),
    name TEXT NOT NULL,
    ${ENTITY_TIMES},
    UNIQUE (type_id, name)
  );
  ${propertyTable('context')}
  CREATE INDEX context_property_by_string ON context_property(name, string_value);
  CREATE TABLE parent_context (
    context_id INTEGER NOT NULL REFERENCES context(id),
    parent_context_id INTEGER NOT NULL REFERENCES context(id),
    PRIMARY KEY (context_id, parent_context_id)
  ) WITHOUT ROWID;

  CREATE TABLE event (
    id INTEGER PRIMARY KEY,
    artifact_id INTEGER NOT NULL REFERENCES artifact(id),
    execution_id INTEGER NOT NULL REFERENCES execution(id),
    type TEXT NOT NULL CHECK (type IN ('INPUT', 'OUTPUT')),
    path_key TEXT NOT NULL,
    path_index INTEGER NOT NULL,
    time INTEGER NOT NULL,
    UNIQUE (execution_id, type, path_key, path_index)
  );
  CREATE INDEX event_by_artifact ON event(artifact_id, type);

  CREATE TABLE attribution (
    context_id INTEGER NOT NULL REFERENCES context(id),
    artifact_id INTEGER NOT NULL REFERENCES artifact(id),
    PRIMARY KEY (context_id, artifact_id)
  ) WITHOUT ROWID;
  CREATE INDEX attribution_by_artifact ON attribution(artifact_id);

  CREATE TABLE association (
    context_id INTEGER NOT NULL REFERENCES context(id),
    execution_id INTEGER NOT NULL REFERENCES execution(id),
    PRIMARY KEY (context_id, execution_id)
  ) WITHOUT ROWID;
  CREATE INDEX association_by_execution ON association(execution_id);
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial mlmd-style schema', sql: INITIAL },
  { version: 2, name: 'run queue, run lock and trigger state', sql: TRIGGERS_MIGRATION },
  { version: 3, name: 'run request attempts', sql: RUN_REQUEST_ATTEMPTS_MIGRATION },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
