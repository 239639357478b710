import { quoteIdent } from '@ctpipe/data';
import type { RawBatch, RawType } from '@ctpipe/preprocessing';
import type { DuckDBConnection, DuckDBVector } from '@duckdb/node-api';

export interface ReadColumn {
  name: string;
  type: RawType;
}

/** Rows per applyTransform call: large enough that per-batch overhead vanishes, small enough to bound memory. */
export const BATCH_ROWS = 65_536;

type Buffer = Float64Array | (string | null)[];

/**
 * Streams a relation's columns as columnar batches of up to `batchRows` rows: numbers as Float64Array (NaN for
 * NULL, cast to DOUBLE in SQL), strings as arrays. Buffers are reused: a batch is valid until the next one.
 */
export async function* readBatches(
  conn: DuckDBConnection,
  relation: string,
  columns: readonly ReadColumn[],
  batchRows = BATCH_ROWS,
): AsyncGenerator<{ batch: RawBatch; n: number }> {
  const select = columns
    .map((c) => `CAST(${quoteIdent(c.name)} AS ${c.type === 'number' ? 'DOUBLE' : 'VARCHAR'})`)
    .join(', ');
  const result = await conn.stream(`SELECT ${select} FROM ${relation}`);
  const buffers: Buffer[] = columns.map((c) =>
    c.type === 'number' ? new Float64Array(batchRows) : new Array<string | null>(batchRows).fill(null),
  );
  const emit = (n: number) => {
    const batch: Record<string, Float64Array | (string | null)[]> = {};
    for (const [i, c] of columns.entries()) {
      const b = buffers[i]!;
      batch[c.name] = n === batchRows ? b : b instanceof Float64Array ? b.subarray(0, n) : b.slice(0, n);
    }
    return { batch, n };
  };
  let filled = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    let from = 0;
    while (from < chunk.rowCount) {
      const take = Math.min(chunk.rowCount - from, batchRows - filled);
      for (let c = 0; c < columns.length; c++)
        copy(chunk.getColumnVector(c), from, take, buffers[c]!, filled);
      from += take;
      filled += take;
      if (filled === batchRows) {
        yield emit(filled);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield emit(filled);
}

function copy(vector: DuckDBVector, from: number, count: number, target: Buffer, at: number): void {
  if (target instanceof Float64Array) {
    for (let i = 0; i < count; i++) {
      const x = vector.getItem(from + i) as number | null;
      target[at + i] = x === null ? Number.NaN : x;
    }
  } else {
    for (let i = 0; i < count; i++) target[at + i] = vector.getItem(from + i) as string | null;
  }
}
