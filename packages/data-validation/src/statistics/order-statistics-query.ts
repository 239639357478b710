import type { Engine } from '@ctpipe/data';
import { CtpipeError } from '@ctpipe/errors';
import type { NumericColumn } from './feature-columns.js';
import { sqlCount, sqlNumber } from './json-values.js';
import type { NumericProfile } from './profile-query.js';

/**
 * TFDV's quantiles for one column, computed exactly: `values[r]` is the value at 0-based sorted position
 * min(⌊r·n/q⌋, n−1) for r = 0…q (so values[0] is the minimum and values[q] the maximum), and
 * `cumulativeCounts[r]` the number of values ≤ values[r]. This is what TFDV's quantiles sketch returns
 * (GetQuantilesAndCumulativeWeights) when it holds every value; NaN is excluded, ±Infinity included.
 */
export interface OrderStatistics {
  values: number[];
  cumulativeCounts: number[];
}

// Above this many distinct values (or a tenth of the rows), sorting the rows beats grouping them first.
// Measured on 3M rows, 2 cores: grouping 1k distinct values 0.02 s, 100k 0.05 s, 1M 0.9 s; the window sort
// of all 3M rows 0.13–0.27 s whatever the number of distinct values.
const MAX_GROUPS = 200_000;

/**
 * Pass 2 for one numeric column. Few distinct values: GROUP BY value, then a running sum over the groups.
 * Many: one window sort of the rows, numbering positions and counting peers. Either way the query returns
 * only the rows that hold one of the q+1 target positions (≤ q+1 rows), never the column.
 */
export async function orderStatistics(
  engine: Engine,
  source: string,
  column: NumericColumn,
  profile: NumericProfile,
  numQuantiles: number,
): Promise<OrderStatistics> {
  const n = profile.present - profile.nan;
  if (n <= 0) return { values: [], cumulativeCounts: [] };
  const q = numQuantiles;
  const notNaN = column.special ? ` AND NOT isnan(${column.native})` : '';
  const where = `${column.native} IS NOT NULL${notNaN}`;
  // A run covers sorted positions [first, last]; keep it when some r has ⌊r·n/q⌋ in it (the smallest r
  // with ⌊r·n/q⌋ ≥ first is ⌈first·q/n⌉), or when it holds the last position (r = q clamps to n − 1).
  const hit = (first: string, last: string) =>
    `((${first}) * ${q} + ${n} - 1) // ${n} * ${n} // ${q} <= ${last}`;
  const sql = useGroups(column, profile)
    ? // The running sum is a HUGEINT; BIGINT arithmetic in the filter is measurably faster.
      `WITH g AS (SELECT ${column.native} AS v, count(*) AS c FROM ${source} WHERE ${where} GROUP BY 1),
         runs AS (SELECT v, c, CAST(sum(c) OVER (ORDER BY v ROWS UNBOUNDED PRECEDING) AS BIGINT) AS cum FROM g)
       SELECT ${column.toDouble('v')} AS x, cum - c AS first, cum - 1 AS last, cum
       FROM runs WHERE ${hit('cum - c', 'cum - 1')} OR cum = ${n} ORDER BY first`
    : `WITH s AS (SELECT v, row_number() OVER w - 1 AS k, count(*) OVER w AS cum
         FROM (SELECT ${column.native} AS v FROM ${source} WHERE ${where}) WINDOW w AS (ORDER BY v))
       SELECT ${column.toDouble('v')} AS x, k AS first, k AS last, cum
       FROM s WHERE ${hit('k', 'k')} OR k = ${n - 1} ORDER BY k`;
  const rows = await engine.query(sql);
  const runs = rows.map((row) => ({
    value: sqlNumber(row.x) ?? Number.NaN,
    last: sqlCount(row.last),
    cum: sqlCount(row.cum),
  }));
  return expand(runs, n, q, column.name);
}

function useGroups(column: NumericColumn, profile: NumericProfile): boolean {
  const n = profile.present - profile.nan;
  const limit = Math.min(MAX_GROUPS, Math.max(1_000, n / 10));
  const { distinct } = column;
  switch (distinct.kind) {
    case 'type':
      return true;
    case 'range': {
      const span = ((profile.finiteMax ?? 0) - (profile.finiteMin ?? 0)) / distinct.unit + 1;
      return span <= limit;
    }
    case 'estimate':
      // HyperLogLog is off by a few percent; lean towards sorting near the limit.
      return (profile.distinctEstimate ?? Number.POSITIVE_INFINITY) * 1.1 <= limit;
  }
}

function expand(
  runs: { value: number; last: number; cum: number }[],
  n: number,
  q: number,
  columnName: string,
): OrderStatistics {
  const values: number[] = [];
  const cumulativeCounts: number[] = [];
  let i = 0;
  for (let r = 0; r <= q; r++) {
    const target = Math.min(Math.floor((r * n) / q), n - 1);
    while (i < runs.length && runs[i]!.last < target) i++;
    const run = runs[i];
    if (run === undefined) {
      const message = `statistics: no value at sorted position ${target} of "${columnName}"`;
      throw new CtpipeError('INTERNAL', message, { details: { column: columnName } });
    }
    values.push(run.value);
    cumulativeCounts.push(run.cum);
  }
  return { values, cumulativeCounts };
}
