import path from 'node:path';
import { type Engine, quoteIdent, type Table, writeParquet } from '@ctpipe/data';
import type { SplitSpec } from './split.js';

const STAGED = '__ctpipe_extract_staged';
const BUCKET = '__ctpipe_split_bucket';

export interface SplitProgress {
  /** Reading and hashing, as a fraction of the source. */
  reading(fraction: number): void;
  /** Rows written so far, of all rows. */
  written(rows: number, total: number): void;
}

/**
 * Reads the source once into a staged table with each row's bucket (CSV is parsed once, not once per split),
 * then writes each split with one COPY. The staged table keeps source order, so the same input gives the
 * same files byte for byte; DuckDB spills it to the engine's temp dir when it outgrows memory.
 */
export async function writeSplits(
  engine: Engine,
  table: Table,
  splits: readonly SplitSpec[],
  bucketSql: string,
  outDir: string,
  progress: SplitProgress,
): Promise<Record<string, number>> {
  await engine.run(
    `CREATE OR REPLACE TEMP TABLE ${quoteIdent(STAGED)} AS SELECT *, ${bucketSql}::UINTEGER AS ${quoteIdent(BUCKET)} FROM ${table.ref}`,
    { onProgress: progress.reading },
  );
  const [{ n } = { n: '0' }] = await engine.query(`SELECT count(*) AS n FROM ${quoteIdent(STAGED)}`);
  const total = Number(n);
  const counts: Record<string, number> = {};
  let written = 0;
  for (const split of splits) {
    const select =
      `SELECT * EXCLUDE (${quoteIdent(BUCKET)}) FROM ${quoteIdent(STAGED)} ` +
      `WHERE ${quoteIdent(BUCKET)} >= ${split.first} AND ${quoteIdent(BUCKET)} < ${split.first + split.buckets}`;
    const rows = await writeParquet(
      engine,
      select,
      path.join(outDir, `Split-${split.name}`, 'data_0.parquet'),
    );
    counts[split.name] = rows;
    written += rows;
    progress.written(written, total);
  }
  await engine.run(`DROP TABLE ${quoteIdent(STAGED)}`);
  return counts;
}
