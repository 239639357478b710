import type { RawColumn } from './read-eval-columns.js';

/** Class index of each raw label in the model's classes; a missing or unknown label is -1. */
export function classLabels(column: RawColumn, classes: readonly string[]): Int32Array {
  const index = new Map(classes.map((c, i) => [c, i]));
  const labels = new Int32Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    const key = typeof v === 'number' ? (Number.isNaN(v) ? undefined : String(v)) : (v ?? undefined);
    labels[i] = key === undefined ? -1 : (index.get(key) ?? -1);
  }
  return labels;
}

/** Regression targets; a missing (or non-numeric) label is NaN. */
export function regressionLabels(column: RawColumn): Float64Array {
  if (column instanceof Float64Array) return column;
  return Float64Array.from(column, (v) => (v === null ? NaN : Number(v)));
}
