import type { RetryPolicy } from '@ctpipe/ir';

/** Delay before retry number `attempt` (1-based), as KFP's backoff: duration × factor^(attempt-1), capped. */
export function backoffMs(policy: RetryPolicy, attempt: number): number {
  const base = parseDurationMs(policy.backoffDuration ?? '0s');
  const factor = policy.backoffFactor ?? 2;
  const max = parseDurationMs(policy.backoffMaxDuration ?? '3600s');
  return Math.min(base * factor ** (attempt - 1), max);
}

/** google.protobuf.Duration JSON ("1.5s"). */
export function parseDurationMs(duration: string): number {
  const m = /^(-?\d+(?:\.\d+)?)s$/.exec(duration.trim());
  return m ? Number(m[1]) * 1000 : 0;
}
