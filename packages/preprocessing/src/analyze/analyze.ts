import type { Column } from '@ctpipe/data';
import { graphOutputs } from '../graph/outputs.js';
import { GRAPH_VERSION } from '../graph/parse-graph.js';
import type { FeatureValues, GraphAnalyzers, LabelValues, TransformGraph } from '../graph/types.js';
import { checkRawColumns } from '../spec/check-columns.js';
import type { PreprocessingSpec } from '../spec/types.js';
import { Aggregates, type SqlEngine } from './aggregates.js';
import { analyzeFeature } from './analyze-feature.js';
import { analyzeLabel } from './analyze-label.js';
import { duckDbColumns } from './raw-types.js';

export interface AnalyzeSplit {
  /** A SQL relation over the split: a view name or `read_parquet('…/Split-train/*.parquet')`. */
  relation: string;
  /** Its columns (Engine.describe), checked against the spec first. */
  columns: readonly Column[];
  /** For messages: 'the train split'. */
  description: string;
}

/**
 * TFT's analyze phase: one full pass (a few batched scans) over the given split, column-wise in DuckDB SQL,
 * then the TransformGraph. Only this split is read, so nothing about evaluation data leaks into training.
 */
export async function analyzeTransform(
  engine: SqlEngine,
  spec: PreprocessingSpec,
  split: AnalyzeSplit,
): Promise<TransformGraph> {
  const { rawFeatures, label: rawLabel } = checkRawColumns(
    spec,
    duckDbColumns(split.columns),
    split.description,
  );
  const q = new Aggregates(engine, split.relation);
  const names = Object.keys(spec.features);
  // allSettled: no query may still run when the caller closes the engine after a failure, and the error
  // reported is the first in spec order, not whichever analyzer lost a race.
  const settled = await Promise.allSettled([
    q.scalar('1', () => 'count(*)').then(Number),
    spec.label && rawLabel ? analyzeLabel(q, spec.label, rawLabel) : undefined,
    ...names.map((name) => analyzeFeature(q, name, spec.features[name]!)),
  ]);
  const failed = [...settled.slice(2), settled[1]!, settled[0]!].find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  const [rowCount, label, ...values] = settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as [
    number,
    LabelValues | undefined,
    ...FeatureValues[],
  ];
  const features: Record<string, FeatureValues> = {};
  for (const [i, name] of names.entries()) features[name] = values[i] as FeatureValues;
  const analyzers: GraphAnalyzers = { rowCount, features, ...(label ? { label } : {}) };
  return { version: GRAPH_VERSION, spec, analyzers, outputs: graphOutputs(spec, analyzers), rawFeatures };
}
