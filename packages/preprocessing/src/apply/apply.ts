import type { TransformGraph } from '../graph/types.js';
import {
  type ApplyOptions,
  type CompiledTransform,
  compileTransform,
  type TransformedBatch,
} from './compile.js';
import type { RawBatch } from './raw-columns.js';

// Compiling builds vocabulary maps: do it once per graph object, not once per serving request.
const compiled = new WeakMap<TransformGraph, CompiledTransform>();

function compiledFor(graph: TransformGraph): CompiledTransform {
  let c = compiled.get(graph);
  if (!c) {
    c = compileTransform(graph);
    compiled.set(graph, c);
  }
  return c;
}

/**
 * THE transform: raw columnar data → model inputs, the same at training, evaluation and serving time.
 * `batch` maps raw column names to n values each (typed arrays or arrays with null for missing).
 */
export function applyTransform(
  graph: TransformGraph,
  batch: RawBatch,
  options?: ApplyOptions,
): TransformedBatch {
  return compiledFor(graph).apply(batch, options);
}

/**
 * Serving's adapter: raw JSON instances → columns → applyTransform. An absent key is a missing value. Labels
 * are produced only when every row has one (serving requests usually have none).
 */
export function applyTransformToRows(
  graph: TransformGraph,
  rows: readonly Readonly<Record<string, unknown>>[],
): TransformedBatch {
  const batch: Record<string, unknown[]> = {};
  for (const raw of graph.rawFeatures) batch[raw.name] = rows.map((row) => row[raw.name] ?? null);
  const label = graph.spec.label?.column;
  if (label !== undefined && rows.length > 0 && rows.every((row) => row[label] != null)) {
    batch[label] = rows.map((row) => row[label]);
  }
  return compiledFor(graph).apply(batch);
}
