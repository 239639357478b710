import os from 'node:os';
import path from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/**
 * A DuckDB for the transform phase, used through @duckdb/node-api directly because @ctpipe/data's Engine has no
 * streaming reader or appender (yet): raw columns stream out in chunks, transformed columns go back in
 * through an appender. The database is a file in the output's temp dir, so a split larger than memory spills
 * to disk; a streaming result dies when its connection runs anything else, hence two connections.
 */
export class ColumnarSession {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly reader: DuckDBConnection,
    readonly writer: DuckDBConnection,
  ) {}

  static async open(dir: string): Promise<ColumnarSession> {
    const instance = await DuckDBInstance.create(path.join(dir, 'transform.duckdb'), {
      threads: String(os.availableParallelism()),
      memory_limit: `${Math.max(256, Math.floor((availableMemory() * 0.4) / 2 ** 20))}MB`,
      temp_directory: path.join(dir, 'spill'),
      // Output rows must come out in input order: row i of Split-x/data_0.parquet is raw row i.
      preserve_insertion_order: 'true',
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    return new ColumnarSession(instance, await instance.connect(), await instance.connect());
  }

  close(): void {
    this.reader.closeSync();
    this.writer.closeSync();
    this.instance.closeSync();
  }
}

function availableMemory(): number {
  const constrained = process.constrainedMemory?.() ?? 0;
  return constrained > 0 ? Math.min(constrained, os.totalmem()) : os.totalmem();
}

/** DuckDB's own errors (a corrupt Parquet file in a split) become BAD_INPUT naming what was being read. */
export function readError(what: string, err: unknown): CtpipeError {
  if (err instanceof CtpipeError) return err;
  return new CtpipeError('BAD_INPUT', `cannot read ${what}: ${(err as Error).message}`, {
    details: { path: what },
    cause: err,
  });
}
