import { type Html, raw } from '@ctpipe/html';

/** Inline CSS: the report is one self-contained file (no external assets, works offline). */
export const STYLES: Html = raw(`
:root { --ok: #15803d; --ok-bg: #f0fdf4; --warn: #b45309; --warn-bg: #fffbeb; --err: #b91c1c; --err-bg: #fef2f2;
  --line: #e5e7eb; --muted: #6b7280; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; margin: 0; background: #f9fafb; }
main { max-width: 1120px; margin: 0 auto; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; }
h3 { font-size: 15px; margin: 0; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.sub { color: var(--muted); margin: 0 0 16px; }
.verdict { border-radius: 8px; padding: 14px 18px; font-size: 16px; font-weight: 600; border: 1px solid; }
.verdict.ok { color: var(--ok); background: var(--ok-bg); border-color: #bbf7d0; }
.verdict.warning { color: var(--warn); background: var(--warn-bg); border-color: #fde68a; }
.verdict.error { color: var(--err); background: var(--err-bg); border-color: #fecaca; }
.verdict small { display: block; font-weight: 400; color: #374151; margin-top: 2px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: #f3f4f6; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.sev { font-weight: 600; font-size: 12px; }
.sev.ERROR, .high { color: var(--err); }
.sev.WARNING { color: var(--warn); }
.muted, .empty { color: var(--muted); }
.legend span { margin-right: 14px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: baseline; }
nav.index a { display: inline-block; margin: 0 6px 6px 0; padding: 2px 8px; border-radius: 999px; background: #fff;
  border: 1px solid var(--line); color: #111827; text-decoration: none; font-family: ui-monospace, Menlo, monospace; font-size: 12px; }
nav.index a.error { border-color: #fca5a5; background: var(--err-bg); color: var(--err); }
nav.index a.warning { border-color: #fcd34d; background: var(--warn-bg); color: var(--warn); }
.card { background: #fff; border: 1px solid var(--line); border-left: 4px solid #d1d5db; border-radius: 8px; padding: 14px 16px; margin: 0 0 14px; }
.card.error { border-left-color: var(--err); }
.card.warning { border-left-color: #f59e0b; }
.card header { display: flex; gap: 10px; align-items: center; }
.badge { font-size: 12px; padding: 1px 8px; border-radius: 999px; }
.badge.error { background: var(--err-bg); color: var(--err); }
.badge.warning { background: var(--warn-bg); color: var(--warn); }
.schema { color: var(--muted); margin: 4px 0 8px; font-size: 13px; }
.reasons { margin: 0 0 10px; padding-left: 18px; color: #7f1d1d; }
.card-body { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
.card-body table.stats { width: auto; min-width: 260px; flex: 1 1 300px; font-size: 13px; }
table.stats th, table.stats td { padding: 3px 8px; }
table.stats tbody th { font-weight: 400; color: var(--muted); }
figure { margin: 0; flex: 0 0 auto; }
svg.chart .axis { stroke: #9ca3af; stroke-width: 1; }
svg.chart .tick { font-size: 10px; fill: #6b7280; }
svg.chart .label { font-size: 11px; fill: #111827; }
`);
