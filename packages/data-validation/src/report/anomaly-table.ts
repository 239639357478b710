import type { Anomalies, Severity } from '../types/anomalies.js';

export interface AnomalyRow {
  /** Feature name, or "(dataset)" for dataset-level anomalies. */
  feature: string;
  severity: Severity;
  /** The reason's short description, e.g. "Unexpected string values". */
  reason: string;
  /** The reason's long description. */
  detail: string;
}

const RANK: Record<Severity, number> = { ERROR: 0, WARNING: 1, UNKNOWN: 2 };

/** One row per anomaly reason, errors first, for the CLI and the report; no data is an ERROR row too. */
export function anomalyTable(anomalies: Anomalies): AnomalyRow[] {
  const rows: AnomalyRow[] = [];
  // TFDV raises no anomaly for an empty dataset, only dataMissing; a gate must not pass on no data.
  if (anomalies.dataMissing) {
    rows.push({
      feature: '(dataset)',
      severity: 'ERROR',
      reason: 'Data missing',
      detail: 'The dataset has no examples.',
    });
  }
  const entries = Object.entries(anomalies.anomalyInfo);
  if (anomalies.datasetAnomalyInfo) entries.unshift(['(dataset)', anomalies.datasetAnomalyInfo]);
  for (const [feature, info] of entries) {
    for (const reason of info.reason) {
      rows.push({
        feature,
        severity: info.severity,
        reason: reason.shortDescription,
        detail: reason.description,
      });
    }
  }
  // Array.prototype.sort is stable: within a severity, the anomalies keep their order.
  return rows.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}
