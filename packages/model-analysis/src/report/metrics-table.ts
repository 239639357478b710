import { sliceKeyToString } from '../slicing/slice-key.js';
import type { SlicedMetrics } from '../types/sliced-metrics.js';
import { formatCell, headlineMetricNames } from './format-cell.js';

/**
 * A text table for the CLI: overall first, then each slice; columns slice, example_count, then `metricNames`
 * (default: the headline metrics, without per-class ones). A metric undefined on a slice is an empty cell.
 */
export function metricsTable(
  sliced: SlicedMetrics,
  metricNames?: string[],
): { header: string[]; rows: string[][] } {
  const names = (metricNames ?? headlineMetricNames(sliced.slices)).filter((n) => n !== 'example_count');
  return {
    header: ['slice', 'example_count', ...names],
    rows: sliced.slices.map((s) => [
      sliceKeyToString(s.slice),
      String(s.exampleCount),
      ...names.map((name) => formatCell(s.metrics[name])),
    ]),
  };
}
