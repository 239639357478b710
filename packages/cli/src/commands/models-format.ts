import type { ModelVersion, RegistryFile } from '@ctpipe/registry';
import { table } from '../table.js';

/** One row per version of every model: what `ctpipe models list` prints. */
export function versionsTable(models: RegistryFile[], basePath: string): string {
  const rows = models.flatMap((m) =>
    [...m.versions]
      .reverse()
      .map((v) => [
        m.model,
        String(v.version),
        labelsText(m, v.version),
        v.createdAt.replace('T', ' ').slice(0, 19),
        metricsText(v.metrics, HEADLINE_METRICS),
        v.source,
      ]),
  );
  return `registry ${basePath}\n${table(['model', 'version', 'labels', 'created (UTC)', 'metrics', 'source'], rows)}`;
}

/** The labels of a model after a change: `stable → 2, canary → 3 (10 % of traffic)`. */
export function formatRegistry(m: RegistryFile): string {
  const labels = Object.entries(m.labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([label, v]) =>
        `${label} → ${v}${label === 'canary' ? ` (${m.canaryTrafficPercent} % of traffic)` : ''}`,
    );
  return `${m.model}: ${labels.join(', ') || '(no labels)'}`;
}

export function formatVersion(v: ModelVersion, m: RegistryFile): string[] {
  const lines = [
    `model    ${v.model}`,
    `version  ${v.version}`,
    `labels   ${labelsText(m, v.version) || '(none)'}`,
    `created  ${v.createdAt}`,
    `files    ${v.uri}`,
    `source   ${v.source}`,
  ];
  if (v.runId) lines.push(`run      ${v.runId}`);
  if (v.blessing) lines.push(`blessing ${v.blessing}`);
  if (v.metrics) lines.push(`metrics  ${metricsText(v.metrics)}`);
  return lines;
}

function labelsText(m: RegistryFile, version: number): string {
  return Object.entries(m.labels)
    .filter(([, v]) => v === version)
    .map(([label]) => (label === 'canary' ? `canary (${m.canaryTrafficPercent} %)` : label))
    .sort()
    .join(', ');
}

/** The list shows a few overall metrics; `models show` prints them all. */
const HEADLINE_METRICS = ['accuracy', 'auc', 'macro_f1', 'rmse', 'r2'];

function metricsText(metrics: Record<string, number> | undefined, only?: string[]): string {
  if (!metrics) return '';
  return Object.entries(metrics)
    .filter(([k]) => !only || only.includes(k))
    .map(([k, n]) => `${k}=${Number.isInteger(n) ? n : n.toFixed(4)}`)
    .join(' ');
}
