import { quoteIdent } from '@ctpipe/data';
import type { StepValues } from '../graph/types.js';
import type { NumericStep } from '../spec/types.js';

/** A double as SQL: a string cast, so DuckDB does not read 0.1 as a DECIMAL and round it. */
export function sqlNumber(x: number): string {
  return `'${String(x)}'::DOUBLE`;
}

/** The raw column as DOUBLE with NaN as NULL: the same "missing" the JS side sees as NaN. */
export function numericColumn(column: string): string {
  return `nullif(CAST(${quoteIdent(column)} AS DOUBLE), 'NaN'::DOUBLE)`;
}

/**
 * The SQL that computes what apply's numeric-chain computes, for the steps whose constants are known: what
 * the next analyzer reads. Keep the two in step when adding an op.
 */
export function stepSql(e: string, step: NumericStep, v: StepValues): string {
  switch (step.op) {
    case 'fillMissing':
      return `coalesce(${e}, ${sqlNumber(v.value!)})`;
    case 'log1p':
      return `CASE WHEN ${e} > -1 THEN ln(1 + ${e}) END`;
    case 'clip': {
      const low =
        step.min === undefined ? '' : ` WHEN ${e} < ${sqlNumber(step.min)} THEN ${sqlNumber(step.min)}`;
      const high =
        step.max === undefined ? '' : ` WHEN ${e} > ${sqlNumber(step.max)} THEN ${sqlNumber(step.max)}`;
      return `CASE${low}${high} ELSE ${e} END`;
    }
    case 'zScore':
      return `((${e}) - ${sqlNumber(v.mean!)}) / ${sqlNumber(v.std! > 0 ? v.std! : 1)}`;
    case 'scaleMinMax': {
      const { min, max } = v as Required<StepValues>;
      if (!(max > min))
        return `CASE WHEN ${e} IS NOT NULL THEN ${sqlNumber((step.outputMin + step.outputMax) / 2)} END`;
      return (
        `((${e}) - ${sqlNumber(min)}) / ${sqlNumber(max - min)} * ${sqlNumber(step.outputMax - step.outputMin)}` +
        ` + ${sqlNumber(step.outputMin)}`
      );
    }
  }
}

/** The bucket index of `e` given sorted boundaries: how many are strictly below it (apply's bucketOf). */
export function bucketSql(e: string, boundaries: readonly number[]): string {
  if (boundaries.length === 0) return `CASE WHEN ${e} IS NOT NULL THEN 0 END`;
  const sum = boundaries.map((b) => `CASE WHEN ${e} > ${sqlNumber(b)} THEN 1 ELSE 0 END`).join(' + ');
  return `CASE WHEN ${e} IS NOT NULL THEN ${sum} END`;
}
