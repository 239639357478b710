import type { BucketizeValues, CrossValues, FeatureValues, VocabularyValues } from '../graph/types.js';
import { fnv1a } from '../internal/hash.js';
import type {
  BucketizeSource,
  CategoricalSource,
  CrossEncoding,
  CrossInput,
  VocabularyOptions,
} from '../spec/types.js';
import { compileChain } from './numeric-chain.js';
import type { RawColumns } from './raw-columns.js';

/** Index per row into a categorical source's [0, size); −1 = no index (unknown value, no OOV bucket). */
export type CategoricalColumn = (cols: RawColumns) => Int32Array;

export function compileSource(
  feature: string,
  source: CategoricalSource,
  values: FeatureValues,
): CategoricalColumn {
  switch (source.type) {
    case 'bucketize':
      return compileBucketize(feature, source, values as BucketizeValues);
    case 'vocabulary': {
      const v = values as VocabularyValues;
      const lookup = vocabularyLookup(v.vocabulary, source);
      const fill = v.fill ?? null;
      return (cols) => {
        const strings = cols.strings(source.column, feature);
        const out = new Int32Array(cols.n);
        for (let i = 0; i < cols.n; i++) out[i] = lookup(strings[i] ?? fill);
        return out;
      };
    }
    case 'cross':
      return compileCross(feature, source.inputs, source.encoding, values as CrossValues);
  }
}

/**
 * Known value → its rank; missing (null) → the first OOV index; unknown → an OOV index by hash;
 * without OOV buckets both are −1.
 */
function vocabularyLookup(
  vocabulary: readonly string[],
  options: VocabularyOptions,
): (v: string | null) => number {
  const ranks = new Map(vocabulary.map((value, i) => [value, i]));
  const size = vocabulary.length;
  const oov = options.oovBuckets;
  return (value) => {
    if (value === null) return oov > 0 ? size : -1;
    const rank = ranks.get(value);
    if (rank !== undefined) return rank;
    return oov > 0 ? size + (fnv1a(value) % oov) : -1;
  };
}

function compileBucketize(
  feature: string,
  source: BucketizeSource,
  values: BucketizeValues,
): CategoricalColumn {
  const chain = compileChain(feature, source.column, source.steps, values.steps);
  const boundaries = Float64Array.from(values.boundaries);
  return (cols) => {
    const x = chain(cols);
    const out = new Int32Array(cols.n);
    for (let i = 0; i < cols.n; i++) out[i] = bucketOf(x[i]!, boundaries);
    return out;
  };
}

/** The number of boundaries strictly below x: bucket i holds (b[i−1], b[i]], like DuckDB's quantile_disc. */
export function bucketOf(x: number, boundaries: Float64Array): number {
  let lo = 0;
  let hi = boundaries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (boundaries[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** TFT's sparse_cross joins values with '_X_'; a missing string counts as ''. */
export const CROSS_SEPARATOR = '_X_';

function compileCross(
  feature: string,
  inputs: readonly [CrossInput, CrossInput],
  encoding: CrossEncoding,
  values: CrossValues,
): CategoricalColumn {
  const parts = inputs.map((input, i) => crossPart(feature, input, values.inputs[i] ?? null));
  let index: (key: string) => number;
  if (encoding.type === 'hash') {
    const buckets = encoding.buckets;
    index = (key) => fnv1a(key) % buckets;
  } else {
    index = vocabularyLookup(values.vocabulary ?? [], encoding);
  }
  return (cols) => {
    const [a, b] = parts.map((part) => part(cols)) as [ArrayLike<string>, ArrayLike<string>];
    const out = new Int32Array(cols.n);
    for (let i = 0; i < cols.n; i++) out[i] = index(`${a[i]}${CROSS_SEPARATOR}${b[i]}`);
    return out;
  };
}

function crossPart(
  feature: string,
  input: CrossInput,
  values: BucketizeValues | null,
): (cols: RawColumns) => ArrayLike<string> {
  if (input.type === 'column') {
    return (cols) => cols.strings(input.column, feature).map((s) => s ?? '');
  }
  const buckets = compileBucketize(feature, input, values!);
  return (cols) => Array.from(buckets(cols), String);
}
