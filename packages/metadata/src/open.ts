import { connect } from './internal/connect.js';
import { SqliteMetadataStore } from './sqlite-store.js';

export interface OpenMetadataStoreOptions {
  /** Milliseconds since the epoch; tests pass a fake clock to get exact times and durations. */
  clock?: () => number;
}

/**
 * Opens (creating file, parent directory and schema as needed) the SQLite metadata store at `path`;
 * ":memory:" gives a private in-memory store. CtpipeError UNSUPPORTED if the file was written by a
 * newer ctpipe, BAD_INPUT if it is not an SQLite database.
 */
export function openMetadataStore(path: string, options: OpenMetadataStoreOptions = {}): SqliteMetadataStore {
  return new SqliteMetadataStore(connect(path, options.clock ?? Date.now), path);
}
