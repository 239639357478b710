import { type Html, html } from '@ctpipe/html';
import { sliceKeyId, sliceKeyToString } from '../slicing/slice-key.js';
import { slicingSpecId } from '../slicing/slicing-spec-id.js';
import type { SlicedMetrics, SliceMetrics } from '../types/sliced-metrics.js';
import type { ValidationFailure } from '../types/validation-result.js';
import { formatCell } from './format-cell.js';

/** A slice's identity across candidate and baseline: its spec and its key. */
export function sliceId(slice: Pick<SliceMetrics, 'slice' | 'slicingSpec'>): string {
  return `${slicingSpecId(slice.slicingSpec)}\u0000${sliceKeyId(slice.slice)}`;
}

/**
 * One row per slice, one column per metric: the candidate's value, under it the baseline's and the change when
 * there is a baseline, and the 95% interval when computed. Cells a threshold failed on are marked.
 */
export function sliceTableHtml(
  candidate: SlicedMetrics,
  baseline: SlicedMetrics | undefined,
  failures: readonly ValidationFailure[],
  names: readonly string[],
): Html {
  const base = new Map((baseline?.slices ?? []).map((s) => [sliceId(s), s]));
  const failed = new Set(failures.map((f) => `${sliceKeyId(f.slice)}\u0000${f.metric}`));
  const rows = candidate.slices.map((slice) => {
    const b = base.get(sliceId(slice));
    const cells = names.map((name) => {
      const v = slice.metrics[name];
      const bv = b?.metrics[name];
      const ci = slice.confidenceIntervals?.[name];
      const cls = failed.has(`${sliceKeyId(slice.slice)}\u0000${name}`) ? 'num fail' : 'num';
      return html`<td class="${cls}">${formatCell(v)}${
        bv !== undefined
          ? html`<small>base ${formatCell(bv)}${v !== undefined ? ` (${signed(v - bv)})` : ''}</small>`
          : ''
      }${ci ? html`<small>[${formatCell(ci.lower)}, ${formatCell(ci.upper)}]</small>` : ''}</td>`;
    });
    return html`<tr><td>${sliceKeyToString(slice.slice)}</td><td class="num">${slice.exampleCount}${
      slice.unknownLabelCount > 0 ? html`<small>+${slice.unknownLabelCount} unlabelled</small>` : ''
    }</td>${cells}</tr>`;
  });
  return html`<div class="wrap"><table class="slices"><thead><tr><th>slice</th><th>examples</th>${names.map(
    (n) => html`<th>${n}</th>`,
  )}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function signed(d: number): string {
  return d > 0 ? `+${formatCell(d)}` : formatCell(d);
}
