// The spec builders, the TransformGraph and THE apply function: no DuckDB here (see ./analyze), so serving and
// a pipeline's preprocessing module stay light.

export { applyTransform, applyTransformToRows } from './apply/apply.js';
export {
  type ApplyOptions,
  type CompiledTransform,
  compileTransform,
  type TransformedBatch,
} from './apply/compile.js';
export type { RawBatch, RawValues } from './apply/raw-columns.js';
export { cross, index, oneHot, type VocabularyBuilderOptions, vocabulary } from './builders/categorical.js';
export { definePreprocessing } from './builders/define.js';
export { classLabel, regressionLabel } from './builders/label.js';
export { bucketize, clip, fillMissing, log1p, numeric, scaleMinMax, zScore } from './builders/numeric.js';
export { GRAPH_VERSION, parseTransformGraph, serializeTransformGraph } from './graph/parse-graph.js';
export { unscaleRegression } from './graph/regression.js';
export type * from './graph/types.js';
export { checkRawColumns, type RawColumn, type RawFeature } from './spec/check-columns.js';
export { LABEL_COLUMN, parsePreprocessingSpec } from './spec/parse-spec.js';
export type * from './spec/types.js';
