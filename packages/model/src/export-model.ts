import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { serializeTransformGraph, type TransformGraph } from '@ctpipe/preprocessing';
import type * as tf from '@tensorflow/tfjs';
import { saveLayersModel } from './layers-model-files.js';
import { modelShape } from './model-shape.js';
import type { HpValues } from './module-contract.js';
import { servingSignature } from './signature.js';

export const TRANSFORM_GRAPH_FILE = 'transform_graph.json';
export const SIGNATURE_FILE = 'signature.json';
export const HYPERPARAMETERS_FILE = 'hyperparameters.json';

export interface ExportModelOptions {
  model: tf.LayersModel;
  graph: TransformGraph;
  hyperparameters: HpValues;
  /** The Model artifact's directory (TF Serving's model base path for this model). */
  dir: string;
  /** TF Serving version: a positive integer; TFX's Pusher uses the export's Unix time in seconds. */
  version: number;
}

/**
 * Writes the model in TF Serving's version layout, `<dir>/<version>/`: the tf.js model (model.json + shards),
 * the TransformGraph it was trained behind, the raw-feature serving signature, and the hyperparameters.
 * The version directory appears only complete (written under a temporary name, then renamed).
 * Returns the version directory.
 */
export async function exportModel(options: ExportModelOptions): Promise<string> {
  const { dir, version } = options;
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new CtpipeError('BAD_CONFIG', 'a model version must be a positive integer', {
      details: { expected: 'an integer >= 1', found: String(version) },
    });
  }
  const final = path.join(dir, String(version));
  const staging = path.join(dir, `.${version}.partial-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    await saveLayersModel(options.model, staging);
    const signature = servingSignature(options.graph, modelShape(options.graph));
    await writeFile(path.join(staging, TRANSFORM_GRAPH_FILE), serializeTransformGraph(options.graph));
    await writeFile(path.join(staging, SIGNATURE_FILE), `${JSON.stringify(signature, null, 2)}\n`);
    await writeFile(
      path.join(staging, HYPERPARAMETERS_FILE),
      `${JSON.stringify(options.hyperparameters, null, 2)}\n`,
    );
    await rename(staging, final);
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
  return final;
}
