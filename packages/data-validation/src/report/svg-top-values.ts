import { type Html, html } from '@ctpipe/html';
import { formatPercent, formatValue } from './format-display.js';

export interface TopValuesSeries {
  label: string;
  color: string;
  /** Value → count, most frequent first. */
  counts: ReadonlyMap<string, number>;
  /** All values of the dataset (shares are taken of this, not of the values shown). */
  total: number;
}

const W = 380;
const LABEL_W = 120;
const BAR_H = 11;
const GAP = 7;
const MAX_VALUES = 10;
const MAX_LABEL = 18;

/**
 * The most frequent values as horizontal bars, one bar per dataset for each value, sized by the value's
 * share of that dataset. Values are ranked by the first dataset, then any others' top values.
 */
export function topValuesSvg(series: readonly TopValuesSeries[]): Html {
  const values = [...new Set(series.flatMap((s) => [...s.counts.keys()]))].slice(0, MAX_VALUES);
  if (values.length === 0) return html`<p class="empty">No values to plot.</p>`;
  const share = (s: TopValuesSeries, v: string) => (s.total > 0 ? (s.counts.get(v) ?? 0) / s.total : 0);
  const maxShare = Math.max(...values.flatMap((v) => series.map((s) => share(s, v))), 1e-9);
  const rowH = series.length * BAR_H + GAP;
  const height = values.length * rowH + GAP;
  const barSpace = W - LABEL_W - 44;
  const rows = values.map((value, i) => {
    const top = GAP + i * rowH;
    const shown = value.length > MAX_LABEL ? `${value.slice(0, MAX_LABEL - 1)}…` : value;
    const bars = series.map((s, j) => {
      const fraction = share(s, value);
      const width = Math.max(fraction > 0 ? 1 : 0, (fraction / maxShare) * barSpace);
      const y = top + j * BAR_H;
      const tip = `${s.label}: ${value} — ${formatValue(s.counts.get(value) ?? 0)} (${formatPercent(fraction)})`;
      return html`<rect x="${LABEL_W}" y="${y}" width="${width.toFixed(1)}" height="${BAR_H - 2}" fill="${s.color}"><title>${tip}</title></rect>
<text x="${(LABEL_W + width + 4).toFixed(1)}" y="${y + BAR_H - 3}" class="tick">${formatPercent(fraction)}</text>`;
    });
    return html`<text x="${LABEL_W - 6}" y="${top + (series.length * BAR_H) / 2 + 3}" class="label" text-anchor="end"><title>${value}</title>${shown === '' ? '(empty)' : shown}</text>
${bars}`;
  });
  return html`<svg class="chart" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-label="top values">
${rows}
</svg>`;
}
