import { CtpipeError } from '@ctpipe/errors';
import { LABEL_COLUMN } from '../spec/parse-spec.js';
import type { PreprocessingSpec } from '../spec/types.js';
import { sourceSize } from './source-size.js';
import type { GraphAnalyzers, GraphOutputs, OutputFeature, OutputLabel } from './types.js';

/** The transformed data's layout, derived from the spec and the analyzed values (widths depend on both). */
export function graphOutputs(spec: PreprocessingSpec, analyzers: GraphAnalyzers): GraphOutputs {
  const features: OutputFeature[] = [];
  const featureColumns: string[] = [];
  const owner = new Map<string, string>([[LABEL_COLUMN, 'the label']]);
  const claim = (column: string, feature: string) => {
    const other = owner.get(column);
    if (other !== undefined) {
      throw new CtpipeError(
        'BAD_CONFIG',
        `feature '${feature}' makes column '${column}', which ${other} also makes`,
        {
          details: { feature, column, expected: 'distinct output column names', found: column },
        },
      );
    }
    owner.set(column, `feature '${feature}'`);
  };
  for (const [name, feature] of Object.entries(spec.features)) {
    const values = analyzers.features[name]!;
    if (feature.type === 'numeric') {
      features.push({ name, kind: 'dense', width: 1 });
      claim(name, name);
      featureColumns.push(name);
      continue;
    }
    const size = sourceSize(feature.source, values);
    if (feature.type === 'index') {
      features.push({ name, kind: 'index', width: 1, vocabularySize: size });
      claim(name, name);
      continue;
    }
    features.push({ name, kind: 'dense', width: size });
    for (let i = 0; i < size; i++) {
      const column = `${name}_${i}`;
      claim(column, name);
      featureColumns.push(column);
    }
  }
  const label = outputLabel(spec, analyzers);
  return { features, featureColumns, ...(label ? { label } : {}) };
}

function outputLabel(spec: PreprocessingSpec, analyzers: GraphAnalyzers): OutputLabel | undefined {
  const values = analyzers.label;
  if (!spec.label || !values) return undefined;
  if ('classes' in values)
    return { column: LABEL_COLUMN, kind: 'classification', vocabulary: values.classes };
  return spec.label.type === 'regression' && spec.label.scale !== 'none'
    ? { column: LABEL_COLUMN, kind: 'regression', scale: { offset: values.offset, factor: values.factor } }
    : { column: LABEL_COLUMN, kind: 'regression' };
}
