import type { EvalConfig, SlicingSpec } from '../types/eval-config.js';

/** The features a spec slices on: featureKeys, then any featureValues key not already listed. */
export function specFeatures(spec: SlicingSpec): string[] {
  const keys = [...(spec.featureKeys ?? [])];
  for (const k of Object.keys(spec.featureValues ?? {})) if (!keys.includes(k)) keys.push(k);
  return keys;
}

/**
 * Canonical identity of a spec: the same features (in any order), values and buckets give the same id, so a
 * per-slice threshold finds the slices its spec produced.
 */
export function slicingSpecId(spec: SlicingSpec): string {
  const values = Object.entries(spec.featureValues ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({ f: specFeatures(spec).sort(), v: values, b: spec.numericBuckets ?? null });
}

/** Overall first, then the configured specs, then specs only thresholds mention; duplicates dropped. */
export function effectiveSlicingSpecs(config: EvalConfig): SlicingSpec[] {
  const out: SlicingSpec[] = [{}];
  const seen = new Set([slicingSpecId({})]);
  const candidates = [...config.slicingSpecs, ...(config.perSliceThresholds ?? []).map((t) => t.slicingSpec)];
  for (const spec of candidates) {
    const id = slicingSpecId(spec);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(spec);
  }
  return out;
}
