import type { RegistryLabels } from '../registry-file.js';

export type SplitChoice = { version: number; via: 'stable' | 'canary' | 'latest' };

/**
 * Where a request that names no version or label goes: `canary` for `canaryTrafficPercent` % of requests, the
 * stable side for the rest. The stable side is the `stable` label's version, or without one the latest
 * AVAILABLE version other than the canary (TF Serving's default). A request key makes the choice sticky (the
 * same key, the same side, while the split stays); without one the draw is random. `available` is descending.
 */
export function chooseVersion(
  labels: RegistryLabels,
  available: readonly number[],
  requestKey: string | undefined,
  random: () => number,
): SplitChoice | undefined {
  const { stable, canary } = labels.labels;
  const canaryOk = canary !== undefined && available.includes(canary) && labels.canaryTrafficPercent > 0;
  const stableSide: SplitChoice | undefined =
    stable !== undefined && available.includes(stable)
      ? { version: stable, via: 'stable' }
      : firstOther(available, canaryOk ? canary : undefined);
  if (canaryOk && (!stableSide || splitPoint(requestKey, random) < labels.canaryTrafficPercent)) {
    return { version: canary, via: 'canary' };
  }
  return stableSide;
}

function firstOther(available: readonly number[], except: number | undefined): SplitChoice | undefined {
  const version = available.find((v) => v !== except);
  return version === undefined ? undefined : { version, via: 'latest' };
}

/** A point in [0, 100): a hash of the key (FNV-1a, then murmur3's finalizer to mix the bits), or a random draw. */
export function splitPoint(requestKey: string | undefined, random: () => number): number {
  if (requestKey === undefined) return random() * 100;
  let h = 0x811c9dc5;
  for (let i = 0; i < requestKey.length; i++) {
    h ^= requestKey.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return ((h >>> 0) % 10_000) / 100;
}
