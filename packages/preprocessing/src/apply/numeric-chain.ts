import { CtpipeError } from '@ctpipe/errors';
import type { StepValues } from '../graph/types.js';
import type { NumericStep } from '../spec/types.js';
import { type RawColumns, subject } from './raw-columns.js';

type InPlace = (x: Float64Array) => void;

/**
 * A numeric column through its steps with their analyzed constants → Float64Array with no missing value
 * (one left after the steps is an error naming the row: the spec gives no fill for it).
 */
export function compileChain(
  feature: string,
  column: string,
  steps: readonly NumericStep[],
  values: readonly StepValues[],
): (cols: RawColumns) => Float64Array {
  const ops = steps.map((step, i) => compileStep(step, values[i]!));
  return (cols) => {
    const x = cols.numbers(column, feature);
    for (const op of ops) op(x);
    for (let i = 0; i < x.length; i++) {
      if (Number.isNaN(x[i]!)) missing(feature, column, cols, i);
    }
    return x;
  };
}

function compileStep(step: NumericStep, v: StepValues): InPlace {
  switch (step.op) {
    case 'fillMissing': {
      const fill = v.value!;
      return (x) => {
        for (let i = 0; i < x.length; i++) if (Number.isNaN(x[i]!)) x[i] = fill;
      };
    }
    case 'log1p':
      // ln(1 + x) is undefined for x ≤ −1: missing, like SQL's NULL for the same value during analysis.
      return (x) => {
        for (let i = 0; i < x.length; i++) x[i] = x[i]! > -1 ? Math.log1p(x[i]!) : Number.NaN;
      };
    case 'clip': {
      const lo = step.min ?? Number.NEGATIVE_INFINITY;
      const hi = step.max ?? Number.POSITIVE_INFINITY;
      return (x) => {
        for (let i = 0; i < x.length; i++) {
          const a = x[i]!;
          if (a < lo) x[i] = lo;
          else if (a > hi) x[i] = hi;
        }
      };
    }
    case 'zScore': {
      // Division, not multiplication by 1/std: the same arithmetic as the SQL that analyzes later steps.
      const mean = v.mean!;
      const std = v.std! > 0 ? v.std! : 1;
      return (x) => {
        for (let i = 0; i < x.length; i++) x[i] = (x[i]! - mean) / std;
      };
    }
    case 'scaleMinMax': {
      const { min, max } = v as Required<StepValues>;
      const { outputMin, outputMax } = step;
      if (!(max > min)) {
        const mid = (outputMin + outputMax) / 2;
        return (x) => {
          for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]!)) x[i] = mid;
        };
      }
      const range = max - min;
      const out = outputMax - outputMin;
      return (x) => {
        for (let i = 0; i < x.length; i++) x[i] = ((x[i]! - min) / range) * out + outputMin;
      };
    }
  }
}

function missing(feature: string, column: string, cols: RawColumns, i: number): never {
  throw new CtpipeError(
    'BAD_INPUT',
    `${subject(feature)}: column '${column}' row ${cols.row(i)} is missing (or ≤ −1 before log1p) and the spec ` +
      'gives no fillMissing after it',
    { details: { feature, column, row: cols.row(i), expected: 'a number', found: 'missing' } },
  );
}
