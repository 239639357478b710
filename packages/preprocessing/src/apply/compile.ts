import { CtpipeError } from '@ctpipe/errors';
import type { ChainValues, TransformGraph } from '../graph/types.js';
import { compileSource } from './categorical.js';
import { compileLabel, type LabelColumn } from './label.js';
import { compileChain } from './numeric-chain.js';
import { type RawBatch, RawColumns } from './raw-columns.js';

export interface TransformedBatch {
  n: number;
  /** n × outputs.featureColumns.length, row-major. */
  features: Float32Array;
  /** One Int32Array of n per `index` feature, by feature name; absent when the graph has none. */
  indices?: Record<string, Int32Array>;
  /** Class index (classification) or scaled value (regression); absent when the batch has no label column. */
  labels?: Int32Array | Float32Array;
}

export interface ApplyOptions {
  /** Added to row numbers in error messages: the batch's first row within the whole data. */
  rowOffset?: number;
}

export interface CompiledTransform {
  readonly graph: TransformGraph;
  apply(batch: RawBatch, options?: ApplyOptions): TransformedBatch;
}

type Writer = (cols: RawColumns, out: Float32Array, indices: Record<string, Int32Array>) => void;

/** Builds the per-feature functions once (lookup maps, constants); applying is then only typed-array loops. */
export function compileTransform(graph: TransformGraph): CompiledTransform {
  const width = graph.outputs.featureColumns.length;
  const writers: Writer[] = [];
  let offset = 0;
  for (const out of graph.outputs.features) {
    const feature = graph.spec.features[out.name]!;
    const values = graph.analyzers.features[out.name]!;
    const at = offset;
    if (feature.type === 'numeric') {
      const chain = compileChain(out.name, feature.column, feature.steps, (values as ChainValues).steps);
      writers.push((cols, dense) => {
        const x = chain(cols);
        for (let i = 0; i < cols.n; i++) dense[i * width + at] = x[i]!;
      });
      offset += 1;
      continue;
    }
    const indexOf = compileSource(out.name, feature.source, values);
    if (feature.type === 'index') {
      writers.push((cols, _dense, indices) => {
        indices[out.name] = indexOf(cols);
      });
      continue;
    }
    const size = out.width;
    writers.push((cols, dense) => {
      const idx = indexOf(cols);
      for (let i = 0; i < cols.n; i++) {
        const k = idx[i]!;
        if (k >= 0 && k < size) dense[i * width + at + k] = 1;
      }
    });
    offset += size;
  }
  const label =
    graph.spec.label && graph.analyzers.label && compileLabel(graph.spec.label, graph.analyzers.label);
  const hasIndices = graph.outputs.features.some((f) => f.kind === 'index');
  return {
    graph,
    apply(batch, options = {}) {
      const rowOffset = options.rowOffset ?? 0;
      const n = batchLength(graph, batch);
      const cols = new RawColumns(batch, n, rowOffset);
      const features = new Float32Array(n * width);
      const indices: Record<string, Int32Array> = {};
      for (const write of writers) write(cols, features, indices);
      const result: TransformedBatch = { n, features };
      if (hasIndices) result.indices = indices;
      const labelValues = graph.spec.label && batch[graph.spec.label.column];
      if (label && labelValues !== undefined) result.labels = applyLabel(label, labelValues, n, rowOffset);
      return result;
    },
  };
}

function applyLabel(label: LabelColumn, values: ArrayLike<unknown>, n: number, rowOffset: number) {
  if (values.length !== n) throw lengthError('the label', n, values.length);
  return label(values, rowOffset);
}

/** Every raw feature column the graph reads must be present with the same length. */
function batchLength(graph: TransformGraph, batch: RawBatch): number {
  let n: number | undefined;
  for (const raw of graph.rawFeatures) {
    const values = batch[raw.name];
    if (values === undefined) continue; // reported by the feature that reads it, with the feature's name
    if (n === undefined) n = values.length;
    else if (values.length !== n) throw lengthError(`column '${raw.name}'`, n, values.length);
  }
  return n ?? 0;
}

function lengthError(what: string, expected: number, found: number): CtpipeError {
  return new CtpipeError('BAD_INPUT', `${what} has ${found} values, the other columns ${expected}`, {
    details: { expected: `${expected} values`, found: `${found} values` },
  });
}
