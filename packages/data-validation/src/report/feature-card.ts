import { type Html, html } from '@ctpipe/html';
import { rankHistogramCounts } from '../comparators/categorical-counts.js';
import type { AnomalyInfo } from '../types/anomalies.js';
import type { Feature, Schema } from '../types/schema.js';
import { histogramOfType, toNumber, totalValueCount } from '../validation/stats-view.js';
import { describeSchemaFeature } from './describe-schema-feature.js';
import { type DatasetColumn, featureStatsTable } from './feature-stats-table.js';
import { histogramSvg } from './svg-histogram.js';
import { topValuesSvg } from './svg-top-values.js';

export interface FeatureCardInput {
  anchor: string;
  name: string;
  feature: Feature | undefined;
  schema: Schema;
  columns: readonly DatasetColumn[];
  anomaly: AnomalyInfo | undefined;
}

/** One feature: schema constraints, anomaly reasons, key statistics per dataset and a chart. */
export function featureCard(input: FeatureCardInput): Html {
  const { anomaly } = input;
  const severity = anomaly?.severity === 'WARNING' ? 'warning' : anomaly ? 'error' : 'ok';
  const present = input.columns.filter((c) => c.stats);
  return html`<section class="card ${severity}" id="${input.anchor}">
<header><h3>${input.name}</h3>${anomaly ? html`<span class="badge ${severity}">${anomaly.shortDescription}</span>` : ''}</header>
<p class="schema">${describeSchemaFeature(input.feature, input.schema).join(' · ')}</p>
${anomaly ? html`<ul class="reasons">${anomaly.reason.map((r) => html`<li><strong>${r.shortDescription}</strong> — ${r.description}</li>`)}</ul>` : ''}
<div class="card-body">
${featureStatsTable(input.columns)}
<figure>${chart(present)}</figure>
</div>
</section>`;
}

function chart(columns: readonly DatasetColumn[]): Html {
  if (columns.some((c) => c.stats?.stringStats)) {
    return topValuesSvg(
      columns.map((c) => ({
        label: c.name,
        color: c.color,
        counts: stringCounts(c),
        total: c.stats ? totalValueCount(c.stats) : 0,
      })),
    );
  }
  return histogramSvg(
    columns.flatMap((c) => {
      const histogram = c.stats ? histogramOfType(c.stats, 'STANDARD') : undefined;
      return histogram ? [{ label: c.name, color: c.color, histogram }] : [];
    }),
  );
}

/** The rank histogram when present (complete), else the top values. */
function stringCounts(column: DatasetColumn): Map<string, number> {
  const rank = rankHistogramCounts(column.stats?.stringStats?.rankHistogram);
  if (rank.size > 0) return rank;
  return new Map((column.stats?.stringStats?.topValues ?? []).map((t) => [t.value, toNumber(t.frequency)]));
}
