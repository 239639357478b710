import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import * as tf from '@tensorflow/tfjs';

export const MODEL_JSON = 'model.json';
// tfjs-converter's default shard size: weights files stay small enough for HTTP caches and GCS FUSE reads.
const SHARD_BYTES = 4 * 1024 * 1024;

/**
 * Writes a LayersModel as tf.js's file format (model.json + group1-shardXofN.bin), what tfjs-node's
 * `file://` handler writes and `tf.loadLayersModel` reads. The training config is left out: a served model
 * is never compiled again. Returns the files written.
 */
export async function saveLayersModel(model: tf.LayersModel, dir: string): Promise<string[]> {
  const files: string[] = [];
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? []));
      const count = Math.max(1, Math.ceil(weights.byteLength / SHARD_BYTES));
      const paths = Array.from({ length: count }, (_, i) => `group1-shard${i + 1}of${count}.bin`);
      for (const [i, name] of paths.entries()) {
        await writeFile(path.join(dir, name), weights.subarray(i * SHARD_BYTES, (i + 1) * SHARD_BYTES));
      }
      const modelJson: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology as object,
        format: artifacts.format ?? 'layers-model',
        generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
        convertedBy: artifacts.convertedBy ?? null,
        weightsManifest: [{ paths, weights: artifacts.weightSpecs ?? [] }],
      };
      await writeFile(path.join(dir, MODEL_JSON), `${JSON.stringify(modelJson)}\n`);
      files.push(MODEL_JSON, ...paths);
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  return files;
}

/** Loads what saveLayersModel (or tfjs-node, or the tfjs converter) wrote into `dir`. */
export async function loadLayersModel(dir: string): Promise<tf.LayersModel> {
  const file = path.join(dir, MODEL_JSON);
  let modelJson: tf.io.ModelJSON;
  try {
    modelJson = JSON.parse(await readFile(file, 'utf8')) as tf.io.ModelJSON;
  } catch (err) {
    throw new CtpipeError('NOT_FOUND', `cannot read the tf.js model: ${(err as Error).message}`, {
      details: { file },
      cause: err,
    });
  }
  const artifacts = await tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
    const specs = manifest.flatMap((group) => group.weights);
    const buffers = await Promise.all(
      manifest
        .flatMap((group) => group.paths)
        .map(async (p) => {
          const bytes = await readFile(path.join(dir, p));
          return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
        }),
    );
    return [specs, tf.io.CompositeArrayBuffer.join(buffers)];
  });
  return tf.loadLayersModel(tf.io.fromMemory(artifacts));
}
