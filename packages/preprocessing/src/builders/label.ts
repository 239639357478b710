import type { LabelSpec } from '../spec/types.js';

/** Classification: the label's classes (sorted distinct values, or the given list) → class index. */
export function classLabel(column: string, options: { classes?: string[] } = {}): LabelSpec {
  return { type: 'classification', column, ...(options.classes ? { classes: options.classes } : {}) };
}

/** Regression: the label as a number, optionally scaled (serving scales predictions back). */
export function regressionLabel(
  column: string,
  options: { scale?: 'none' | 'zScore' | 'minMax' } = {},
): LabelSpec {
  return { type: 'regression', column, scale: options.scale ?? 'none' };
}
