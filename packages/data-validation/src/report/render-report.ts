import { type Html, html, htmlDocument } from '@ctpipe/html';
import type { Anomalies } from '../types/anomalies.js';
import type { Schema } from '../types/schema.js';
import type { DatasetFeatureStatisticsList } from '../types/statistics.js';
import { featureName, findFeature, toNumber } from '../validation/stats-view.js';
import { type AnomalyRow, anomalyTable } from './anomaly-table.js';
import { driftSkewTable } from './drift-skew-table.js';
import { featureCard } from './feature-card.js';
import { formatValue } from './format-display.js';
import { datasetColor } from './palette.js';
import { STYLES } from './styles.js';

export interface ValidationReportInput {
  title: string;
  /** Every dataset to show side by side (train, eval, serving …). */
  statistics: DatasetFeatureStatisticsList;
  schema: Schema;
  /** The anomalies the verdict is about (usually those of the train split). */
  anomalies: Anomalies;
}

/**
 * A standalone HTML page (KFP system.HTML): verdict, anomalies, drift/skew measurements and one card per
 * feature with its statistics per dataset and a chart. Self-contained: inline CSS and SVG, no script,
 * no network. Every piece of data is escaped.
 */
export function renderValidationReport(input: ValidationReportInput): string {
  const { statistics, schema, anomalies } = input;
  const rows = anomalyTable(anomalies);
  const datasets = statistics.datasets.map((d, i) => ({ dataset: d, color: datasetColor(i) }));
  const names = featureNames(input);
  const cards = names.map((name, i) =>
    featureCard({
      anchor: `f${i}`,
      name,
      feature: schema.feature.find((f) => f.name === name),
      schema,
      anomaly: anomalies.anomalyInfo[name],
      columns: datasets.map(({ dataset, color }) => ({
        name: dataset.name,
        color,
        numExamples: toNumber(dataset.numExamples),
        stats: findFeature(dataset, name),
      })),
    }),
  );
  const index = names.map((name, i) => {
    const severity = anomalies.anomalyInfo[name]?.severity;
    const cls = severity === 'ERROR' ? 'error' : severity === 'WARNING' ? 'warning' : '';
    return html`<a href="#f${i}" class="${cls}">${name}</a>`;
  });
  return htmlDocument(
    input.title,
    STYLES,
    html`<p class="sub legend">${datasets.map(
      ({ dataset, color }) =>
        html`<span><span class="swatch" style="background:${color}"></span>${dataset.name}: ${formatValue(dataset.numExamples)} examples</span>`,
    )}<span>${schema.feature.length} schema features</span></p>
${verdict(rows, anomalies)}
<h2>Anomalies</h2>
${anomalyRows(rows)}
<h2>Drift and skew</h2>
${driftSkewTable(anomalies)}
<h2>Features</h2>
<nav class="index">${index}</nav>
${cards}`,
  );
}

function verdict(rows: AnomalyRow[], anomalies: Anomalies): Html {
  const errors = rows.filter((r) => r.severity === 'ERROR').length;
  const warnings = rows.length - errors;
  const features = new Set(rows.map((r) => r.feature)).size;
  if (anomalies.dataMissing) {
    return html`<div class="verdict error">No data: the dataset has no examples.</div>`;
  }
  if (errors > 0) {
    return html`<div class="verdict error">Validation failed: ${errors} error${errors === 1 ? '' : 's'}${warnings ? ` and ${warnings} warning${warnings === 1 ? '' : 's'}` : ''} in ${features} feature${features === 1 ? '' : 's'}<small>The data does not match the schema. Fix the data, or update the schema if the change is intended.</small></div>`;
  }
  if (warnings > 0) {
    return html`<div class="verdict warning">Passed with ${warnings} warning${warnings === 1 ? '' : 's'}</div>`;
  }
  return html`<div class="verdict ok">Passed: no anomalies<small>The data matches the schema${anomalies.driftSkewInfo ? ' and drift/skew stay under their thresholds' : ''}.</small></div>`;
}

function anomalyRows(rows: AnomalyRow[]): Html {
  if (rows.length === 0) return html`<p class="muted">None.</p>`;
  return html`<table>
<thead><tr><th>Feature</th><th>Severity</th><th>Reason</th><th>Detail</th></tr></thead>
<tbody>${rows.map(
    (r) =>
      html`<tr><td><code>${r.feature}</code></td><td class="sev ${r.severity}">${r.severity}</td><td>${r.reason}</td><td>${r.detail}</td></tr>`,
  )}</tbody>
</table>`;
}

/** Schema features first, in schema order, then features only the data has. */
function featureNames(input: ValidationReportInput): string[] {
  const names = new Set(input.schema.feature.map((f) => f.name));
  for (const dataset of input.statistics.datasets)
    for (const f of dataset.features) names.add(featureName(f));
  return [...names];
}
