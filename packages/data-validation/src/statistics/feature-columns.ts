import { type Column, quoteIdent } from '@ctpipe/data';
import { CtpipeError } from '@ctpipe/errors';

/**
 * How the number of distinct values of a numeric column is bounded, which decides how its order statistics
 * are computed (see order-statistics-query.ts): a type with few possible values, an integer range known
 * once min and max are, or nothing short of an estimate.
 */
export type DistinctBound =
  | { kind: 'type'; max: number }
  | { kind: 'range'; unit: number }
  | { kind: 'estimate' };

/** A column TFDV would see as INT or FLOAT: statistics over its values as doubles. */
export interface NumericColumn {
  stats: 'numeric';
  name: string;
  type: 'INT' | 'FLOAT';
  /** The column as stored, for sorting and grouping (native integers sort and hash faster than doubles). */
  native: string;
  /** The DOUBLE value of a native value expression. */
  toDouble: (native: string) => string;
  /** An expression whose avg() DuckDB computes from an exact sum (integers, decimals); absent for doubles. */
  meanInput?: string;
  /** SQL predicate: the value is 0 (false, the epoch) — on the native value, which is cheaper than a cast. */
  isZero: string;
  /** FLOAT/DOUBLE columns may hold NaN and ±Infinity. */
  special: boolean;
  distinct: DistinctBound;
}

/** A column TFDV would see as STRING: value counts over its text. */
export interface StringColumn {
  stats: 'string';
  name: string;
  type: 'STRING';
  /** The VARCHAR value. */
  text: string;
}

export type FeatureColumn = NumericColumn | StringColumn;

const MICROS_PER_DAY = 86_400_000_000;
const asDouble = (v: string) => `CAST(${v} AS DOUBLE)`;
const epochMicros = (v: string) => `CAST(epoch_us(${v}) AS DOUBLE)`;

/**
 * TFDV's feature type for a DuckDB column, and the SQL that reads its values.
 *
 * Dates, times and timestamps are INT features holding epoch microseconds (UTC; a TIME counts from
 * midnight). TFX pipelines feed times to TFDV as int64 features, numeric statistics give the time range and a
 * histogram that drift detection can compare, and ISO text would turn every distinct instant into a string
 * value (millions of "top values" nobody reads, at the cost of a huge GROUP BY).
 */
export function featureColumn(column: Column): FeatureColumn {
  const { name, type } = column;
  const ref = quoteIdent(name);
  const numeric = (
    fields: Omit<NumericColumn, 'stats' | 'name' | 'native' | 'isZero'> & { isZero?: string },
  ): NumericColumn => ({ stats: 'numeric', name, native: ref, isZero: `${ref} = 0`, ...fields });
  switch (baseType(type)) {
    case 'BOOLEAN':
      return numeric({
        type: 'INT',
        toDouble: asDouble,
        meanInput: `CAST(${ref} AS INTEGER)`,
        isZero: `NOT ${ref}`,
        special: false,
        distinct: { kind: 'type', max: 2 },
      });
    case 'TINYINT':
    case 'UTINYINT':
    case 'SMALLINT':
    case 'USMALLINT':
      return numeric({
        type: 'INT',
        toDouble: asDouble,
        meanInput: ref,
        special: false,
        distinct: { kind: 'type', max: 65_536 },
      });
    case 'INTEGER':
    case 'UINTEGER':
    case 'BIGINT':
    case 'UBIGINT':
    case 'HUGEINT':
    case 'UHUGEINT':
      return numeric({
        type: 'INT',
        toDouble: asDouble,
        meanInput: ref,
        special: false,
        distinct: { kind: 'range', unit: 1 },
      });
    case 'DATE':
      return numeric({
        type: 'INT',
        toDouble: epochMicros,
        meanInput: `epoch_us(${ref})`,
        isZero: `epoch_us(${ref}) = 0`,
        special: false,
        distinct: { kind: 'range', unit: MICROS_PER_DAY },
      });
    case 'TIME':
    case 'TIME WITH TIME ZONE':
    case 'TIMESTAMP':
    case 'TIMESTAMP_S':
    case 'TIMESTAMP_MS':
    case 'TIMESTAMP_NS':
    case 'TIMESTAMP WITH TIME ZONE':
      return numeric({
        type: 'INT',
        toDouble: epochMicros,
        meanInput: `epoch_us(${ref})`,
        isZero: `epoch_us(${ref}) = 0`,
        special: false,
        distinct: { kind: 'estimate' },
      });
    case 'FLOAT':
    case 'DOUBLE':
      return numeric({ type: 'FLOAT', toDouble: asDouble, special: true, distinct: { kind: 'estimate' } });
    case 'DECIMAL':
      return numeric({
        type: 'FLOAT',
        toDouble: asDouble,
        meanInput: ref,
        special: false,
        distinct: { kind: 'estimate' },
      });
    case 'VARCHAR':
    case 'JSON':
      return { stats: 'string', name, type: 'STRING', text: ref };
    case 'UUID':
    case 'ENUM':
      return { stats: 'string', name, type: 'STRING', text: `CAST(${ref} AS VARCHAR)` };
    default:
      throw new CtpipeError(
        'UNSUPPORTED',
        `statistics: column "${name}" has type ${type}; only scalar numbers, booleans, dates/times and strings are supported`,
        {
          details: {
            column: name,
            expected: 'BOOLEAN, an integer, FLOAT/DOUBLE/DECIMAL, DATE/TIME/TIMESTAMP, VARCHAR, UUID or ENUM',
            found: type,
          },
        },
      );
  }
}

/** `DECIMAL(10,2)` → `DECIMAL`, `ENUM('a', 'b')` → `ENUM`; lists (`INTEGER[]`) and structs keep their shape. */
function baseType(type: string): string {
  if (/\[\d*\]$/.test(type)) return type;
  if (type.startsWith('VARCHAR')) return 'VARCHAR'; // VARCHAR COLLATE …
  return type.replace(/\(.*\)$/s, '').trim();
}
