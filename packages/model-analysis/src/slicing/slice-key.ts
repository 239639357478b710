import type { SliceKey } from '../types/sliced-metrics.js';

/** 'overall' | 'Island=Biscoe' | 'Island=Biscoe, Sex=MALE' (features in slicing-spec order). */
export function sliceKeyToString(key: SliceKey): string {
  const entries = Object.entries(key);
  if (entries.length === 0) return 'overall';
  return entries.map(([feature, value]) => `${feature}=${value}`).join(', ');
}

/** Same features with the same values, in any order. */
export function sameSliceKey(a: SliceKey, b: SliceKey): boolean {
  const ea = Object.entries(a);
  if (ea.length !== Object.keys(b).length) return false;
  return ea.every(([feature, value]) => b[feature] === value);
}

/** An unambiguous map key for a slice (values may contain '=' or ', '). */
export function sliceKeyId(key: SliceKey): string {
  return JSON.stringify(Object.entries(key).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
