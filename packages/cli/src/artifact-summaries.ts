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
    const values = Object.entries(outcome.outputParameters);
    if (values.length > 0 && outcome.state !== 'FAILED') {
      sections.push(
        `${task}: ${values.map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ')}`,
      );
    }
    for (const [key, refs] of Object.entries(outcome.outputArtifacts)) {
      for (const ref of refs) {
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
