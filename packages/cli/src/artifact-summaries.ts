import type { TaskOutcome } from '@ctpipe/runner';
import { table } from './table.js';

interface AnomalyRow {
  split?: string;
  feature: string;
  severity: string;
  reason: string;
  detail: string;
}

/**
 * What a person wants to read after a run, beyond states: the anomaly table a validate task recorded on its
 * anomalies artifact (metadata.anomalies). Artifacts without such metadata add nothing.
 */
export function artifactSummaries(tasks: Map<string, TaskOutcome>): string[] {
  const sections: string[] = [];
  for (const [task, outcome] of tasks) {
    if (outcome.resolved) continue;
    const values = Object.entries(outcome.outputParameters);
    if (values.length > 0 && outcome.state !== 'FAILED') {
      sections.push(
        `${task}: ${values.map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ')}`,
      );
    }
    for (const [key, refs] of Object.entries(outcome.outputArtifacts)) {
      for (const ref of refs) {
        sections.push(...blessingSummary(task, ref.metadata));
        const rows = ref.metadata.anomalies;
        if (!Array.isArray(rows)) continue;
        const count =
          typeof ref.metadata.anomaly_count === 'number' ? ref.metadata.anomaly_count : rows.length;
        if (count === 0) {
          sections.push(`${task}: no anomalies (${key}: ${ref.uri})`);
          continue;
        }
        const body = (rows as unknown as AnomalyRow[]).map((r) => [
          r.split ?? '',
          r.feature,
          r.severity,
          r.reason,
          r.detail.length > 100 ? `${r.detail.slice(0, 97)}…` : r.detail,
        ]);
        const more = count > rows.length ? `\n… and ${count - rows.length} more in ${ref.uri}` : '';
        sections.push(
          `${task}: ${count} anomalies\n${table(['split', 'feature', 'severity', 'reason', 'detail'], body)}${more}`,
        );
      }
    }
  }
  return sections;
}

/** An evaluate blessing: the per-slice metrics table, and why the model was not blessed. */
function blessingSummary(
  task: string,
  metadata: TaskOutcome['outputArtifacts'][string][number]['metadata'],
): string[] {
  const out: string[] = [];
  const t = metadata.metrics_table;
  if (t && typeof t === 'object' && !Array.isArray(t) && Array.isArray(t.header) && Array.isArray(t.rows)) {
    out.push(
      `${task}: metrics per slice\n${table(
        t.header.map(String),
        t.rows.map((r) => (Array.isArray(r) ? r.map(String) : [])),
      )}`,
    );
  }
  const reasons = metadata.reasons;
  if (Array.isArray(reasons) && reasons.length > 0) {
    const verdict = metadata.blessed === 1 ? 'blessed' : 'NOT blessed';
    out.push(`${task}: ${verdict}\n${reasons.map((r) => `  - ${String(r)}`).join('\n')}`);
  }
  return out;
}
