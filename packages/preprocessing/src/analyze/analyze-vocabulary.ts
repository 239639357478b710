import { CtpipeError } from '@ctpipe/errors';
import type { VocabularyOptions } from '../spec/types.js';
import type { Aggregates } from './aggregates.js';

/**
 * TFT's vocabulary: distinct non-missing values of `e` (a SQL string expression) with their counts, most
 * frequent first, ties by value; then frequencyThreshold and topK.
 */
export async function analyzeVocabulary(
  q: Aggregates,
  e: string,
  options: Pick<VocabularyOptions, 'topK' | 'frequencyThreshold'>,
): Promise<{ vocabulary: string[]; counts: number[] }> {
  const rows = await q.rows(
    `SELECT v, count(*) AS n FROM (SELECT ${e} AS v FROM ${q.relation}) WHERE v IS NOT NULL ` +
      `GROUP BY v HAVING count(*) >= ${Math.trunc(options.frequencyThreshold)} ORDER BY n DESC, v` +
      (options.topK === undefined ? '' : ` LIMIT ${Math.trunc(options.topK)}`),
  );
  return { vocabulary: rows.map((r) => String(r.v)), counts: rows.map((r) => Number(r.n)) };
}

export async function mostFrequentString(
  q: Aggregates,
  e: string,
  feature: string,
  column: string,
): Promise<string> {
  const { vocabulary } = await analyzeVocabulary(q, e, { topK: 1, frequencyThreshold: 1 });
  const [value] = vocabulary;
  if (value === undefined) {
    throw new CtpipeError(
      'BAD_INPUT',
      `feature '${feature}': '${column}' has no values in the analyzed split`,
      {
        details: { feature, column, expected: 'values to find the most frequent', found: 'none' },
      },
    );
  }
  return value;
}
