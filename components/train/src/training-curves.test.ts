import { describe, expect, it } from 'vitest';
import { lineChartSvg } from './line-chart.js';
import { trainingCurvesHtml } from './training-curves.js';

describe('lineChartSvg', () => {
  it('plots each series as a polyline scaled between the extremes, skipping NaN', () => {
    const svg = lineChartSvg('loss', [
      { label: 'train', values: [1, 0.5, 0], color: '#111' },
      { label: 'eval', values: [Number.NaN, 0.5], color: '#222' },
    ]);
    // 3 epochs over x ∈ [56, 464]; y ∈ [28, 224] for values 1 … 0.
    expect(svg).toContain(
      '<polyline fill="none" stroke="#111" stroke-width="2" points="56.0,28.0 260.0,126.0 464.0,224.0"/>',
    );
    expect(svg).toContain('<polyline fill="none" stroke="#222" stroke-width="2" points="260.0,126.0"/>');
    expect(svg).toContain('<title>loss</title>');
  });
});

describe('trainingCurvesHtml', () => {
  it('renders loss and the task metric, the hyperparameters and the trials, escaped', () => {
    const html = trainingCurvesHtml({
      history: { loss: [1, 0.5], accuracy: [0.5, 0.9], val_loss: [1.1, 0.6], val_accuracy: [0.4, 0.95] },
      bestEpoch: 1,
      hyperparameters: { units: 16, 'a<b': 'x&y' },
      objective: { name: 'val_accuracy', direction: 'max' },
      backend: 'wasm',
      trials: [
        { trialId: '0', values: { units: 16 }, score: 0.95 },
        { trialId: '1', values: { units: 8 }, score: Number.NaN },
      ],
    });
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('aria-label="accuracy"');
    expect(html).toContain('best epoch <b>2</b>');
    expect(html).toContain('<td>a&#60;b</td><td>x&#38;y</td>');
    expect(html).toContain('<tr><td>0</td><td>0.9500</td><td>16</td></tr>');
    expect(html).toContain('<tr><td>1</td><td>failed</td><td>8</td></tr>');
    expect(html).not.toContain('<script');
  });

  it('says when nothing was tuned', () => {
    const html = trainingCurvesHtml({
      history: { loss: [1], mae: [2], val_loss: [1], val_mae: [2] },
      bestEpoch: 0,
      hyperparameters: {},
      objective: { name: 'val_loss', direction: 'min' },
      backend: 'cpu',
    });
    expect(html).toContain('aria-label="mae"');
    expect(html).toContain('no tuning ran');
  });
});
