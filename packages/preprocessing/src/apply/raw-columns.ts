import { CtpipeError } from '@ctpipe/errors';

/** A raw column: a typed array (numbers, NaN = missing) or an array of numbers / strings / null. */
export type RawValues = ArrayLike<unknown>;

/** Columnar raw data: raw column name → its n values. */
export type RawBatch = Readonly<Record<string, RawValues | undefined>>;

/**
 * The batch's columns converted once each: numbers to Float64Array (NaN = missing), strings to (string|null)[].
 * A value of the wrong type fails with the column and row, never silently becoming missing.
 */
export class RawColumns {
  private readonly numeric = new Map<string, Float64Array>();
  private readonly text = new Map<string, readonly (string | null)[]>();

  constructor(
    private readonly batch: RawBatch,
    readonly n: number,
    private readonly rowOffset: number,
  ) {}

  /** A fresh copy: numeric steps work in place. */
  numbers(column: string, feature: string): Float64Array {
    let base = this.numeric.get(column);
    if (!base) {
      base = toFloat64(this.values(column, feature), (row, found) =>
        this.wrongType(feature, column, row, 'a number', found),
      );
      this.numeric.set(column, base);
    }
    return base.slice();
  }

  strings(column: string, feature: string): readonly (string | null)[] {
    let base = this.text.get(column);
    if (!base) {
      const values = this.values(column, feature);
      const out = new Array<string | null>(this.n);
      for (let i = 0; i < this.n; i++) {
        const v = values[i];
        if (typeof v === 'string') out[i] = v;
        else if (v === null || v === undefined) out[i] = null;
        else this.wrongType(feature, column, i, 'a string', v);
      }
      base = out;
      this.text.set(column, base);
    }
    return base;
  }

  /** Row numbers in messages count from the start of the data, not of this batch. */
  row(i: number): number {
    return this.rowOffset + i;
  }

  private values(column: string, feature: string): RawValues {
    const values = this.batch[column];
    if (values === undefined) {
      throw new CtpipeError('BAD_INPUT', `${subject(feature)}: the input has no column '${column}'`, {
        details: { feature, column, expected: `a column '${column}'`, found: 'no such column' },
      });
    }
    return values;
  }

  private wrongType(feature: string, column: string, i: number, expected: string, found: unknown): never {
    const text = typeof found === 'bigint' ? String(found) : (JSON.stringify(found) ?? String(found));
    throw new CtpipeError(
      'BAD_INPUT',
      `${subject(feature)}: column '${column}' row ${this.row(i)} should be ${expected}, found ${text}`,
      { details: { feature, column, row: this.row(i), expected, found: text } },
    );
  }
}

export function subject(feature: string): string {
  return feature === 'label' ? 'the label' : `feature '${feature}'`;
}

function toFloat64(values: RawValues, wrongType: (row: number, found: unknown) => never): Float64Array {
  if (values instanceof Float64Array) return values;
  const out = new Float64Array(values.length);
  if (ArrayBuffer.isView(values) && !(values instanceof BigInt64Array || values instanceof BigUint64Array)) {
    out.set(values as ArrayLike<number>);
    return out;
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number') out[i] = v;
    else if (v === null || v === undefined) out[i] = Number.NaN;
    else if (typeof v === 'bigint') out[i] = Number(v);
    else wrongType(i, v);
  }
  return out;
}
