import { describe, expect, it } from 'vitest';
import { planSource, type SourceParams } from './source-plan.js';

const base: SourceParams = {
  input_pattern: '',
  source_format: 'auto',
  bigquery_query: '',
  bigquery_project: '',
  bigquery_location: '',
  span: -1,
};

describe('planSource for BigQuery', () => {
  it('chooses BigQuery when only a query is given, and substitutes {SPAN}', async () => {
    const plan = await planSource({
      ...base,
      bigquery_query: 'SELECT * FROM `p.ds.t` WHERE span = {SPAN}',
      bigquery_project: 'p',
      bigquery_location: 'EU',
      span: 4,
    });
    expect(plan.span).toBe(4);
    expect(plan.files).toEqual([]);
    expect(plan.description).toBe('bigquery:p: SELECT * FROM `p.ds.t` WHERE span = 4');
    expect(plan.source.location).toBe('bigquery:p: SELECT * FROM `p.ds.t` WHERE span = 4');
  });

  it('a BigQuery query without {SPAN} is span 0', async () => {
    const plan = await planSource({
      ...base,
      source_format: 'bigquery',
      bigquery_query: 'SELECT 1',
      bigquery_project: 'p',
    });
    expect(plan.span).toBe(0);
  });
});
