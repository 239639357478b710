import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Engine, RunOptions } from './engine.js';
import { quoteLiteral } from './sql-quote.js';

export interface ParquetWriteOptions extends RunOptions {
  /** Default 'zstd': about the size of gzip at the speed of snappy. */
  compression?: 'zstd' | 'snappy' | 'gzip' | 'uncompressed';
  /** Rows per row group (DuckDB rounds up to a multiple of 2,048); default 122,880, a good scan unit. */
  rowGroupSize?: number;
}

/** Writes a SELECT's result to one Parquet file (parent directories created); returns the rows written. */
export async function writeParquet(
  engine: Engine,
  select: string,
  file: string,
  options: ParquetWriteOptions = {},
): Promise<number> {
  await mkdir(path.dirname(file), { recursive: true });
  const settings = [
    'FORMAT parquet',
    `COMPRESSION ${(options.compression ?? 'zstd').toUpperCase()}`,
    `ROW_GROUP_SIZE ${Math.trunc(options.rowGroupSize ?? 122_880)}`,
  ];
  const runOptions = options.onProgress ? { onProgress: options.onProgress } : {};
  return engine.run(`COPY (${select}) TO ${quoteLiteral(file)} (${settings.join(', ')})`, runOptions);
}
