import { CtpipeError } from '@ctpipe/errors';
import type { SlicingSpec } from '../types/eval-config.js';
import type { FeatureColumn } from '../types/prediction-batch.js';
import type { SliceKey } from '../types/sliced-metrics.js';
import { crossCodes } from './cross-codes.js';
import { type EncodedColumn, encodeColumn, isNumericColumn } from './encode-column.js';
import { bucketColumn, numericValues, resolveBoundaries } from './numeric-buckets.js';
import { specFeatures } from './slicing-spec-id.js';

/** The slices of one spec: `sliceOf[row]` indexes `keys`, -1 = the row is in no slice of this spec. */
export interface SliceGrouping {
  spec: SlicingSpec;
  keys: SliceKey[];
  sliceOf: Int32Array;
}

/** Encoded columns shared by the specs of one analysis (a feature used by two specs is encoded once). */
export type ColumnCache = Map<string, EncodedColumn>;

/** One pass per feature to encode, one per extra feature to cross; no per-row objects. */
export function groupRows(
  spec: SlicingSpec,
  features: Record<string, FeatureColumn>,
  n: number,
  cache: ColumnCache,
): SliceGrouping {
  const names = specFeatures(spec);
  if (names.length === 0) return { spec, keys: [{}], sliceOf: new Int32Array(n) };
  const columns = names.map((name) => encodeFeature(spec, name, features, n, cache));
  if (spec.numericBuckets && !names.some((name) => isNumericColumn(features[name]!))) {
    throw new CtpipeError(
      'BAD_CONFIG',
      'numericBuckets is set but no feature of the slicing spec is numeric',
      {
        details: { path: 'slicingSpecs', expected: 'a numeric feature', found: names.join(', ') },
      },
    );
  }
  const crossed = crossCodes(columns.map((c) => ({ codes: c.codes, cardinality: c.labels.length })));
  const wanted = spec.featureValues ?? {};
  const keep = new Int32Array(crossed.count).fill(-1);
  const keys: SliceKey[] = [];
  for (let id = 0; id < crossed.count; id++) {
    const key: SliceKey = {};
    names.forEach((name, f) => {
      key[name] = columns[f]!.labels[crossed.parts[f]![id]!]!;
    });
    if (Object.entries(wanted).every(([name, value]) => key[name] === value)) {
      keep[id] = keys.length;
      keys.push(key);
    }
  }
  const sliceOf = crossed.codes;
  for (let i = 0; i < n; i++) {
    const id = sliceOf[i]!;
    if (id >= 0) sliceOf[i] = keep[id]!;
  }
  return { spec, keys, sliceOf };
}

function encodeFeature(
  spec: SlicingSpec,
  name: string,
  features: Record<string, FeatureColumn>,
  n: number,
  cache: ColumnCache,
): EncodedColumn {
  const column = features[name];
  if (column === undefined) {
    throw new CtpipeError('BAD_CONFIG', `Slicing feature '${name}' is not among the evaluated columns`, {
      details: {
        column: name,
        expected: Object.keys(features).join(', ') || '(no feature columns)',
        found: name,
      },
    });
  }
  const bucketed = spec.numericBuckets !== undefined && isNumericColumn(column);
  const cacheKey = bucketed ? `${name}\u0000${JSON.stringify(spec.numericBuckets)}` : `${name}\u0000raw`;
  let encoded = cache.get(cacheKey);
  if (!encoded) {
    if (bucketed && spec.numericBuckets) {
      const values = numericValues(name, column, n);
      encoded = bucketColumn(values, resolveBoundaries(values, spec.numericBuckets));
    } else {
      encoded = encodeColumn(name, column, n);
    }
    cache.set(cacheKey, encoded);
  }
  return encoded;
}
