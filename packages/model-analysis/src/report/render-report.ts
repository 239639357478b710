import { type Html, html, htmlDocument, raw } from '@ctpipe/html';
import { sliceKeyToString } from '../slicing/slice-key.js';
import type { SlicedMetrics, SliceMetrics } from '../types/sliced-metrics.js';
import type { ValidationResult } from '../types/validation-result.js';
import { barChartSvg } from './bar-chart-svg.js';
import { confusionMatrixHtml } from './confusion-matrix-html.js';
import { headlineMetricNames } from './format-cell.js';
import { sliceId, sliceTableHtml } from './slice-table-html.js';
import { STYLES } from './styles.js';

export interface EvaluationReportInput {
  title: string;
  candidate: SlicedMetrics;
  baseline?: SlicedMetrics;
  validation: ValidationResult;
  /** Defaults to the candidate's classes. */
  classes?: string[];
}

/**
 * A standalone HTML page (KFP system.HTML): the verdict and its reasons, candidate vs baseline charts (overall
 * metrics, and the first headline metric across slices), the slice table and the confusion matrices. Inline
 * CSS and SVG only: no script, no external asset. Every piece of data is escaped.
 */
export function renderEvaluationReport(input: EvaluationReportInput): string {
  const { candidate, baseline, validation } = input;
  const classes = input.classes ?? candidate.classes ?? [];
  const names = headlineMetricNames(candidate.slices);
  const overall = candidate.slices[0];
  const baseOverall = baseline?.slices[0];
  const byId = new Map((baseline?.slices ?? []).map((s) => [sliceId(s), s]));
  const primary = names[0];
  return htmlDocument(
    input.title,
    raw(STYLES),
    html`<p class="sub">${candidate.task}${classes.length ? ` · classes ${classes.join(', ')}` : ''} · ${candidate.slices.length} slices · ${
      baseline ? 'compared with the baseline (latest blessed model)' : 'no baseline'
    }</p>
${verdict(validation)}
${legend(baseline !== undefined)}
${
  overall
    ? html`<h2>Overall metrics</h2>${barChartSvg(
        names.map((name) => ({
          label: name,
          candidate: overall.metrics[name],
          baseline: baseOverall?.metrics[name],
        })),
        {
          perItemScale: true,
          title: 'Overall metrics, candidate vs baseline (each metric on its own scale)',
        },
      )}<p class="muted">Each metric is scaled to its own largest value.</p>`
    : ''
}
${
  primary && candidate.slices.length > 1
    ? html`<h2>${primary} by slice</h2>${barChartSvg(
        candidate.slices.map((s) => ({
          label: sliceKeyToString(s.slice),
          candidate: s.metrics[primary],
          baseline: byId.get(sliceId(s))?.metrics[primary],
        })),
        { perItemScale: false, title: `${primary} by slice, candidate vs baseline` },
      )}`
    : ''
}
<h2>Metrics by slice</h2>
${sliceTableHtml(candidate, baseline, validation.failures, names)}
${omitted(candidate)}
${confusionMatrices(candidate.slices, classes)}`,
  );
}

function verdict(v: ValidationResult): Html {
  const cls = !v.validationOk ? 'fail' : v.rubberStamp ? 'stamp' : 'ok';
  const head = !v.validationOk
    ? `Validation failed: ${v.failures.length} failure(s)`
    : v.rubberStamp
      ? 'Validation passed (rubber stamp: no baseline yet)'
      : 'Validation passed';
  const lines = [...v.failures.map((f) => f.message), ...v.notes];
  return html`<div class="verdict ${cls}">${head}${lines.length ? html`<ul>${lines.map((l) => html`<li>${l}</li>`)}</ul>` : ''}</div>`;
}

function legend(withBaseline: boolean): Html {
  return html`<p class="legend"><span><i class="swatch" style="background:#0072B2"></i>candidate</span>${
    withBaseline ? html`<span><i class="swatch" style="background:#E69F00"></i>baseline</span>` : ''
  }</p>`;
}

function omitted(candidate: SlicedMetrics): Html | string {
  if (candidate.omittedSlices.length === 0) return '';
  return html`<p class="muted">Left out (fewer examples than minSliceSize): ${candidate.omittedSlices
    .map((o) => `${sliceKeyToString(o.slice)} (${o.exampleCount})`)
    .join('; ')}</p>`;
}

function confusionMatrices(slices: readonly SliceMetrics[], classes: readonly string[]): Html | string {
  const withMatrix = slices.filter((s) => s.confusionMatrix && s.confusionMatrix.length === classes.length);
  const [first, ...rest] = withMatrix;
  if (!first?.confusionMatrix) return '';
  return html`<h2>Confusion matrix (${sliceKeyToString(first.slice)})</h2>${confusionMatrixHtml(first.confusionMatrix, classes)}${rest.map(
    (s) =>
      html`<details><summary>${sliceKeyToString(s.slice)} (${s.exampleCount} examples)</summary>${confusionMatrixHtml(
        s.confusionMatrix!,
        classes,
      )}</details>`,
  )}`;
}
