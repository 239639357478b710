import { escapeHtml, html } from '@ctpipe/html';
import { describe, expect, it } from 'vitest';
import { numericFeature, penguinsStats, stringFeature } from '../../test/stats-fixtures.js';
import { withDefaultComparators } from '../comparators/default-comparators.js';
import { inferSchema } from '../schema/infer-schema.js';
import type { Anomalies } from '../types/anomalies.js';
import type { DatasetFeatureStatistics } from '../types/statistics.js';
import { validateStatistics } from '../validation/validate-statistics.js';
import { anomalyTable } from './anomaly-table.js';
import { renderValidationReport } from './render-report.js';

const schema = withDefaultComparators(inferSchema(penguinsStats()));

function evalSplit(): DatasetFeatureStatistics {
  const stats = penguinsStats('eval');
  stats.numExamples = '100';
  stats.features[0] = stringFeature('species', {
    Adelie: 40,
    Gentoo: 30,
    Chinstrap: 20,
    '<b>Emperor</b>': 10,
  });
  stats.features.push(numericFeature('<b>', { present: 100, min: 0, max: 3 }));
  return stats;
}

describe('anomalyTable', () => {
  it('lists one row per reason, errors first', () => {
    const anomalies: Anomalies = {
      anomalyNameFormat: 'SERIALIZED_PATH',
      anomalyInfo: {
        a: {
          path: { step: ['a'] },
          severity: 'WARNING',
          shortDescription: 'New column',
          description: 'd',
          reason: [{ type: 'SCHEMA_NEW_COLUMN', shortDescription: 'New column', description: 'd' }],
        },
        b: {
          path: { step: ['b'] },
          severity: 'ERROR',
          shortDescription: 'Multiple errors',
          description: 'x y',
          reason: [
            { type: 'INT_TYPE_BIG_INT', shortDescription: 'Out-of-range values', description: 'x' },
            { type: 'FEATURE_TYPE_LOW_NUMBER_PRESENT', shortDescription: 'Column dropped', description: 'y' },
          ],
        },
      },
    };
    expect(anomalyTable(anomalies)).toEqual([
      { feature: 'b', severity: 'ERROR', reason: 'Out-of-range values', detail: 'x' },
      { feature: 'b', severity: 'ERROR', reason: 'Column dropped', detail: 'y' },
      { feature: 'a', severity: 'WARNING', reason: 'New column', detail: 'd' },
    ]);
  });

  it('turns missing data into an ERROR row', () => {
    expect(
      anomalyTable({ anomalyNameFormat: 'SERIALIZED_PATH', anomalyInfo: {}, dataMissing: true }),
    ).toEqual([
      {
        feature: '(dataset)',
        severity: 'ERROR',
        reason: 'Data missing',
        detail: 'The dataset has no examples.',
      },
    ]);
  });
});

describe('html', () => {
  it('escapes interpolated values but not nested html', () => {
    expect(html`<p title="${'"x"'}">${'<b>&'}${html`<i>ok</i>`}</p>`.text).toBe(
      '<p title="&quot;x&quot;">&lt;b&gt;&amp;<i>ok</i></p>',
    );
    expect(escapeHtml("'")).toBe('&#39;');
  });
});

describe('renderValidationReport', () => {
  const train = penguinsStats('train');
  const evaluation = evalSplit();
  const anomalies = validateStatistics(evaluation, schema, { previousStatistics: train });
  const page = renderValidationReport({
    title: 'Data validation <span 3>',
    statistics: { datasets: [train, evaluation] },
    schema,
    anomalies,
  });

  it('shows the verdict, one row per anomaly and the drift measurements', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('Validation failed');
    const rows = anomalyTable(anomalies);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(page).toContain(`<td>${escapeHtml(row.detail)}</td>`);
    expect(page).toContain('L-infinity distance');
    expect(page).toContain('Jensen-Shannon divergence');
  });

  it('has one card with an svg per feature, with both datasets', () => {
    const cards = page.split('<section class="card').length - 1;
    expect(cards).toBe(schema.feature.length + 1);
    expect(page.split('<svg').length - 1).toBe(cards);
    expect(page).toContain('eval: 100 examples');
    expect(page).toContain('train: 344 examples');
  });

  it('escapes feature names, values and the title, and loads nothing external', () => {
    expect(page).not.toContain('<b>');
    expect(page).not.toContain('<span 3>');
    expect(page).toContain('<h3>&lt;b&gt;</h3>');
    expect(page).toContain('&lt;b&gt;Emperor&lt;/b&gt;');
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(page).not.toContain('<script');
  });

  it('says so plainly when everything passes', () => {
    const clean = renderValidationReport({
      title: 'ok',
      statistics: { datasets: [train] },
      schema,
      anomalies: validateStatistics(train, schema),
    });
    expect(clean).toContain('Passed: no anomalies');
    expect(clean).toContain('No drift or skew comparison was made');
  });
});
