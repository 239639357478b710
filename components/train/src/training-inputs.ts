import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openEngine } from '@ctpipe/data';
import { CtpipeError } from '@ctpipe/errors';
import { type Examples, type ModelShape, modelShape, TRANSFORM_GRAPH_FILE } from '@ctpipe/model';
import { parseTransformGraph, type TransformGraph } from '@ctpipe/preprocessing';
import { readTransformedSplit } from './read-examples.js';

export interface TrainingInputs {
  graph: TransformGraph;
  shape: ModelShape;
  train: Examples;
  eval: Examples;
}

/** The transform component's graph file inside its artifact directory. */
export async function readTransformGraph(dir: string): Promise<TransformGraph> {
  const file = path.join(dir, TRANSFORM_GRAPH_FILE);
  const text = await readFile(file, 'utf8').catch((err: unknown) => {
    throw new CtpipeError('NOT_FOUND', 'the transform_graph artifact has no transform_graph.json', {
      details: { file },
      cause: err,
    });
  });
  return parseTransformGraph(text, file);
}

/** The graph and both splits of the transformed examples as typed arrays; DuckDB spills under `tempDir`. */
export async function loadTrainingInputs(
  graphDir: string,
  examplesDir: string,
  tempDir: string,
): Promise<TrainingInputs> {
  const graph = await readTransformGraph(graphDir);
  const shape = modelShape(graph);
  const indexFeatures = graph.outputs.features.filter((f) => f.kind === 'index').map((f) => f.name);
  const engine = await openEngine({ tempDir });
  try {
    const read = (split: string) =>
      readTransformedSplit(engine, examplesDir, split, graph.outputs.featureColumns, indexFeatures);
    return { graph, shape, train: await read('train'), eval: await read('eval') };
  } finally {
    await engine.close();
  }
}
