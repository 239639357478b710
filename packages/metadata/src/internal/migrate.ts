import { CtpipeError } from '@ctpipe/errors';
import type { Db } from './db.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './schema.js';

const MIGRATION_TABLE = `CREATE TABLE IF NOT EXISTS schema_migration (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at INTEGER NOT NULL
)`;

function currentVersion(db: Db): number {
  const table = db.get(
    "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'",
  );
  if (!table) return 0;
  return (
    db.get<{ version: number | null }>('SELECT max(version) AS version FROM schema_migration')?.version ?? 0
  );
}

function refuseNewer(version: number, file: string): void {
  if (version > LATEST_SCHEMA_VERSION) {
    throw new CtpipeError(
      'UNSUPPORTED',
      `metadata store ${file} has schema version ${version}, newer than this ctpipe knows (${LATEST_SCHEMA_VERSION}); upgrade ctpipe`,
      { details: { file, expected: `<= ${LATEST_SCHEMA_VERSION}`, found: String(version) } },
    );
  }
}

/**
 * Brings the schema to the latest version. The version is re-read under the write lock, so two
 * processes opening a fresh file at once apply each migration exactly once.
 */
export function migrate(db: Db, file: string): number {
  const seen = currentVersion(db);
  refuseNewer(seen, file);
  if (seen === LATEST_SCHEMA_VERSION) return seen;
  return db.write(() => {
    db.raw.exec(MIGRATION_TABLE);
    const version = currentVersion(db);
    refuseNewer(version, file);
    for (const migration of MIGRATIONS.filter((m) => m.version > version)) {
      db.raw.exec(migration.sql);
      db.run(
        'INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)',
        migration.version,
        migration.name,
        db.now(),
      );
    }
    return LATEST_SCHEMA_VERSION;
  });
}

export function schemaVersion(db: Db): number {
  return currentVersion(db);
}
