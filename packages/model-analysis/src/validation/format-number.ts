/** Six significant digits, no trailing zeros: enough to compare with a bound, short enough to read. */
export function formatNumber(value: number | undefined): string {
  if (value === undefined) return 'n/a';
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}
