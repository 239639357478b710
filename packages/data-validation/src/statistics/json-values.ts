import type { Engine } from '@ctpipe/data';
import { CtpipeError } from '@ctpipe/errors';
import type { Int64String, JsonDouble } from '../types/statistics.js';

/** One row of Engine.query's result, and one value in it. */
export type SqlRow = Awaited<ReturnType<Engine['query']>>[number];
type SqlValue = SqlRow[string];

/** A double in proto3 JSON: NaN and ±Infinity become the strings the proto3 JSON mapping prescribes. */
export function jsonDouble(value: number): JsonDouble {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return 'Infinity';
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
  return value;
}

/** An int64/uint64 in proto3 JSON: a decimal string. */
export function int64(value: number): Int64String {
  if (!Number.isSafeInteger(value)) {
    throw new CtpipeError('INTERNAL', `statistics: ${value} is not an exact integer count`);
  }
  return String(value);
}

/**
 * A number from a DuckDB result row as Engine.query returns it: doubles are numbers (NaN and ±Infinity as
 * strings), 64- and 128-bit integers are decimal strings, SQL NULL is null.
 */
export function sqlNumber(value: SqlValue | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const parsed = Number(value);
    if (!Number.isNaN(parsed) || value === 'NaN') return parsed;
  }
  throw new CtpipeError(
    'INTERNAL',
    `statistics: expected a number from DuckDB, got ${JSON.stringify(value)}`,
  );
}

/** A count from a DuckDB row: NULL (an aggregate over no rows) reads as 0. */
export function sqlCount(value: SqlValue | undefined): number {
  return sqlNumber(value) ?? 0;
}
