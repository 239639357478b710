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
 * those `limit` rows and the count leave DuckDB. The groups are materialized once and read twice: a
 * `count(*) OVER ()` riding on the top rows instead materializes them again (0.8 s vs 0.45 s for 3M distinct
 * strings).
 */
export async function valueCounts(
  engine: Engine,
  source: string,
  column: StringColumn,
  limit: number,
): Promise<ValueCounts> {
  // DuckDB compares VARCHAR by bytes, which is TFDV's tie order for its bytes values.
  const rows = await engine.query(
    `WITH g AS MATERIALIZED (
       SELECT ${column.text} AS v, count(*) AS c FROM ${source} WHERE ${column.text} IS NOT NULL GROUP BY 1)
     SELECT * FROM (
       SELECT 0 AS part, NULL AS v, count(*) AS c FROM g
       UNION ALL (SELECT 1 AS part, v, c FROM g ORDER BY c DESC, v DESC LIMIT ${limit}))
     ORDER BY part, c DESC, v DESC`,
  );
  const [total, ...top] = rows;
  return {
    unique: sqlCount(total?.c),
    top: top.map((row) => ({ value: String(row.v), count: sqlCount(row.c) })),
  };
}
