import path from 'node:path';
import { type Engine, openEngine, quoteLiteral } from '@ctpipe/data';
import { exportModel, modelShape, selectBackend, trainModel } from '@ctpipe/model';
import { applyTransformToRows, type TransformGraph } from '@ctpipe/preprocessing';
import { analyzeTransform } from '@ctpipe/preprocessing/analyze';
import { penguinsPreprocessing } from './penguins-preprocessing.js';
import { tinyModule } from './tiny-module.js';

/**
 * A small penguins model exported in TF Serving's layout under `dir` (version 1) from raw examples in extract's
 * layout (see `writeRawPenguins`): the preprocessing analyzed on the raw train split, an 8-unit dense net trained
 * `epochs` epochs — 30 give a good species classifier, 1 with a small learning rate a poor one.
 * `label: 'body_mass'` makes a regressor instead.
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
    const graph = await analyzeTransform(engine, penguinsPreprocessing[options.label ?? 'species'], {
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
