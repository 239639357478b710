import { graphOutputs } from '../src/graph/outputs.js';
import type { FeatureValues, LabelValues, TransformGraph } from '../src/graph/types.js';
import { checkRawColumns, type RawColumn } from '../src/spec/check-columns.js';
import type { PreprocessingSpec, RawType } from '../src/spec/types.js';

/** A TransformGraph from hand-written analyzer values (no DuckDB): apply tests check against hand arithmetic. */
export function graphOf(
  spec: PreprocessingSpec,
  types: Record<string, RawType>,
  features: Record<string, FeatureValues>,
  label?: LabelValues,
): TransformGraph {
  const columns: RawColumn[] = Object.entries(types).map(([name, rawType]) => ({
    name,
    rawType,
    sourceType: rawType,
  }));
  const { rawFeatures } = checkRawColumns(spec, columns, 'the test data');
  const analyzers = { rowCount: 6, features, ...(label ? { label } : {}) };
  return { version: 1, spec, analyzers, outputs: graphOutputs(spec, analyzers), rawFeatures };
}

/** Runs fn and returns the CtpipeError it throws (fails the test when it throws nothing). */
export function caught(fn: () => unknown): {
  code: string;
  message: string;
  details: Record<string, unknown>;
} {
  try {
    fn();
  } catch (err) {
    return err as { code: string; message: string; details: Record<string, unknown> };
  }
  throw new Error('expected an error');
}
