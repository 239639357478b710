import { CtpipeError } from '@ctpipe/errors';
import type { FeatureColumn } from '../types/prediction-batch.js';

/** A column as dense codes: `codes[row]` indexes `labels` (the slice values), -1 = missing. */
export interface EncodedColumn {
  codes: Int32Array;
  labels: string[];
}

/**
 * Distinct raw values become slice values, sorted (numbers numerically, then strings) so slice order is stable.
 * null, undefined and NaN are missing: the row is in no slice of a spec that uses this feature (TFMA's rule).
 */
export function encodeColumn(name: string, column: FeatureColumn, n: number): EncodedColumn {
  checkLength(name, column, n);
  const provisional = new Int32Array(n);
  const seen = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const v = normalize(column[i]);
    if (v === null) {
      provisional[i] = -1;
      continue;
    }
    let code = seen.get(v);
    if (code === undefined) {
      code = seen.size;
      seen.set(v, code);
    }
    provisional[i] = code;
  }
  // The number 1 and the string '1' both print as '1': they must be one slice, not two with one name. A label
  // sorts as a number when any of its values is one.
  const byLabel = new Map<string, string | number>();
  for (const v of seen.keys()) {
    const label = String(v);
    if (typeof v === 'number' || !byLabel.has(label)) byLabel.set(label, v);
  }
  const labels = [...byLabel.keys()].sort((a, b) => compareValues(byLabel.get(a)!, byLabel.get(b)!));
  const index = new Map(labels.map((label, i) => [label, i]));
  const remap = Int32Array.from(seen.keys(), (v) => index.get(String(v))!);
  const codes = provisional;
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    if (c >= 0) codes[i] = remap[c]!;
  }
  return { codes, labels };
}

/** True when the column holds numbers (a Float64Array, or an array whose first present value is a number). */
export function isNumericColumn(column: FeatureColumn): boolean {
  if (column instanceof Float64Array) return true;
  for (const v of column) {
    const x = normalize(v);
    if (x !== null) return typeof x === 'number';
  }
  return false;
}

export function checkLength(name: string, column: FeatureColumn, n: number): void {
  if (column.length !== n) {
    throw new CtpipeError(
      'BAD_INPUT',
      `Feature column '${name}' has ${column.length} values for ${n} predictions`,
      {
        details: { column: name, expected: `${n} values`, found: String(column.length) },
      },
    );
  }
}

/** Columns read from Arrow may hold bigints and booleans; they slice like numbers and strings. */
function normalize(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
