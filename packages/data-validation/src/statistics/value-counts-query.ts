import type { Engine } from '@ctpipe/data';
import type { StringColumn } from './feature-columns.js';
import { sqlCount } from './json-values.js';

export interface ValueCounts {
  /** Exact number of distinct values. */
  unique: number;
  /** The most frequent values, by count descending, ties by the larger value (byte order) first. */
  top: { value: string; count: number }[];
}

/**
 * One GROUP BY over a string column: the exact distinct count and the `limit` most frequent values. Only
 * those `limit` rows leave DuckDB; the distinct count rides along on each as a window over the groups.
 */
export async function valueCounts(
  engine: Engine,
  source: string,
  column: StringColumn,
  limit: number,
): Promise<ValueCounts> {
  // DuckDB compares VARCHAR by bytes, which is TFDV's tie order for its bytes values.
  const rows = await engine.query(
    `WITH g AS (SELECT ${column.text} AS v, count(*) AS c FROM ${source} WHERE ${column.text} IS NOT NULL GROUP BY 1)
     SELECT v, c, count(*) OVER () AS u FROM g ORDER BY c DESC, v DESC LIMIT ${limit}`,
  );
  return {
    unique: sqlCount(rows[0]?.u),
    top: rows.map((row) => ({ value: String(row.v), count: sqlCount(row.c) })),
  };
}
