import type { History, HpValues, Objective } from '@ctpipe/model';
import { escapeXml, lineChartSvg } from './line-chart.js';

export interface TrialSummary {
  trialId: string;
  values: HpValues;
  score: number;
}

export interface CurvesReport {
  history: History;
  bestEpoch: number;
  hyperparameters: HpValues;
  objective: Objective;
  backend: string;
  /** Absent when hyperparameters were given and nothing was tuned. */
  trials?: readonly TrialSummary[];
}

const TRAIN = '#1f77b4';
const EVAL = '#ff7f0e';

/** The training_curves artifact: one self-contained HTML page (no scripts, no external assets). */
export function trainingCurvesHtml(report: CurvesReport): string {
  const metric = report.history.accuracy ? 'accuracy' : 'mae';
  const charts = (['loss', metric] as const).map((name) =>
    lineChartSvg(name, [
      { label: `train ${name}`, values: report.history[name] ?? [], color: TRAIN },
      { label: `eval ${name}`, values: report.history[`val_${name}`] ?? [], color: EVAL },
    ]),
  );
  const hp = Object.entries(report.hyperparameters)
    .map(([k, v]) => `<tr><td>${escapeXml(k)}</td><td>${escapeXml(String(v))}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Training curves</title>
<style>body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 24px}
td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}.charts{display:flex;gap:24px;flex-wrap:wrap}</style>
</head><body>
<h1>Training curves</h1>
<p>Backend <b>${escapeXml(report.backend)}</b>; objective <b>${escapeXml(report.objective.name)}</b>
(${report.objective.direction}); best epoch <b>${report.bestEpoch + 1}</b>, whose weights the model keeps.</p>
<div class="charts">${charts.join('\n')}</div>
<h2>Hyperparameters</h2><table>${hp}</table>
${report.trials ? trialsTable(report.trials) : '<p>Hyperparameters were given; no tuning ran.</p>'}
</body></html>
`;
}

function trialsTable(trials: readonly TrialSummary[]): string {
  const names = [...new Set(trials.flatMap((t) => Object.keys(t.values)))];
  const head = `<tr><th>trial</th><th>score</th>${names.map((n) => `<th>${escapeXml(n)}</th>`).join('')}</tr>`;
  const rows = trials.map(
    (t) =>
      `<tr><td>${escapeXml(t.trialId)}</td><td>${Number.isFinite(t.score) ? t.score.toFixed(4) : 'failed'}</td>` +
      `${names.map((n) => `<td>${escapeXml(formatValue(t.values[n]))}</td>`).join('')}</tr>`,
  );
  return `<h2>Trials</h2><table>${head}${rows.join('')}</table>`;
}

function formatValue(v: unknown): string {
  if (v === undefined) return '';
  return typeof v === 'number' && !Number.isInteger(v) ? v.toPrecision(4) : String(v);
}
