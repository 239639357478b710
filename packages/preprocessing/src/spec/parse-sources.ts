import { join, type Shape } from '../internal/shape.js';
import { parseSteps } from './parse-steps.js';
import type {
  BucketizeSource,
  CategoricalSource,
  CrossEncoding,
  CrossInput,
  StringFill,
  VocabularyOptions,
} from './types.js';

const VOCABULARY_KEYS = ['topK', 'frequencyThreshold', 'oovBuckets'] as const;
// Absent options mean what the builders default to.

export function parseSource(value: unknown, path: string, shape: Shape): CategoricalSource {
  const any = shape.object(value, path, [
    'type',
    'column',
    'fill',
    'buckets',
    'steps',
    'inputs',
    'encoding',
    ...VOCABULARY_KEYS,
  ]);
  const type = shape.oneOf(any.type, join(path, 'type'), ['vocabulary', 'bucketize', 'cross']);
  switch (type) {
    case 'vocabulary': {
      const o = shape.object(value, path, ['type', 'column', 'fill', ...VOCABULARY_KEYS]);
      const fill = o.fill === undefined ? undefined : parseFill(o.fill, join(path, 'fill'), shape);
      return {
        type,
        column: shape.string(o.column, join(path, 'column')),
        ...parseVocabularyOptions(o, path, shape),
        ...(fill ? { fill } : {}),
      };
    }
    case 'bucketize':
      return parseBucketize(value, path, shape);
    case 'cross': {
      const o = shape.object(value, path, ['type', 'inputs', 'encoding']);
      const inputs = shape.array(o.inputs, join(path, 'inputs'));
      if (inputs.length !== 2) shape.fail(join(path, 'inputs'), 'two inputs', inputs.length);
      return {
        type,
        inputs: [
          parseCrossInput(inputs[0], join(path, 'inputs[0]'), shape),
          parseCrossInput(inputs[1], join(path, 'inputs[1]'), shape),
        ],
        encoding: parseEncoding(o.encoding, join(path, 'encoding'), shape),
      };
    }
  }
}

function parseBucketize(value: unknown, path: string, shape: Shape): BucketizeSource {
  const o = shape.object(value, path, ['type', 'column', 'buckets', 'steps']);
  return {
    type: 'bucketize',
    column: shape.string(o.column, join(path, 'column')),
    buckets: shape.integer(o.buckets, join(path, 'buckets'), 2),
    steps: parseSteps(o.steps ?? [], join(path, 'steps'), shape),
  };
}

function parseCrossInput(value: unknown, path: string, shape: Shape): CrossInput {
  const type = shape.oneOf(shape.object(value, path, ['type', 'column', 'buckets', 'steps']).type, path, [
    'column',
    'bucketize',
  ]);
  if (type === 'bucketize') return parseBucketize(value, path, shape);
  const o = shape.object(value, path, ['type', 'column']);
  return { type, column: shape.string(o.column, join(path, 'column')) };
}

function parseEncoding(value: unknown, path: string, shape: Shape): CrossEncoding {
  const o = shape.object(value, path, ['type', 'buckets', ...VOCABULARY_KEYS]);
  const type = shape.oneOf(o.type, join(path, 'type'), ['hash', 'vocabulary']);
  if (type === 'hash') {
    shape.object(value, path, ['type', 'buckets']);
    return { type, buckets: shape.integer(o.buckets, join(path, 'buckets'), 1) };
  }
  shape.object(value, path, ['type', ...VOCABULARY_KEYS]);
  return { type, ...parseVocabularyOptions(o, path, shape) };
}

function parseVocabularyOptions(o: Record<string, unknown>, path: string, shape: Shape): VocabularyOptions {
  return {
    ...(o.topK === undefined ? {} : { topK: shape.integer(o.topK, join(path, 'topK'), 1) }),
    frequencyThreshold: shape.integer(o.frequencyThreshold ?? 1, join(path, 'frequencyThreshold'), 1),
    oovBuckets: shape.integer(o.oovBuckets ?? 1, join(path, 'oovBuckets'), 0),
  };
}

function parseFill(value: unknown, path: string, shape: Shape): StringFill {
  const o = shape.object(value, path, ['strategy', 'value']);
  const strategy = shape.oneOf(o.strategy, join(path, 'strategy'), ['mostFrequent', 'constant']);
  if (strategy === 'mostFrequent') return { strategy };
  if (typeof o.value !== 'string') shape.fail(join(path, 'value'), 'a string', o.value);
  return { strategy, value: o.value };
}
