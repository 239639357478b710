import { type Html, html } from '@ctpipe/html';
import { formatCell } from './format-cell.js';

export interface BarItem {
  label: string;
  candidate: number | undefined;
  baseline?: number | undefined;
}

const WIDTH = 680;
const LABEL_WIDTH = 190;
const VALUE_WIDTH = 70;
const BAR = 12;

/**
 * Horizontal grouped bars, candidate above baseline, one group per item. `perItemScale` scales each group to
 * its own largest |value| (metrics on different scales side by side); otherwise one scale for all groups.
 */
export function barChartSvg(items: BarItem[], options: { perItemScale: boolean; title: string }): Html {
  const hasBaseline = items.some((i) => i.baseline !== undefined);
  const groupHeight = (hasBaseline ? 2 * BAR : BAR) + 10;
  const height = items.length * groupHeight + 8;
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const magnitude = (i: BarItem): number => Math.max(Math.abs(i.candidate ?? 0), Math.abs(i.baseline ?? 0));
  const globalMax = Math.max(...items.map(magnitude), 0);
  const groups = items.map((item, g) => {
    const max = options.perItemScale ? magnitude(item) : globalMax;
    const y = 4 + g * groupHeight;
    const bars = [
      { value: item.candidate, color: '#0072B2', name: 'candidate' },
      ...(hasBaseline ? [{ value: item.baseline, color: '#E69F00', name: 'baseline' }] : []),
    ].map((bar, b) => {
      const w = bar.value === undefined || max === 0 ? 0 : (Math.abs(bar.value) / max) * barSpace;
      const by = y + b * BAR;
      return html`<rect x="${LABEL_WIDTH}" y="${by}" width="${w.toFixed(1)}" height="${BAR - 2}" fill="${bar.color}"><title>${bar.name}: ${formatCell(bar.value)}</title></rect>
<text x="${(LABEL_WIDTH + w + 4).toFixed(1)}" y="${by + BAR - 3}">${bar.value === undefined ? 'n/a' : formatCell(bar.value)}</text>`;
    });
    return html`<text x="${LABEL_WIDTH - 6}" y="${y + (hasBaseline ? BAR : BAR / 2) + 3}" text-anchor="end">${truncate(item.label)}<title>${item.label}</title></text>${bars}`;
  });
  return html`<svg class="chart" role="img" xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}"><title>${options.title}</title>
<line class="axis" x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${height}"/>${groups}</svg>`;
}

function truncate(label: string): string {
  return label.length > 30 ? `${label.slice(0, 29)}…` : label;
}
