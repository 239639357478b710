import type { CategoricalSource } from '../spec/types.js';
import type { BucketizeValues, CrossValues, FeatureValues, VocabularyValues } from './types.js';

/** How many indices a categorical source can produce: the one-hot width or the embedding's vocabulary size. */
export function sourceSize(source: CategoricalSource, values: FeatureValues): number {
  switch (source.type) {
    case 'vocabulary':
      return (values as VocabularyValues).vocabulary.length + source.oovBuckets;
    case 'bucketize':
      return (values as BucketizeValues).boundaries.length + 1;
    case 'cross':
      return source.encoding.type === 'hash'
        ? source.encoding.buckets
        : ((values as CrossValues).vocabulary?.length ?? 0) + source.encoding.oovBuckets;
  }
}
