import { CtpipeError } from '@ctpipe/errors';
import type { BucketizeValues, ChainValues, StepValues } from '../graph/types.js';
import type { NumericStep } from '../spec/types.js';
import type { Aggregates } from './aggregates.js';
import { numericColumn, sqlNumber, stepSql } from './sql-chain.js';

export interface AnalyzedChain extends ChainValues {
  /** SQL for the column after all steps. */
  sql: string;
  /** Settles when the check that no value is left missing has run (it runs alongside later analyzers). */
  checked: Promise<void>;
}

/** Only these steps change which values are missing; the others keep NULL as NULL. */
const CHANGES_MISSING = new Set<NumericStep['op']>(['fillMissing', 'log1p']);

/**
 * Analyzes a numeric column's steps in order (each analyzer sees the output of the steps before it, as in TFT)
 * and checks that no value of the analyzed split is still missing at the end: the spec needs a fillMissing.
 */
export async function analyzeChain(
  q: Aggregates,
  feature: string,
  column: string,
  steps: readonly NumericStep[],
): Promise<AnalyzedChain> {
  let e = numericColumn(column);
  let checked: Promise<void> | undefined;
  const values: StepValues[] = [];
  for (let i = 0; i <= steps.length; i++) {
    // As soon as no later step can change missingness, count the missing values in the same scan as the
    // next analyzer instead of one more pass at the end.
    if (!checked && steps.slice(i).every((s) => !CHANGES_MISSING.has(s.op))) {
      checked = checkNoneMissing(q, feature, column, e);
      checked.catch(() => undefined); // awaited by the caller; this only keeps Node from calling it unhandled
    }
    const step = steps[i];
    if (!step) break;
    let v: StepValues;
    try {
      v = await stepValues(q, feature, column, e, step);
    } catch (err) {
      await checked?.catch(() => undefined); // no query outlives the analysis (the engine closes after it)
      throw err;
    }
    values.push(v);
    e = stepSql(e, step, v);
  }
  return { steps: values, sql: e, checked: checked! };
}

async function checkNoneMissing(q: Aggregates, feature: string, column: string, e: string): Promise<void> {
  const missing = Number(await q.scalar(e, (c) => `count(*) FILTER (WHERE ${c} IS NULL)`));
  if (missing > 0) {
    throw new CtpipeError(
      'BAD_CONFIG',
      `feature '${feature}': ${missing} rows of the analyzed split have no value for '${column}' after its steps; ` +
        'add fillMissing(…)',
      { details: { feature, column, expected: 'a fillMissing step', found: `${missing} missing values` } },
    );
  }
}

async function stepValues(
  q: Aggregates,
  feature: string,
  column: string,
  e: string,
  step: NumericStep,
): Promise<StepValues> {
  const need = async (aggregate: (c: string) => string, what: string): Promise<number> => {
    const value = await q.scalar(e, aggregate);
    const x = typeof value === 'string' ? Number(value) : value;
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new CtpipeError(
        'BAD_INPUT',
        `feature '${feature}': cannot compute the ${what} of '${column}' on the analyzed split (found ${String(value)}: ` +
          'no values, or infinite ones)',
        { details: { feature, column, expected: `a finite ${what}`, found: String(value) } },
      );
    }
    return x;
  };
  switch (step.op) {
    case 'fillMissing':
      switch (step.strategy) {
        case 'constant':
          return { value: step.value };
        case 'mean':
          return { value: await need((c) => `avg(${c})`, 'mean') };
        case 'median':
          return { value: await need((c) => `median(${c})`, 'median') };
        case 'mostFrequent':
          return { value: await mostFrequentNumber(q, feature, column, e) };
      }
      break;
    case 'zScore': {
      const [mean, std] = await Promise.all([
        need((c) => `avg(${c})`, 'mean'),
        need((c) => `stddev_pop(${c})`, 'standard deviation'),
      ]);
      return { mean, std };
    }
    case 'scaleMinMax': {
      const [min, max] = await Promise.all([
        need((c) => `min(${c})`, 'minimum'),
        need((c) => `max(${c})`, 'maximum'),
      ]);
      return { min, max };
    }
    case 'log1p':
    case 'clip':
      return {};
  }
}

async function mostFrequentNumber(
  q: Aggregates,
  feature: string,
  column: string,
  e: string,
): Promise<number> {
  const [row] = await q.rows(
    `SELECT v FROM (SELECT ${e} AS v FROM ${q.relation}) WHERE v IS NOT NULL ` +
      'GROUP BY v ORDER BY count(*) DESC, v LIMIT 1',
  );
  const x = Number(row?.v);
  if (row === undefined || !Number.isFinite(x)) {
    throw new CtpipeError(
      'BAD_INPUT',
      `feature '${feature}': '${column}' has no values in the analyzed split`,
      {
        details: { feature, column, expected: 'values to find the most frequent', found: 'none' },
      },
    );
  }
  return x;
}

/** Quantile boundaries: DuckDB's exact quantile_disc at i/n (the smallest value whose CDF ≥ i/n), distinct. */
export async function analyzeBucketize(
  q: Aggregates,
  feature: string,
  column: string,
  steps: readonly NumericStep[],
  buckets: number,
): Promise<BucketizeValues & { sql: string }> {
  const chain = await analyzeChain(q, feature, column, steps);
  const points = Array.from({ length: buckets - 1 }, (_, i) => sqlNumber((i + 1) / buckets));
  const [, value] = await Promise.all([
    chain.checked,
    q.scalar(chain.sql, (c) => `quantile_disc(${c}, [${points.join(', ')}])`),
  ]);
  const list = Array.isArray(value) ? value.map(Number) : [];
  const boundaries = [...new Set(list)].filter(Number.isFinite).sort((a, b) => a - b);
  return { steps: chain.steps, boundaries, sql: chain.sql };
}
