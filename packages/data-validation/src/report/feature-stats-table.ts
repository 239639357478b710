import { type Html, html } from '@ctpipe/html';
import type { FeatureNameStatistics } from '../types/statistics.js';
import { numMissing, numPresent, toNumber } from '../validation/stats-view.js';
import { formatPercent, formatValue } from './format-display.js';

export interface DatasetColumn {
  name: string;
  color: string;
  numExamples: number;
  stats: FeatureNameStatistics | undefined;
}

type Row = [string, (s: FeatureNameStatistics, numExamples: number) => string];

const COMMON: Row[] = [
  ['present', (s) => formatValue(numPresent(s))],
  ['missing', (s, n) => (n > 0 ? formatPercent(numMissing(s) / n) : '–')],
];
const NUMERIC: Row[] = [
  ['mean', (s) => formatValue(s.numStats?.mean)],
  ['std dev', (s) => formatValue(s.numStats?.stdDev)],
  ['zeros', (s) => (numPresent(s) > 0 ? formatPercent(toNumber(s.numStats?.numZeros) / numPresent(s)) : '–')],
  ['min', (s) => formatValue(s.numStats?.min)],
  ['median', (s) => formatValue(s.numStats?.median)],
  ['max', (s) => formatValue(s.numStats?.max)],
  ['NaN', (s) => formatValue(toNumber(s.numStats?.histograms?.[0]?.numNan))],
];
const STRING: Row[] = [
  ['unique', (s) => formatValue(s.stringStats?.unique)],
  ['top value', (s) => s.stringStats?.topValues?.[0]?.value ?? '–'],
  ['avg length', (s) => formatValue(s.stringStats?.avgLength)],
];

/** Key statistics of one feature, one column per dataset. */
export function featureStatsTable(columns: readonly DatasetColumn[]): Html {
  const sample = columns.find((c) => c.stats)?.stats;
  const rows = [...COMMON, ...(sample?.numStats ? NUMERIC : sample?.stringStats ? STRING : [])];
  return html`<table class="stats">
<thead><tr><th></th>${columns.map((c) => html`<th><span class="swatch" style="background:${c.color}"></span>${c.name}</th>`)}</tr></thead>
<tbody>${rows.map(
    ([label, read]) =>
      html`<tr><th>${label}</th>${columns.map((c) => html`<td>${c.stats ? read(c.stats, c.numExamples) : 'absent'}</td>`)}</tr>`,
  )}</tbody>
</table>`;
}
