import { type Html, html } from '@ctpipe/html';
import type { Histogram } from '../types/statistics.js';
import { toNumber } from '../validation/stats-view.js';
import { formatPercent, formatValue } from './format-display.js';

export interface HistogramSeries {
  label: string;
  color: string;
  histogram: Histogram;
}

const W = 380;
const H = 160;
const M = { left: 40, right: 10, top: 10, bottom: 24 };

/**
 * Numeric histograms of several datasets overlaid on one x axis. Bar height is the bucket's share of that
 * dataset's values, so datasets of different sizes compare; ±Inf bucket edges are clamped to the axis.
 */
export function histogramSvg(series: readonly HistogramSeries[]): Html {
  const prepared = series.map((s) => ({ ...s, buckets: bucketsOf(s.histogram) }));
  const edges = prepared.flatMap((s) => s.buckets.flatMap((b) => [b.low, b.high])).filter(Number.isFinite);
  if (edges.length === 0) return html`<p class="empty">No numeric values to plot.</p>`;
  let lo = Math.min(...edges);
  let hi = Math.max(...edges);
  if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
  const yMax = Math.max(...prepared.flatMap((s) => s.buckets.map((b) => b.share)), 1e-9);
  const sx = (x: number) =>
    M.left + ((Math.min(Math.max(x, lo), hi) - lo) / (hi - lo)) * (W - M.left - M.right);
  const sy = (share: number) => H - M.bottom - (share / yMax) * (H - M.top - M.bottom);

  const bars = prepared.map((s) =>
    s.buckets.map((b) => {
      const x = sx(b.low);
      const width = Math.max(1.5, sx(b.high) - x);
      const y = sy(b.share);
      const tip = `${s.label}: [${formatValue(b.low)}, ${formatValue(b.high)}] ${formatValue(b.count)} (${formatPercent(b.share)})`;
      return html`<rect x="${r(x)}" y="${r(y)}" width="${r(width)}" height="${r(H - M.bottom - y)}" fill="${s.color}" fill-opacity="0.45" stroke="${s.color}" stroke-width="1"><title>${tip}</title></rect>`;
    }),
  );
  const baseline = H - M.bottom;
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="histogram">
<line x1="${M.left}" y1="${baseline}" x2="${W - M.right}" y2="${baseline}" class="axis"/>
<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${baseline}" class="axis"/>
${bars}
<text x="${M.left - 4}" y="${M.top + 8}" class="tick" text-anchor="end">${formatPercent(yMax)}</text>
<text x="${M.left - 4}" y="${baseline}" class="tick" text-anchor="end">0</text>
<text x="${M.left}" y="${H - 8}" class="tick" text-anchor="start">${formatValue(lo)}</text>
<text x="${(M.left + W - M.right) / 2}" y="${H - 8}" class="tick" text-anchor="middle">${formatValue((lo + hi) / 2)}</text>
<text x="${W - M.right}" y="${H - 8}" class="tick" text-anchor="end">${formatValue(hi)}</text>
</svg>`;
}

function bucketsOf(histogram: Histogram) {
  const buckets = (histogram.buckets ?? []).map((b) => ({
    low: toNumber(b.lowValue),
    high: toNumber(b.highValue),
    count: toNumber(b.sampleCount),
  }));
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  return buckets.map((b) => ({ ...b, share: total > 0 ? b.count / total : 0 }));
}

function r(x: number): string {
  return x.toFixed(1);
}
