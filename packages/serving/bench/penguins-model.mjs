// A small penguins species classifier in the Model artifact format (@ctpipe/model), for the serving tests and
// the benchmark: the real preprocessing analyzed by DuckDB on vega-datasets' penguins, an 8-unit dense net.
// Plain JavaScript so the benchmark runs it on the built packages and the tests on the sources.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { openEngine, quoteLiteral } from '@ctpipe/data';
import { exportModel, modelShape, selectBackend, trainModel } from '@ctpipe/model';
import {
  applyTransformToRows,
  classLabel,
  definePreprocessing,
  fillMissing,
  numeric,
  oneHot,
  vocabulary,
  zScore,
} from '@ctpipe/preprocessing';
import { analyzeTransform } from '@ctpipe/preprocessing/analyze';

/** One raw penguin as a TF Serving client sends it (no label). */
export const PENGUIN = Object.freeze({
  Island: 'Biscoe',
  'Beak Length (mm)': 46.1,
  'Beak Depth (mm)': 13.2,
  'Flipper Length (mm)': 211,
  'Body Mass (g)': 4500,
  Sex: 'FEMALE',
});

const spec = definePreprocessing({
  features: {
    beak_length: numeric('Beak Length (mm)', fillMissing('mean'), zScore()),
    beak_depth: numeric('Beak Depth (mm)', fillMissing('mean'), zScore()),
    flipper_length: numeric('Flipper Length (mm)', fillMissing('mean'), zScore()),
    body_mass: numeric('Body Mass (g)', fillMissing('mean'), zScore()),
    island: oneHot(vocabulary('Island', { oovBuckets: 1 })),
    sex: oneHot(vocabulary('Sex', { frequencyThreshold: 5, oovBuckets: 1 })),
  },
  label: classLabel('Species'),
});

const tinyModule = {
  searchSpace() {},
  buildModel(hp, shape, tf) {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 8, activation: 'relu', inputShape: [shape.featureCount] }),
        tf.layers.dense({ units: shape.task.classes, activation: 'softmax' }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(hp.learning_rate), loss: 'sparseCategoricalCrossentropy' });
    return model;
  },
  objective: { name: 'val_accuracy', direction: 'max' },
  training: { epochs: 30, batchSize: 16, earlyStoppingPatience: 0 },
};

export function penguinsJsonPath() {
  const main = createRequire(import.meta.url).resolve('vega-datasets');
  return path.join(path.dirname(main), '..', 'data', 'penguins.json');
}

/** Every penguin as a raw row (label included). */
export async function penguinRows() {
  return JSON.parse(await readFile(penguinsJsonPath(), 'utf8'));
}

/**
 * Trains and exports `<baseDir>/<version>/`: 30 epochs give a good classifier, `epochs: 1` with a tiny learning
 * rate a poor one. Returns the version directory.
 */
export async function trainPenguinsModel(baseDir, { version, epochs = 30, learningRate = 0.05 }) {
  await selectBackend();
  const engine = await openEngine({ threads: 1 });
  let graph;
  try {
    const relation = `read_json(${quoteLiteral(penguinsJsonPath())})`;
    graph = await analyzeTransform(engine, spec, {
      relation,
      columns: await engine.describe(`SELECT * FROM ${relation}`),
      description: 'penguins.json',
    });
  } finally {
    await engine.close();
  }
  const rows = (await penguinRows()).filter((r) => r.Species !== null);
  const examples = (keep) => {
    const batch = applyTransformToRows(
      graph,
      rows.filter((_, i) => keep(i)),
    );
    return { n: batch.n, features: batch.features, labels: batch.labels };
  };
  const { model } = await trainModel({
    module: tinyModule,
    hp: { learning_rate: learningRate },
    shape: modelShape(graph),
    train: examples((i) => i % 3 !== 0),
    eval: examples((i) => i % 3 === 0),
    seed: 7,
    epochs,
  });
  const dir = await exportModel({
    model,
    graph,
    hyperparameters: { learning_rate: learningRate },
    dir: baseDir,
    version,
  });
  model.dispose();
  return dir;
}
