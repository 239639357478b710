import { type Html, html } from '@ctpipe/html';
import type { Anomalies, DriftSkewMeasurement } from '../types/anomalies.js';
import { formatValue } from './format-display.js';

const MEASURE: Record<DriftSkewMeasurement['type'], string> = {
  L_INFTY: 'L-infinity distance',
  JENSEN_SHANNON_DIVERGENCE: 'Jensen-Shannon divergence',
  NORMALIZED_ABSOLUTE_DIFFERENCE: 'normalized absolute difference',
};

/** Every drift/skew comparison made, whether or not it crossed its threshold. */
export function driftSkewTable(anomalies: Anomalies): Html {
  const rows = (anomalies.driftSkewInfo ?? []).flatMap((info) => {
    const feature = info.path.step.join('.');
    return [
      ...(info.driftMeasurements ?? []).map((m) => ({ feature, kind: 'drift (current vs previous)', m })),
      ...(info.skewMeasurements ?? []).map((m) => ({ feature, kind: 'skew (training vs serving)', m })),
    ];
  });
  if (rows.length === 0) {
    return html`<p class="muted">No drift or skew comparison was made: it needs a comparator threshold in the schema and previous-span or serving statistics.</p>`;
  }
  return html`<table>
<thead><tr><th>Feature</th><th>Comparison</th><th>Measure</th><th>Value</th><th>Threshold</th><th></th></tr></thead>
<tbody>${rows.map(({ feature, kind, m }) => {
    const high = m.value > m.threshold;
    return html`<tr><td><code>${feature}</code></td><td>${kind}</td><td>${MEASURE[m.type]}</td><td class="num">${formatValue(m.value)}</td><td class="num">${formatValue(m.threshold)}</td><td class="${high ? 'high' : 'muted'}">${high ? 'above threshold' : 'ok'}</td></tr>`;
  })}</tbody>
</table>`;
}
