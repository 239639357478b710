import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CoreContext } from '@ctpipe/contract';
import { type Engine, openEngine, quoteLiteral } from '@ctpipe/data';
import { exportModel, type ModelModule, modelShape, selectBackend, trainModel } from '@ctpipe/model';
import {
  applyTransformToRows,
  classLabel,
  definePreprocessing,
  fillMissing,
  numeric,
  oneHot,
  regressionLabel,
  type TransformGraph,
  vocabulary,
  zScore,
} from '@ctpipe/preprocessing';
import { analyzeTransform } from '@ctpipe/preprocessing/analyze';

export interface RecordedLog {
  level: 'info' | 'warn' | 'progress';
  message: string;
  fields?: Record<string, unknown>;
}

/** A CoreContext that records what the core logs, with a pinned clock. */
export function testContext(): CoreContext & { logs: RecordedLog[] } {
  const logs: RecordedLog[] = [];
  return {
    logs,
    log: {
      info: (message, fields) => logs.push({ level: 'info', message, ...(fields ? { fields } : {}) }),
      warn: (message, fields) => logs.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
      progress: (step, done, total, unit) =>
        logs.push({ level: 'progress', message: step, fields: { done, total, unit } }),
    },
    now: () => new Date('2025-01-01T00:00:00Z'),
    random: () => 0.5,
  };
}

function penguinsJsonPath(): string {
  const main = createRequire(import.meta.url).resolve('vega-datasets');
  return path.join(path.dirname(main), '..', 'data', 'penguins.json');
}

/** The penguins as extract lays them out: `Split-train` / `Split-eval` Parquet, 2:1 by row number. */
export async function writeRawPenguins(dir: string): Promise<void> {
  const engine = await openEngine({ threads: 1 });
  try {
    await engine.run(
      `CREATE VIEW penguins AS SELECT *, row_number() OVER () AS rn FROM read_json(${quoteLiteral(penguinsJsonPath())})`,
    );
    for (const [split, keep] of [
      ['train', 'rn % 3 <> 0'],
      ['eval', 'rn % 3 = 0'],
    ] as const) {
      await mkdir(path.join(dir, `Split-${split}`), { recursive: true });
      const file = path.join(dir, `Split-${split}`, 'data_0.parquet');
      await engine.run(
        `COPY (SELECT * EXCLUDE (rn) FROM penguins WHERE ${keep} ORDER BY rn) TO ${quoteLiteral(file)} (FORMAT parquet)`,
      );
    }
  } finally {
    await engine.close();
  }
}

const features = {
  beak_length: numeric('Beak Length (mm)', fillMissing('mean'), zScore()),
  beak_depth: numeric('Beak Depth (mm)', fillMissing('mean'), zScore()),
  flipper_length: numeric('Flipper Length (mm)', fillMissing('mean'), zScore()),
  island: oneHot(vocabulary('Island', { oovBuckets: 1 })),
  sex: oneHot(vocabulary('Sex', { frequencyThreshold: 5, oovBuckets: 1 })),
};

/** Species from every measurement (the pipeline's model), or body mass from the others (a regressor). */
const preprocessing = {
  species: definePreprocessing({
    features: { ...features, body_mass: numeric('Body Mass (g)', fillMissing('mean'), zScore()) },
    label: classLabel('Species'),
  }),
  body_mass: definePreprocessing({
    features,
    label: regressionLabel('Body Mass (g)', { scale: 'zScore' }),
  }),
};

const tinyModule: ModelModule = {
  searchSpace() {},
  buildModel(hp, shape, tf) {
    const classes = shape.task.kind === 'classification' ? shape.task.classes : 1;
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 8, activation: 'relu', inputShape: [shape.featureCount] }),
        tf.layers.dense({
          units: classes,
          activation: shape.task.kind === 'classification' ? 'softmax' : 'linear',
        }),
      ],
    });
    model.compile({
      optimizer: tf.train.adam(Number(hp.learning_rate)),
      loss: shape.task.kind === 'classification' ? 'sparseCategoricalCrossentropy' : 'meanSquaredError',
    });
    return model;
  },
  objective: { name: 'val_accuracy', direction: 'max' },
  training: { epochs: 30, batchSize: 16, earlyStoppingPatience: 0 },
};

/**
 * A small penguins model exported in TF Serving's layout under `dir` (version 1): the preprocessing analyzed on
 * the raw train split, an 8-unit dense net trained `epochs` epochs — 30 give a good species classifier, 1 with a
 * small learning rate a poor one. `label: 'body_mass'` makes a regressor instead.
 */
export async function trainPenguinsModel(
  rawExamples: string,
  dir: string,
  options: { epochs: number; learningRate: number; label?: 'species' | 'body_mass' },
): Promise<string> {
  await selectBackend();
  const engine = await openEngine({ threads: 1 });
  try {
    const relation = (split: string) =>
      `read_parquet(${quoteLiteral(path.join(rawExamples, `Split-${split}`, '*.parquet'))})`;
    const graph = await analyzeTransform(engine, preprocessing[options.label ?? 'species'], {
      relation: relation('train'),
      columns: await engine.describe(`SELECT * FROM ${relation('train')}`),
      description: 'the train split',
    });
    const examples = async (split: string) => {
      // Training needs a label on every row (the data has two birds without a body mass).
      const label = graph.spec.label!.column;
      const rows = (await rawRows(engine, relation(split), graph)).filter((r) => r[label] !== null);
      const batch = applyTransformToRows(graph, rows);
      return { n: batch.n, features: batch.features, labels: batch.labels! };
    };
    const { model } = await trainModel({
      module:
        options.label === 'body_mass'
          ? { ...tinyModule, objective: { name: 'val_mae', direction: 'min' } }
          : tinyModule,
      hp: { learning_rate: options.learningRate },
      shape: modelShape(graph),
      train: await examples('train'),
      eval: await examples('eval'),
      seed: 7,
      epochs: options.epochs,
    });
    await exportModel({
      model,
      graph,
      hyperparameters: { learning_rate: options.learningRate },
      dir,
      version: 1,
    });
    model.dispose();
    return dir;
  } finally {
    await engine.close();
  }
}

/** Raw rows with numbers as numbers (DuckDB hands BIGINT over as strings). */
async function rawRows(engine: Engine, relation: string, graph: TransformGraph) {
  const numeric = new Set(graph.rawFeatures.filter((f) => f.type === 'number').map((f) => f.name));
  if (graph.spec.label?.type === 'regression') numeric.add(graph.spec.label.column);
  const rows = await engine.query(`SELECT * FROM ${relation}`);
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, numeric.has(k) && typeof v === 'string' ? Number(v) : v]),
    ),
  );
}
