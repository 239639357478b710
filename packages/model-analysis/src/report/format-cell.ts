/** Table formatting: counts as integers, large values with one decimal, the rest with four. */
export function formatCell(value: number | undefined): string {
  if (value === undefined) return '';
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 1000 ? value.toFixed(1) : value.toFixed(4);
}

/** The headline metrics (no per-class `name/class`) that any slice has, in first-seen order. */
export function headlineMetricNames(slices: readonly { metrics: Record<string, number> }[]): string[] {
  const names = new Set<string>();
  for (const slice of slices) {
    for (const name of Object.keys(slice.metrics)) {
      if (!name.includes('/') && name !== 'example_count') names.add(name);
    }
  }
  return [...names];
}
