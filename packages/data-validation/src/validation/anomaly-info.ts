import type { AnomalyInfo, AnomalyReason, AnomalyType, Severity } from '../types/anomalies.js';

export interface SeverityOverride {
  type: AnomalyType;
  severity: Severity;
}

const RANK: Record<Severity, number> = { UNKNOWN: 0, WARNING: 1, ERROR: 2 };

/**
 * TFDV's SchemaAnomalyBase::GetAnomalyInfo: severity is the maximum over reasons (ERROR unless overridden);
 * several reasons read "Multiple errors" with the descriptions joined; repeated "New column" reasons collapse.
 */
export function buildAnomalyInfo(
  step: string[],
  reasons: AnomalyReason[],
  overrides: readonly SeverityOverride[],
): AnomalyInfo {
  let severity: Severity = 'UNKNOWN';
  for (const reason of reasons) {
    const own = overrides.findLast((o) => o.type === reason.type)?.severity ?? 'ERROR';
    if (RANK[own] > RANK[severity]) severity = own;
  }
  const kept =
    reasons.length > 0 && reasons.every((r) => r.type === 'SCHEMA_NEW_COLUMN')
      ? reasons.slice(0, 1)
      : reasons;
  const described = kept.filter((r) => r.description !== '');
  const [first] = described;
  const unified =
    described.length > 1
      ? { shortDescription: 'Multiple errors', description: described.map((r) => r.description).join(' ') }
      : { shortDescription: first?.shortDescription ?? '', description: first?.description ?? '' };
  return { path: { step }, severity, ...unified, reason: kept };
}
