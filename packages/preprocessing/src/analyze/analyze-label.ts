import { quoteIdent } from '@ctpipe/data';
import { CtpipeError } from '@ctpipe/errors';
import type { LabelValues } from '../graph/types.js';
import type { RawFeature } from '../spec/check-columns.js';
import type { LabelSpec } from '../spec/types.js';
import type { Aggregates } from './aggregates.js';
import { numericColumn } from './sql-chain.js';

/**
 * Classification: the classes in sorted order (stable across retraining, unlike frequency order), numbers named
 * by their JS text as apply names them. Regression: the scale's offset and factor.
 */
export async function analyzeLabel(q: Aggregates, spec: LabelSpec, raw: RawFeature): Promise<LabelValues> {
  if (spec.type === 'classification') {
    if (spec.classes) return { classes: spec.classes };
    const e = raw.type === 'number' ? numericColumn(spec.column) : quoteIdent(spec.column);
    const rows = await q.rows(
      `SELECT DISTINCT v FROM (SELECT ${e} AS v FROM ${q.relation}) WHERE v IS NOT NULL ORDER BY v`,
    );
    if (rows.length === 0) {
      throw new CtpipeError(
        'BAD_INPUT',
        `the label column '${spec.column}' has no values in the analyzed split`,
        {
          details: { feature: 'label', column: spec.column, expected: 'class values', found: 'none' },
        },
      );
    }
    return { classes: rows.map((r) => String(r.v)) };
  }
  if (spec.scale === 'none') return { offset: 0, factor: 1 };
  const e = numericColumn(spec.column);
  const stat = async (aggregate: (c: string) => string, what: string) => {
    const value = await q.scalar(e, aggregate);
    const x = value === null ? Number.NaN : Number(value);
    if (!Number.isFinite(x)) {
      throw new CtpipeError('BAD_INPUT', `cannot compute the ${what} of the label '${spec.column}'`, {
        details: { feature: 'label', column: spec.column, expected: `a finite ${what}`, found: String(x) },
      });
    }
    return x;
  };
  if (spec.scale === 'zScore') {
    const [mean, std] = await Promise.all([
      stat((c) => `avg(${c})`, 'mean'),
      stat((c) => `stddev_pop(${c})`, 'standard deviation'),
    ]);
    return { offset: mean, factor: std > 0 ? 1 / std : 1 };
  }
  const [min, max] = await Promise.all([
    stat((c) => `min(${c})`, 'minimum'),
    stat((c) => `max(${c})`, 'maximum'),
  ]);
  return { offset: min, factor: max > min ? 1 / (max - min) : 1 };
}
