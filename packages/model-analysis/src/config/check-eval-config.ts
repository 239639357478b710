import { CtpipeError } from '@ctpipe/errors';
import type { EvalConfig, MetricThreshold, SlicingSpec } from '../types/eval-config.js';

/**
 * Checks an eval config that may come straight from YAML or a pipeline parameter (so nothing is trusted):
 * every problem is a BAD_CONFIG error whose `path` points at the offending field.
 */
export function checkEvalConfig(value: unknown): asserts value is EvalConfig {
  if (!isObject(value)) fail('', 'an object', value);
  const config = value as EvalConfig;
  if (typeof config.labelKey !== 'string' || config.labelKey === '')
    fail('labelKey', 'a column name', config.labelKey);
  if (!Array.isArray(config.slicingSpecs))
    fail('slicingSpecs', 'a list of slicing specs', config.slicingSpecs);
  config.slicingSpecs.forEach((spec, i) => {
    checkSlicingSpec(spec, `slicingSpecs[${i}]`);
  });
  if (config.metrics !== undefined) {
    if (!Array.isArray(config.metrics) || !config.metrics.every((m) => typeof m === 'string')) {
      fail('metrics', 'a list of metric names', config.metrics);
    }
  }
  if (config.thresholds !== undefined) {
    if (!isObject(config.thresholds))
      fail('thresholds', 'a map of metric name to threshold', config.thresholds);
    for (const [metric, threshold] of Object.entries(config.thresholds)) {
      checkThreshold(threshold, `thresholds.${metric}`);
    }
  }
  if (config.perSliceThresholds !== undefined) {
    if (!Array.isArray(config.perSliceThresholds))
      fail('perSliceThresholds', 'a list', config.perSliceThresholds);
    config.perSliceThresholds.forEach((t, i) => {
      const path = `perSliceThresholds[${i}]`;
      if (!isObject(t)) fail(path, '{ slicingSpec, metric, threshold }', t);
      checkSlicingSpec(t.slicingSpec, `${path}.slicingSpec`);
      if (typeof t.metric !== 'string' || t.metric === '') fail(`${path}.metric`, 'a metric name', t.metric);
      checkThreshold(t.threshold, `${path}.threshold`);
    });
  }
  const ci = config.confidenceIntervals;
  if (ci !== undefined) {
    if (!isObject(ci)) fail('confidenceIntervals', '{ bootstrapSamples, seed }', ci);
    if (!Number.isInteger(ci.bootstrapSamples) || ci.bootstrapSamples < 2) {
      fail('confidenceIntervals.bootstrapSamples', 'an integer ≥ 2', ci.bootstrapSamples);
    }
    if (!Number.isInteger(ci.seed)) fail('confidenceIntervals.seed', 'an integer', ci.seed);
  }
  if (
    config.minSliceSize !== undefined &&
    !(Number.isInteger(config.minSliceSize) && config.minSliceSize >= 0)
  ) {
    fail('minSliceSize', 'an integer ≥ 0', config.minSliceSize);
  }
}

export function checkSlicingSpec(spec: SlicingSpec, path: string): void {
  if (!isObject(spec)) fail(path, 'a slicing spec object ({} = overall)', spec);
  const keys = spec.featureKeys;
  if (keys !== undefined) {
    if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string' && k !== '')) {
      fail(`${path}.featureKeys`, 'a list of feature names', keys);
    }
    if (new Set(keys).size !== keys.length) fail(`${path}.featureKeys`, 'distinct feature names', keys);
  }
  const values = spec.featureValues;
  if (values !== undefined) {
    if (!isObject(values) || !Object.values(values).every((v) => typeof v === 'string')) {
      fail(`${path}.featureValues`, 'a map of feature name to string value', values);
    }
  }
  const buckets = spec.numericBuckets;
  if (buckets === undefined) return;
  const where = `${path}.numericBuckets`;
  if (!isObject(buckets)) fail(where, '{ boundaries: number[] } or { count: number }', buckets);
  if ('boundaries' in buckets === 'count' in buckets)
    fail(where, 'exactly one of boundaries or count', buckets);
  if ('count' in buckets) {
    if (!Number.isInteger(buckets.count) || buckets.count < 2)
      fail(`${where}.count`, 'an integer ≥ 2', buckets.count);
    return;
  }
  const b = buckets.boundaries;
  const increasing =
    Array.isArray(b) &&
    b.length > 0 &&
    b.every((x, i) => Number.isFinite(x) && (i === 0 || x > (b[i - 1] ?? x)));
  if (!increasing) fail(`${where}.boundaries`, 'a non-empty list of strictly increasing finite numbers', b);
}

export function checkThreshold(threshold: MetricThreshold, path: string): void {
  if (!isObject(threshold)) fail(path, '{ valueThreshold?, changeThreshold? }', threshold);
  const { valueThreshold: value, changeThreshold: change } = threshold;
  if (value === undefined && change === undefined)
    fail(path, 'a valueThreshold or a changeThreshold', threshold);
  if (value !== undefined) {
    if (!isObject(value)) fail(`${path}.valueThreshold`, '{ lowerBound?, upperBound? }', value);
    const { lowerBound: lo, upperBound: hi } = value;
    if (lo === undefined && hi === undefined)
      fail(`${path}.valueThreshold`, 'a lowerBound or an upperBound', value);
    if (lo !== undefined && typeof lo !== 'number') fail(`${path}.valueThreshold.lowerBound`, 'a number', lo);
    if (hi !== undefined && typeof hi !== 'number') fail(`${path}.valueThreshold.upperBound`, 'a number', hi);
    if (lo !== undefined && hi !== undefined && lo > hi)
      fail(`${path}.valueThreshold`, 'lowerBound ≤ upperBound', value);
  }
  if (change !== undefined) {
    if (!isObject(change)) fail(`${path}.changeThreshold`, '{ direction, absolute?, relative? }', change);
    if (change.direction !== 'HIGHER_IS_BETTER' && change.direction !== 'LOWER_IS_BETTER') {
      fail(`${path}.changeThreshold.direction`, 'HIGHER_IS_BETTER or LOWER_IS_BETTER', change.direction);
    }
    // TFMA accepts a direction alone (it then always passes); that is almost surely a mistake, so refuse it.
    if (change.absolute === undefined && change.relative === undefined) {
      fail(`${path}.changeThreshold`, 'an absolute and/or a relative bound', change);
    }
    for (const k of ['absolute', 'relative'] as const) {
      const v = change[k];
      if (v !== undefined && !Number.isFinite(v)) fail(`${path}.changeThreshold.${k}`, 'a finite number', v);
    }
  }
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(path: string, expected: string, found: unknown): never {
  throw new CtpipeError(
    'BAD_CONFIG',
    `Invalid eval config${path ? ` at ${path}` : ''}: expected ${expected}`,
    {
      details: { path: path || '(root)', expected, found: describe(found) },
    },
  );
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
