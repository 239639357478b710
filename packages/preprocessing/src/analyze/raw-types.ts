import type { RawColumn } from '../spec/check-columns.js';
import type { RawType } from '../spec/types.js';

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?)$/;

/** DuckDB's type name → what the transform reads it as; undefined for types it cannot read (DATE, STRUCT…). */
export function rawTypeOfDuckDb(type: string): RawType | undefined {
  if (NUMERIC.test(type)) return 'number';
  if (type === 'VARCHAR') return 'string';
  return undefined;
}

/** DESCRIBE's columns as RawColumns. */
export function duckDbColumns(columns: readonly { name: string; type: string }[]): RawColumn[] {
  return columns.map((c) => ({ name: c.name, rawType: rawTypeOfDuckDb(c.type), sourceType: c.type }));
}
