import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './backend.js';
import { rowRange } from './evaluate-model.js';
import { exportModel } from './export-model.js';
import { gatherInputs, inputLayout } from './input-layout.js';
import { modelShape } from './model-shape.js';
import { loadServingModel } from './serving-model.js';
import { childScript, compileForChildren } from './test-support/compile-for-children.js';
import { embeddingModule } from './test-support/embedding-module.js';
import { fruitExamples, fruitGraph, fruitRows } from './test-support/fruit.js';
import { trainModel } from './train-model.js';

const graph = fruitGraph();
const shape = modelShape(graph);
const rawRows = fruitRows(30, 99).map(({ fruit: _label, ...features }) => features);
let root: string;
let trained: tf.LayersModel;
let versionDir: string;

beforeAll(async () => {
  await selectBackend();
  root = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-model-export-'));
  const result = await trainModel({
    module: embeddingModule,
    hp: { units: 16 },
    shape,
    train: fruitExamples(graph, 150, 1),
    eval: fruitExamples(graph, 60, 2),
    seed: 5,
  });
  trained = result.model;
  versionDir = await exportModel({
    model: trained,
    graph,
    hyperparameters: { units: 16 },
    dir: root,
    version: 1700000000,
  });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('exportModel', () => {
  it("writes TF Serving's version layout with the graph, signature and hyperparameters", async () => {
    expect(versionDir).toBe(path.join(root, '1700000000'));
    expect(await readdir(root)).toEqual(['1700000000']);
    expect((await readdir(versionDir)).sort()).toEqual([
      'group1-shard1of1.bin',
      'hyperparameters.json',
      'model.json',
      'signature.json',
      'transform_graph.json',
    ]);
    const modelJson = JSON.parse(await readFile(path.join(versionDir, 'model.json'), 'utf8'));
    expect(modelJson.format).toBe('layers-model');
    expect(modelJson.weightsManifest[0].paths).toEqual(['group1-shard1of1.bin']);
    expect(JSON.parse(await readFile(path.join(versionDir, 'transform_graph.json'), 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(graph)),
    );
    expect(JSON.parse(await readFile(path.join(versionDir, 'hyperparameters.json'), 'utf8'))).toEqual({
      units: 16,
    });
  });

  it('declares raw inputs and class outputs in the signature', async () => {
    const signature = JSON.parse(await readFile(path.join(versionDir, 'signature.json'), 'utf8'));
    expect(signature).toEqual({
      signature_name: 'serving_default',
      method_name: 'tensorflow/serving/predict',
      inputs: {
        weight: { dtype: 'DT_FLOAT', shape: [-1], raw_type: 'number' },
        sweetness: { dtype: 'DT_FLOAT', shape: [-1], raw_type: 'number' },
        color: { dtype: 'DT_STRING', shape: [-1], raw_type: 'string' },
        origin: { dtype: 'DT_STRING', shape: [-1], raw_type: 'string' },
      },
      outputs: {
        probabilities: { dtype: 'DT_FLOAT', shape: [-1, 3] },
        classes: { dtype: 'DT_STRING', shape: [-1] },
      },
      task: { kind: 'classification', label_vocabulary: ['apple', 'banana', 'cherry'] },
    });
  });
});

describe('loadServingModel', () => {
  it('predicts from raw rows what the trained model predicts from the transformed rows', async () => {
    const served = await loadServingModel(versionDir);
    const prediction = served.predict(rawRows);
    if (!('probabilities' in prediction)) throw new TypeError('a classifier predicts probabilities');
    const data = fruitExamples(graph, 30, 99);
    const layout = inputLayout(trained, shape);
    const direct = tf.tidy(() =>
      (
        trained.predict(
          gatherInputs(layout, data, rowRange(0, 30)).map((x, i) => tf.tensor2d(x, [30, layout[i]!.width])),
        ) as tf.Tensor
      ).arraySync(),
    ) as number[][];
    expect(prediction.probabilities).toEqual(direct);
    const truth = fruitRows(30, 99).map((r) => r.fruit);
    const correct = prediction.classes.filter((c, i) => c === truth[i]).length;
    expect(correct / 30).toBeGreaterThan(0.9);
    served.dispose();
  });

  it('gives identical predictions in a fresh process', async () => {
    const served = await loadServingModel(root);
    const here = served.predict(rawRows);
    const { work, entry } = compileForChildren();
    try {
      const rowsFile = path.join(work, 'rows.json');
      await writeFile(rowsFile, JSON.stringify(rawRows));
      const { stdout } = await promisify(execFile)(process.execPath, [
        childScript('predict-child.mjs'),
        entry,
        root,
        rowsFile,
      ]);
      const there = JSON.parse(stdout);
      expect(there).toEqual({ backend: served.backend, version: 1700000000, ...here });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  it('serves the highest version of a model base path', async () => {
    await exportModel({
      model: trained,
      graph,
      hyperparameters: { units: 16 },
      dir: root,
      version: 1700000500,
    });
    const served = await loadServingModel(root);
    expect(served.version).toBe(1700000500);
    expect(served.dir).toBe(path.join(root, '1700000500'));
  });

  it('handles unseen categories and missing numbers, and rejects a wrong type with BAD_INPUT', async () => {
    const served = await loadServingModel(versionDir);
    const prediction = served.predict([{ weight: 150, color: 'purple', origin: 'mars' }]);
    expect('classes' in prediction && prediction.classes).toHaveLength(1);
    expect(() => served.predict([{ weight: 'heavy', sweetness: 1, color: 'red', origin: 'spain' }])).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT' }),
    );
  });
});
