import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { applyTransformToRows, parseTransformGraph, unscaleRegression } from '@ctpipe/preprocessing';
import * as tf from '@tensorflow/tfjs';
import { type BackendName, selectBackend } from './backend.js';
import { rowRange } from './evaluate-model.js';
import { SIGNATURE_FILE, TRANSFORM_GRAPH_FILE } from './export-model.js';
import { gatherInputs, inputLayout } from './input-layout.js';
import { loadLayersModel, MODEL_JSON } from './layers-model-files.js';
import { modelShape } from './model-shape.js';
import type { ServingSignature } from './signature.js';

export type Prediction = { probabilities: number[][]; classes: string[] } | { values: number[] };

export interface ServingModel {
  version: number;
  /** The version directory it was loaded from. */
  dir: string;
  signature: ServingSignature;
  backend: BackendName;
  /**
   * Raw rows (as a TF Serving request's `instances`) → predictions: the model's own TransformGraph applied
   * (the training-time transform, one implementation), then one model call for all rows.
   */
  predict(rows: readonly Readonly<Record<string, unknown>>[]): Prediction;
  dispose(): void;
}

/**
 * Loads an exported model: `dir` is a version directory (holding model.json) or a model base path, whose
 * highest numeric version is taken, as TF Serving does.
 */
export async function loadServingModel(
  dir: string,
  options: { backend?: BackendName } = {},
): Promise<ServingModel> {
  const versionDir = await resolveVersionDir(dir);
  const backend = await selectBackend(options.backend ? { prefer: options.backend } : {});
  const graphFile = path.join(versionDir, TRANSFORM_GRAPH_FILE);
  const graph = parseTransformGraph(await readText(graphFile), graphFile);
  const signature = JSON.parse(await readText(path.join(versionDir, SIGNATURE_FILE))) as ServingSignature;
  const model = await loadLayersModel(versionDir);
  const shape = modelShape(graph);
  const layout = inputLayout(model, shape);
  const task = shape.task;
  return {
    version: Number(path.basename(versionDir)),
    dir: versionDir,
    signature,
    backend,
    predict(rows) {
      const data = applyTransformToRows(graph, rows);
      if (data.n === 0)
        return task.kind === 'classification' ? { probabilities: [], classes: [] } : { values: [] };
      const output = tf.tidy(() => {
        const xs = gatherInputs(layout, data, rowRange(0, data.n)).map((x, i) =>
          tf.tensor2d(x, [data.n, layout[i]!.width]),
        );
        // apply() in inference mode: the same computation as predict() without its per-call batching and
        // checks, which cost more than the model itself at serving batch sizes (measured: 35 µs vs 102 µs).
        return model.apply(xs.length === 1 ? xs[0]! : xs, { training: false }) as tf.Tensor;
      });
      const values = output.dataSync();
      output.dispose();
      if (task.kind === 'regression')
        return { values: Array.from(values, (v) => unscaleRegression(graph, v)) };
      const k = task.classes;
      const probabilities = Array.from({ length: data.n }, (_, r) =>
        Array.from(values.subarray(r * k, (r + 1) * k)),
      );
      const classes = probabilities.map((p) => task.labels[argMax(p)]!);
      return { probabilities, classes };
    },
    dispose: () => model.dispose(),
  };
}

async function resolveVersionDir(dir: string): Promise<string> {
  if (await exists(path.join(dir, MODEL_JSON))) return dir;
  const entries = await readdir(dir, { withFileTypes: true }).catch((err: unknown) => {
    throw new CtpipeError('NOT_FOUND', `model directory not found: ${dir}`, {
      details: { path: dir },
      cause: err,
    });
  });
  const versions = entries
    .filter((e) => e.isDirectory() && /^\d+$/.test(e.name))
    .map((e) => Number(e.name))
    .sort((a, b) => b - a);
  for (const version of versions) {
    const candidate = path.join(dir, String(version));
    if (await exists(path.join(candidate, MODEL_JSON))) return candidate;
  }
  throw new CtpipeError('NOT_FOUND', 'no model version under the model directory', {
    details: { path: dir, expected: `<version>/${MODEL_JSON}` },
  });
}

async function readText(file: string): Promise<string> {
  return readFile(file, 'utf8').catch((err: unknown) => {
    throw new CtpipeError('NOT_FOUND', `model file missing: ${path.basename(file)}`, {
      details: { file },
      cause: err,
    });
  });
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

function argMax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
