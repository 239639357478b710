/** Inline CSS: the report is one self-contained file (no external assets, works offline). */
/** Constant markup: interpolated as trusted Html, never escaped. */
export const STYLES = `
:root { --ok: #15803d; --ok-bg: #f0fdf4; --err: #b91c1c; --err-bg: #fef2f2; --warn: #b45309; --warn-bg: #fffbeb;
  --line: #e5e7eb; --muted: #6b7280; --candidate: #0072B2; --baseline: #E69F00; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; margin: 0; background: #f9fafb; }
main { max-width: 1180px; margin: 0 auto; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; }
.sub, .muted { color: var(--muted); }
.sub { margin: 0 0 16px; }
.verdict { border-radius: 8px; padding: 14px 18px; font-size: 16px; font-weight: 600; border: 1px solid; }
.verdict.ok { color: var(--ok); background: var(--ok-bg); border-color: #bbf7d0; }
.verdict.stamp { color: var(--warn); background: var(--warn-bg); border-color: #fde68a; }
.verdict.fail { color: var(--err); background: var(--err-bg); border-color: #fecaca; }
.verdict ul { font-weight: 400; color: #374151; margin: 6px 0 0; padding-left: 18px; font-size: 14px; }
table { border-collapse: collapse; background: #fff; }
table.slices { width: 100%; }
th, td { text-align: left; padding: 5px 9px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: #f3f4f6; font-weight: 600; position: sticky; top: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.num small { display: block; color: var(--muted); font-size: 11px; }
td.fail { background: var(--err-bg); color: var(--err); font-weight: 600; }
.wrap { overflow-x: auto; }
table.cm td { text-align: right; min-width: 56px; font-variant-numeric: tabular-nums; }
table.cm th.corner { font-weight: 400; color: var(--muted); font-size: 12px; }
.legend span { margin-right: 14px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; }
details { margin: 6px 0; }
summary { cursor: pointer; }
svg.chart text { font-size: 11px; fill: #111827; }
svg.chart .axis { stroke: #9ca3af; }
`;
