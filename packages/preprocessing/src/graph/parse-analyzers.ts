import { join, type Shape } from '../internal/shape.js';
import type {
  BucketizeSource,
  CategoricalSource,
  FeatureSpec,
  NumericStep,
  PreprocessingSpec,
} from '../spec/types.js';
import type {
  BucketizeValues,
  ChainValues,
  CrossValues,
  FeatureValues,
  GraphAnalyzers,
  LabelValues,
  StepValues,
  VocabularyValues,
} from './types.js';

/** Checks a graph's analyzer values against its (already checked) spec: every constant apply will read. */
export function parseAnalyzers(value: unknown, spec: PreprocessingSpec, shape: Shape): GraphAnalyzers {
  const o = shape.object(value, 'analyzers', ['rowCount', 'features', 'label']);
  const values = shape.record(o.features, 'analyzers.features');
  const features: Record<string, FeatureValues> = {};
  for (const [name, feature] of Object.entries(spec.features)) {
    features[name] = parseFeatureValues(values[name], feature, shape.forFeature(name));
  }
  const label = spec.label ? parseLabelValues(o.label, spec.label.type, shape) : undefined;
  return {
    rowCount: shape.integer(o.rowCount, 'analyzers.rowCount', 0),
    features,
    ...(label ? { label } : {}),
  };
}

function parseFeatureValues(value: unknown, feature: FeatureSpec, shape: Shape): FeatureValues {
  if (feature.type === 'numeric') return parseChain(value, 'analyzers', feature.steps, shape);
  return parseSourceValues(value, 'analyzers', feature.source, shape);
}

function parseSourceValues(
  value: unknown,
  path: string,
  source: CategoricalSource,
  shape: Shape,
): FeatureValues {
  switch (source.type) {
    case 'bucketize':
      return parseBucketize(value, path, source, shape);
    case 'vocabulary': {
      const o = shape.object(value, path, ['fill', 'vocabulary', 'counts']);
      const fill = source.fill ? stringAt(o.fill, join(path, 'fill'), shape) : undefined;
      return { ...parseVocabulary(o, path, shape), ...(fill === undefined ? {} : { fill }) };
    }
    case 'cross': {
      const o = shape.object(value, path, ['inputs', 'vocabulary', 'counts']);
      const raw = shape.array(o.inputs, join(path, 'inputs'));
      const inputs = source.inputs.map((input, i) =>
        input.type === 'column' ? null : parseBucketize(raw[i], join(path, `inputs[${i}]`), input, shape),
      ) as CrossValues['inputs'];
      return source.encoding.type === 'hash' ? { inputs } : { inputs, ...parseVocabulary(o, path, shape) };
    }
  }
}

function parseChain(value: unknown, path: string, steps: NumericStep[], shape: Shape): ChainValues {
  const o = shape.object(value, path, ['steps', 'boundaries']);
  const raw = shape.array(o.steps, join(path, 'steps'));
  if (raw.length !== steps.length) shape.fail(join(path, 'steps'), `${steps.length} entries`, raw.length);
  return { steps: steps.map((step, i) => parseStepValues(raw[i], join(path, `steps[${i}]`), step, shape)) };
}

const STEP_KEYS: Record<NumericStep['op'], readonly (keyof StepValues)[]> = {
  fillMissing: ['value'],
  zScore: ['mean', 'std'],
  scaleMinMax: ['min', 'max'],
  log1p: [],
  clip: [],
};

function parseStepValues(value: unknown, path: string, step: NumericStep, shape: Shape): StepValues {
  const keys = STEP_KEYS[step.op];
  const o = shape.object(value, path, keys);
  const values: StepValues = {};
  for (const key of keys) values[key] = shape.number(o[key], join(path, key));
  return values;
}

function parseBucketize(
  value: unknown,
  path: string,
  source: BucketizeSource,
  shape: Shape,
): BucketizeValues {
  const chain = parseChain(value, path, source.steps, shape);
  const o = shape.record(value, path);
  const boundaries = shape.array(o.boundaries, join(path, 'boundaries')).map((b, i) => {
    return shape.number(b, join(path, `boundaries[${i}]`));
  });
  if (boundaries.some((b, i) => i > 0 && b <= boundaries[i - 1]!)) {
    shape.fail(join(path, 'boundaries'), 'increasing numbers', boundaries);
  }
  return { ...chain, boundaries };
}

function parseVocabulary(o: Record<string, unknown>, path: string, shape: Shape) {
  const vocabulary = shape
    .array(o.vocabulary, join(path, 'vocabulary'))
    .map((v, i) => stringAt(v, join(path, `vocabulary[${i}]`), shape));
  if (new Set(vocabulary).size !== vocabulary.length) {
    shape.fail(join(path, 'vocabulary'), 'distinct values', 'duplicates');
  }
  const counts = shape.array(o.counts, join(path, 'counts')).map((c, i) => {
    return shape.integer(c, join(path, `counts[${i}]`), 0);
  });
  if (counts.length !== vocabulary.length) {
    shape.fail(join(path, 'counts'), `${vocabulary.length} counts`, counts.length);
  }
  return { vocabulary, counts } satisfies VocabularyValues;
}

function parseLabelValues(value: unknown, type: 'classification' | 'regression', shape: Shape): LabelValues {
  if (type === 'classification') {
    const o = shape.object(value, 'analyzers.label', ['classes']);
    const classes = shape
      .array(o.classes, 'analyzers.label.classes')
      .map((c, i) => stringAt(c, `analyzers.label.classes[${i}]`, shape));
    if (classes.length === 0) shape.fail('analyzers.label.classes', 'at least one class', classes);
    return { classes };
  }
  const o = shape.object(value, 'analyzers.label', ['offset', 'factor']);
  const factor = shape.number(o.factor, 'analyzers.label.factor');
  if (factor === 0) shape.fail('analyzers.label.factor', 'a non-zero number', factor);
  return { offset: shape.number(o.offset, 'analyzers.label.offset'), factor };
}

function stringAt(value: unknown, path: string, shape: Shape): string {
  if (typeof value !== 'string') shape.fail(path, 'a string', value);
  return value;
}
