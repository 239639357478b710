import { join, Shape } from '../internal/shape.js';
import { parseSource } from './parse-sources.js';
import { parseSteps } from './parse-steps.js';
import type { CategoricalSource, FeatureSpec, LabelSpec, PreprocessingSpec } from './types.js';

/** Output names become column names (Parquet, model inputs): identifiers, and `label` is the label's. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const LABEL_COLUMN = 'label';

/**
 * Checks a spec that arrives as unknown JSON (an imported module, a graph file) and returns a clean copy.
 * Problems are CtpipeError BAD_CONFIG naming the feature and the path inside it.
 */
export function parsePreprocessingSpec(
  value: unknown,
  shape = new Shape('BAD_CONFIG', 'preprocessing spec'),
): PreprocessingSpec {
  const o = shape.object(value, '', ['features', 'label']);
  const features = shape.record(o.features, 'features');
  const names = Object.keys(features);
  if (names.length === 0) shape.fail('features', 'at least one feature', features);
  const parsed: Record<string, FeatureSpec> = {};
  for (const name of names) {
    if (!IDENTIFIER.test(name) || name === LABEL_COLUMN) {
      shape.fail(join('features', name), `an identifier other than '${LABEL_COLUMN}' as feature name`, name);
    }
    parsed[name] = parseFeature(features[name], shape.forFeature(name));
  }
  return {
    features: parsed,
    ...(o.label === undefined ? {} : { label: parseLabel(o.label, shape) }),
  };
}

function parseFeature(value: unknown, shape: Shape): FeatureSpec {
  const o = shape.object(value, '', ['type', 'column', 'steps', 'source']);
  const type = shape.oneOf(o.type, 'type', ['numeric', 'oneHot', 'index']);
  if (type === 'numeric') {
    shape.object(value, '', ['type', 'column', 'steps']);
    return {
      type,
      column: shape.string(o.column, 'column'),
      steps: parseSteps(o.steps ?? [], 'steps', shape),
    };
  }
  shape.object(value, '', ['type', 'source']);
  const source = parseSource(o.source, 'source', shape);
  if (type === 'index') requireOovForIndex(source, shape);
  return { type, source };
}

/** An embedding cannot look up "no index": an index() of a vocabulary needs an OOV bucket for unknown values. */
function requireOovForIndex(source: CategoricalSource, shape: Shape): void {
  const oov =
    source.type === 'vocabulary'
      ? source.oovBuckets
      : source.type === 'cross' && source.encoding.type === 'vocabulary'
        ? source.encoding.oovBuckets
        : 1;
  if (oov < 1) {
    shape.fail('source.oovBuckets', 'an integer ≥ 1 for index() (unknown values need an index)', oov);
  }
}

function parseLabel(value: unknown, shape: Shape): LabelSpec {
  const o = shape.object(value, 'label', ['type', 'column', 'classes', 'scale']);
  const type = shape.oneOf(o.type, 'label.type', ['classification', 'regression']);
  const column = shape.string(o.column, 'label.column');
  if (type === 'regression') {
    shape.object(value, 'label', ['type', 'column', 'scale']);
    return {
      type,
      column,
      scale: shape.oneOf(o.scale ?? 'none', 'label.scale', ['none', 'zScore', 'minMax']),
    };
  }
  shape.object(value, 'label', ['type', 'column', 'classes']);
  if (o.classes === undefined) return { type, column };
  const classes = shape.array(o.classes, 'label.classes').map((c, i) => {
    if (typeof c !== 'string') shape.fail(join('label.classes', i), 'a string', c);
    return c;
  });
  if (classes.length < 2 || new Set(classes).size !== classes.length) {
    shape.fail('label.classes', 'two or more distinct class names', classes);
  }
  return { type, column, classes };
}
