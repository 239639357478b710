import type {
  BucketizeSource,
  CategoricalSource,
  CrossInput,
  CrossSource,
  IndexFeature,
  OneHotFeature,
  StringFill,
  VocabularyOptions,
  VocabularySource,
} from '../spec/types.js';

export interface VocabularyBuilderOptions {
  /** Keep the k most frequent values. */
  topK?: number;
  /** Minimum count in the analyzed split; default 1 (every value seen). */
  frequencyThreshold?: number;
  /** Indices for unknown values; default 1 (every unknown value shares one index). */
  oovBuckets?: number;
}

/** Default 1 OOV bucket (TFT's default is 0): an unseen value at serving time still gets an index. */
function vocabularyOptions(options: VocabularyBuilderOptions): VocabularyOptions {
  return {
    ...(options.topK === undefined ? {} : { topK: options.topK }),
    frequencyThreshold: options.frequencyThreshold ?? 1,
    oovBuckets: options.oovBuckets ?? 1,
  };
}

/** A string column through its vocabulary: `oneHot(vocabulary('Island'))`. */
export function vocabulary(
  column: string,
  options: VocabularyBuilderOptions & { fillMissing?: 'mostFrequent' | { value: string } } = {},
): VocabularySource {
  const fill: StringFill | undefined =
    options.fillMissing === undefined
      ? undefined
      : options.fillMissing === 'mostFrequent'
        ? { strategy: 'mostFrequent' }
        : { strategy: 'constant', value: options.fillMissing.value };
  return { type: 'vocabulary', column, ...vocabularyOptions(options), ...(fill ? { fill } : {}) };
}

/**
 * The cross `a_X_b` of two categorical values (a string column name or a bucketize()), hashed into buckets or
 * through a vocabulary of the crosses seen in the analyzed split.
 */
export function cross(
  a: string | BucketizeSource,
  b: string | BucketizeSource,
  encoding: { hashBuckets: number } | { vocabulary: VocabularyBuilderOptions },
): CrossSource {
  const input = (x: string | BucketizeSource): CrossInput =>
    typeof x === 'string' ? { type: 'column', column: x } : x;
  return {
    type: 'cross',
    inputs: [input(a), input(b)],
    encoding:
      'hashBuckets' in encoding
        ? { type: 'hash', buckets: encoding.hashBuckets }
        : { type: 'vocabulary', ...vocabularyOptions(encoding.vocabulary) },
  };
}

/** Dense 0/1 columns, one per index; an unknown value without an OOV bucket is all zeros. */
export function oneHot(source: CategoricalSource): OneHotFeature {
  return { type: 'oneHot', source };
}

/** One integer column in [0, vocabularySize): the input of an embedding. */
export function index(source: CategoricalSource): IndexFeature {
  return { type: 'index', source };
}
