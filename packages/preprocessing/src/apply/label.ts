import { CtpipeError } from '@ctpipe/errors';
import type { LabelValues } from '../graph/types.js';
import type { LabelSpec } from '../spec/types.js';
import type { RawValues } from './raw-columns.js';

export type LabelColumn = (values: RawValues, rowOffset: number) => Int32Array | Float32Array;

/**
 * Training and evaluation rows must have a known label: a missing or unseen class is an error naming the row
 * (validate's schema should have stopped such data before). Serving passes no label column at all.
 */
export function compileLabel(spec: LabelSpec, values: LabelValues): LabelColumn {
  const column = spec.column;
  const bad = (row: number, expected: string, found: unknown): never => {
    const text = found === null || found === undefined ? 'missing' : (JSON.stringify(found) ?? String(found));
    throw new CtpipeError(
      'BAD_INPUT',
      `the label: column '${column}' row ${row} should be ${expected}, found ${text}`,
      {
        details: { feature: 'label', column, row, expected, found: text },
      },
    );
  };
  if ('classes' in values) {
    const ranks = new Map(values.classes.map((c, i) => [c, i]));
    const expected = `one of the classes ${values.classes.join(', ')}`;
    return (raw, rowOffset) => {
      const out = new Int32Array(raw.length);
      for (let i = 0; i < raw.length; i++) {
        const v = raw[i];
        // Numeric classes (0/1) were analyzed as numbers and named by their JS text, as here.
        const rank =
          typeof v === 'string' || (typeof v === 'number' && !Number.isNaN(v)) || typeof v === 'bigint'
            ? ranks.get(String(v))
            : undefined;
        out[i] = rank ?? bad(rowOffset + i, expected, v);
      }
      return out;
    };
  }
  const { offset, factor } = values;
  return (raw, rowOffset) => {
    const out = new Float32Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const v = raw[i];
      const x = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : Number.NaN;
      if (Number.isNaN(x)) bad(rowOffset + i, 'a number', v);
      out[i] = (x - offset) * factor;
    }
    return out;
  };
}
