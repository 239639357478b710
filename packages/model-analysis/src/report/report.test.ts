import { escapeHtml } from '@ctpipe/html';
import { describe, expect, it } from 'vitest';
import { randomClassificationBatch } from '../../test/random-batch.js';
import {
  computeMetrics,
  type EvalConfig,
  metricsTable,
  type PredictionBatch,
  renderEvaluationReport,
  validateMetrics,
} from '../index.js';

const config: EvalConfig = {
  labelKey: 'Species',
  slicingSpecs: [{ featureKeys: ['Island'] }],
  perSliceThresholds: [
    {
      slicingSpec: { featureKeys: ['Island'] },
      metric: 'accuracy',
      threshold: { valueThreshold: { lowerBound: 0.99 } },
    },
  ],
};

describe('metricsTable', () => {
  it('lists overall first, then each slice, with the headline metrics by default', () => {
    const sliced = computeMetrics(randomClassificationBatch({ n: 300, seed: 2 }), config);
    const table = metricsTable(sliced);
    expect(table.header.slice(0, 4)).toEqual(['slice', 'example_count', 'accuracy', 'log_loss']);
    expect(table.header.some((h) => h.includes('/'))).toBe(false);
    expect(table.rows.map((r) => r[0])).toEqual([
      'overall',
      'Island=Biscoe',
      'Island=Dream',
      'Island=Torgersen',
    ]);
    expect(table.rows[0]![1]).toBe('300');
    expect(table.rows[0]![2]).toBe(sliced.slices[0]!.metrics.accuracy!.toFixed(4));
  });

  it('shows the chosen metrics and leaves undefined ones empty', () => {
    const sliced = computeMetrics(randomClassificationBatch({ n: 50, seed: 2 }), config);
    const table = metricsTable(sliced, ['accuracy', 'auc/Nope']);
    expect(table.header).toEqual(['slice', 'example_count', 'accuracy', 'auc/Nope']);
    expect(table.rows[0]![3]).toBe('');
  });
});

describe('renderEvaluationReport', () => {
  const evil = '<script>alert("x")</script>';
  const batch: PredictionBatch = {
    ...randomClassificationBatch({ n: 200, seed: 3, classes: ['Adelie', evil, 'Gentoo & co'] }),
  };
  batch.features = {
    ...batch.features,
    Island: (batch.features.Island as string[]).map((v) => (v === 'Dream' ? `<b>${v}</b>` : v)),
  };
  const candidate = computeMetrics(batch, config);
  const baseline = computeMetrics(
    randomClassificationBatch({ n: 200, seed: 3, classes: ['Adelie', evil, 'Gentoo & co'] }),
    config,
  );
  const validation = validateMetrics(candidate, baseline, config);
  const page = renderEvaluationReport({ title: `Eval <${evil}>`, candidate, baseline, validation });

  it('escapes the title, class names, slice values and failure messages', () => {
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<b>Dream');
    expect(page).toContain(escapeHtml(`Eval <${evil}>`));
    expect(page).toContain(`<th>${escapeHtml(evil)}</th>`);
    expect(page).toContain('Gentoo &amp; co');
    expect(page).toContain('Island=&lt;b&gt;Dream&lt;/b&gt;');
    expect(validation.failures.length).toBeGreaterThan(0);
    for (const f of validation.failures) expect(page).toContain(escapeHtml(f.message));
  });

  it('is self-contained: inline SVG, no external assets', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).not.toMatch(/\b(src|href)=/);
    expect(page).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(page.match(/<svg /g)).toHaveLength(2);
  });

  it('shows the verdict, candidate and baseline bars and the confusion matrix', () => {
    expect(page).toContain('Validation failed');
    expect(page).toContain('<title>candidate: ');
    expect(page).toContain('<title>baseline: ');
    const matrix = candidate.slices[0]!.confusionMatrix!;
    expect(page).toContain(`>${matrix[0]![0]}</td>`);
    expect(page).toContain('<summary>Island=Biscoe');
  });

  it('marks a rubber-stamp pass when there is no baseline', () => {
    const ok = validateMetrics(candidate, undefined, { ...config, perSliceThresholds: [] });
    const html = renderEvaluationReport({ title: 'first', candidate, validation: ok });
    expect(html).toContain('Validation passed (rubber stamp: no baseline yet)');
    expect(html).not.toContain('<title>baseline: ');
  });
});
