import type { BqField } from './schema-types.js';

/** A row as the BigQuery REST API sends it: `{f: [{v: …}, …]}`, every scalar a string. */
export interface RawRow {
  f?: { v?: unknown }[] | null;
}

/**
 * Raw REST rows → one JSON object per row keyed by column name, scalars kept as BigQuery's strings
 * (DuckDB casts them to the declared types exactly; going through JS numbers would lose INT64 precision).
 * Only TIMESTAMP (int64 microseconds) and JSON (text) need rewriting.
 */
export function rowToJson(row: RawRow, fields: readonly BqField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  fields.forEach((field, i) => {
    out[field.name ?? `f${i}`] = cellValue(row.f?.[i]?.v, field);
  });
  return out;
}

function cellValue(v: unknown, field: BqField): unknown {
  if (v === null || v === undefined) return null;
  if (field.mode === 'REPEATED') {
    return (v as { v?: unknown }[]).map((item) => scalarOf(item.v, field));
  }
  return scalarOf(v, field);
}

function scalarOf(v: unknown, field: BqField): unknown {
  if (v === null || v === undefined) return null;
  switch ((field.type ?? '').toUpperCase()) {
    case 'RECORD':
    case 'STRUCT':
      return rowToJson(v as RawRow, field.fields ?? []);
    case 'TIMESTAMP':
      return timestampFromMicros(String(v));
    case 'JSON':
      return JSON.parse(String(v));
    default:
      return v;
  }
}

/** "1700000000123456" (µs since epoch, as the client requests) → "2023-11-14T22:13:20.123456Z". */
export function timestampFromMicros(micros: string): string {
  if (!/^-?\d+$/.test(micros)) return micros; // already formatted (older servers send float seconds)
  const us = BigInt(micros);
  const ms = us / 1000n - (us % 1000n < 0n ? 1n : 0n);
  const subMs = ((us % 1000n) + 1000n) % 1000n;
  const iso = new Date(Number(ms)).toISOString(); // …T22:13:20.123Z
  return `${iso.slice(0, -1)}${String(subMs).padStart(3, '0')}Z`;
}
