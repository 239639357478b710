import type { FieldDescriptor } from './descriptors.js';

/**
 * Conversions shared by the text and JSON readers: each returns the value in ctpipe's JSON form (int64 as a
 * decimal string, enums by name) or an error message naming what was expected.
 */
export type Converted = { value: unknown } | { error: string };

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function int64FromText(text: string, negative: boolean): Converted {
  if (!/^(?:0[xX][0-9a-fA-F]+|\d+)$/.test(text)) return { error: 'an integer' };
  const value = negative ? -BigInt(text) : BigInt(text);
  if (value < INT64_MIN || value > INT64_MAX) return { error: 'an integer within int64 range' };
  return { value: value.toString() };
}

export function doubleFromText(text: string, negative: boolean): Converted {
  const lower = text.toLowerCase();
  let value: number;
  if (lower === 'inf' || lower === 'infinity') value = Infinity;
  else if (lower === 'nan') value = Number.NaN;
  else if (/^0x[0-9a-f]+$/.test(lower)) value = Number.parseInt(lower, 16);
  else if (/^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?f?$/.test(lower)) value = Number.parseFloat(lower);
  else return { error: 'a number' };
  return { value: negative ? -value : value };
}

export function enumFromValue(field: FieldDescriptor, raw: string | number): Converted {
  const values = field.enumValues ?? {};
  if (typeof raw === 'string' && raw in values) return { value: raw };
  if (typeof raw === 'number') {
    const name = Object.entries(values).find(([, n]) => n === raw)?.[0];
    if (name !== undefined) return { value: name };
  }
  return { error: `one of ${Object.keys(values).join(', ')}` };
}
