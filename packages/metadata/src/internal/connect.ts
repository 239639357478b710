import { openConnection } from './connection.js';
import { Db } from './db.js';
import { migrate } from './migrate.js';

/** An open, migrated connection; closed again if migration refuses the file. */
export function connect(file: string, clock: () => number): Db {
  const raw = openConnection(file);
  const db = new Db(raw, clock);
  try {
    migrate(db, file);
  } catch (err) {
    raw.close();
    throw err;
  }
  return db;
}
