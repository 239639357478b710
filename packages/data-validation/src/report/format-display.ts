import { toNumber } from '../validation/stats-view.js';

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const SIGNIFICANT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/** Numbers for people: integers grouped (12,345), others to four significant digits. */
export function formatValue(value: number | string | undefined): string {
  const x = toNumber(value);
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return GROUPED.format(x);
  if (x !== 0 && (Math.abs(x) >= 1e9 || Math.abs(x) < 1e-3)) return x.toExponential(3);
  return SIGNIFICANT.format(x);
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '–';
  if (fraction > 0 && fraction < 0.001) return '<0.1%';
  return `${(fraction * 100).toFixed(fraction >= 0.1 || fraction === 0 ? 0 : 1)}%`;
}
