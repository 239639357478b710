import { CtpipeError } from '@ctpipe/errors';
import type { SlicingSpec } from '../types/eval-config.js';
import type { FeatureColumn } from '../types/prediction-batch.js';
import { checkLength, type EncodedColumn } from './encode-column.js';

type Buckets = NonNullable<SlicingSpec['numericBuckets']>;

/** The column as numbers, NaN = missing; a string value is an error naming the row. */
export function numericValues(name: string, column: FeatureColumn, n: number): Float64Array {
  checkLength(name, column, n);
  if (column instanceof Float64Array) return column;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v: unknown = column[i];
    if (v === null || v === undefined) out[i] = Number.NaN;
    else if (typeof v === 'number' || typeof v === 'bigint') out[i] = Number(v);
    else {
      throw new CtpipeError(
        'BAD_INPUT',
        `Feature '${name}' has numeric buckets but row ${i} is not a number`,
        {
          details: { row: i, column: name, expected: 'a number or null', found: JSON.stringify(v) },
        },
      );
    }
  }
  return out;
}

/**
 * Fixed boundaries as given; `count` quantile buckets from the data: boundary k is the value at rank
 * ⌊k·m/count⌋ of the m present values, so each bucket holds about m/count rows (fewer where values repeat,
 * since equal boundaries merge). Computed over all rows, labelled or not.
 */
export function resolveBoundaries(values: Float64Array, buckets: Buckets): number[] {
  if ('boundaries' in buckets) return buckets.boundaries;
  const present = values.filter((v) => !Number.isNaN(v)).sort();
  const m = present.length;
  const out: number[] = [];
  for (let k = 1; k < buckets.count && m > 0; k++) {
    const b = present[Math.floor((k * m) / buckets.count)]!;
    if (out.at(-1) !== b) out.push(b);
  }
  return out;
}

/** '(-inf, 3500)', '[3500, 4500)', '[4500, inf)': index i covers [boundaries[i-1], boundaries[i]). */
export function bucketLabel(boundaries: readonly number[], i: number): string {
  const lower = i === 0 ? '(-inf' : `[${boundaries[i - 1]}`;
  const upper = i === boundaries.length ? 'inf)' : `${boundaries[i]})`;
  return `${lower}, ${upper}`;
}

export function bucketColumn(values: Float64Array, boundaries: readonly number[]): EncodedColumn {
  const n = values.length;
  const codes = new Int32Array(n);
  const last = boundaries.length;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      codes[i] = -1;
      continue;
    }
    // Upper bound search: the number of boundaries ≤ v is the bucket index.
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (boundaries[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    codes[i] = lo;
  }
  const labels = Array.from({ length: last + 1 }, (_, i) => bucketLabel(boundaries, i));
  return { codes, labels };
}
