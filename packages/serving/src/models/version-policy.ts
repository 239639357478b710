import type { VersionPolicy } from '../server-options.js';

/**
 * The versions the server aspires to serve (TF Serving's aspired versions): those the policy picks among the
 * folders present, plus every present version a label names — a label must never point at an unloaded model.
 */
export function aspiredVersions(
  policy: VersionPolicy,
  present: readonly number[],
  labelled: readonly number[],
): Set<number> {
  const descending = [...present].sort((a, b) => b - a);
  const picked =
    policy.kind === 'latest'
      ? descending.slice(0, policy.numVersions)
      : policy.kind === 'all'
        ? descending
        : descending.filter((v) => policy.versions.includes(v));
  const presentSet = new Set(present);
  return new Set([...picked, ...labelled.filter((v) => presentSet.has(v))]);
}

/**
 * Availability preservation: a loaded version that is no longer aspired stays while fewer aspired versions are
 * AVAILABLE than were aspired (a new version failed or is still loading), highest first. So a broken new
 * version never takes the place of the one serving.
 */
export function versionsToKeep(aspired: ReadonlySet<number>, available: readonly number[]): Set<number> {
  const keep = new Set(available.filter((v) => aspired.has(v)));
  const missing = aspired.size - keep.size;
  const spare = available.filter((v) => !aspired.has(v)).sort((a, b) => b - a);
  for (const v of spare.slice(0, Math.max(0, missing))) keep.add(v);
  return keep;
}
