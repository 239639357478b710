import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openEngine, quoteLiteral } from '@ctpipe/data';
import { applyTransformToRows, parseTransformGraph, type TransformGraph } from '@ctpipe/preprocessing';
import { penguinsJsonPath } from '@ctpipe/testing/penguins';
import { describe, expect, it } from 'vitest';
import { penguinExamples, recordingContext, transformInputs } from '../test/penguins.js';
import { GRAPH_FILE, transform } from './core.js';

type Penguin = Record<string, string | number | null>;
const penguins = async () => JSON.parse(await readFile(penguinsJsonPath(), 'utf8')) as Penguin[];
const readGraph = async (dir: string) =>
  parseTransformGraph(await readFile(path.join(dir, GRAPH_FILE), 'utf8'));

/** The transformed split's rows (DESCRIBE types and values), in file order. */
async function readSplit(dir: string, split: string) {
  const engine = await openEngine({ threads: 1 });
  try {
    const relation = `read_parquet(${quoteLiteral(path.join(dir, `Split-${split}`, 'data_0.parquet'))})`;
    return {
      columns: await engine.describe(`SELECT * FROM ${relation}`),
      rows: (await engine.query(`SELECT * FROM ${relation}`)) as Record<string, number>[],
    };
  } finally {
    await engine.close();
  }
}

const NUMERIC = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];

describe('transform on the penguins with pipelines/ct/src/preprocessing.ts', () => {
  it('analyzes train only, writes the graph and every split with the layout the graph declares', async () => {
    const inputs = await transformInputs(await penguinExamples());
    const ctx = recordingContext();
    const result = await transform(inputs, ctx);
    const graph = await readGraph(inputs.outputs.transform_graph.path);

    expect(graph.outputs.featureColumns).toEqual([
      'beak_length',
      'beak_depth',
      'flipper_length',
      'body_mass',
      'island_0',
      'island_1',
      'island_2',
      'island_3',
      'sex_0',
      'sex_1',
      'sex_2',
    ]);
    expect(graph.outputs.label).toEqual({
      column: 'label',
      kind: 'classification',
      vocabulary: ['Adelie', 'Chinstrap', 'Gentoo'],
    });
    expect(graph.rawFeatures).toEqual([
      ...NUMERIC.map((name) => ({ name, type: 'number' })),
      { name: 'Island', type: 'string' },
      { name: 'Sex', type: 'string' },
    ]);
    // The train split by hand: file rows 1, 2, 4, 5, … (every third row is eval).
    const train = (await penguins()).filter((_, i) => (i + 1) % 3 !== 0);
    const mass = train.map((p) => p['Body Mass (g)']).filter((v): v is number => typeof v === 'number');
    const mean = mass.reduce((a, b) => a + b) / mass.length;
    const steps = (graph.analyzers.features.body_mass as { steps: Record<string, number>[] }).steps;
    expect(steps[0]!.value).toBeCloseTo(mean, 9);
    expect(steps[1]!.mean).toBeCloseTo(mean, 9); // filling with the mean keeps the mean
    const sexCounts = graph.analyzers.features.sex as { vocabulary: string[]; counts: number[] };
    expect(sexCounts.vocabulary).toEqual(
      ['MALE', 'FEMALE'].sort((a, b) => count(train, b) - count(train, a)),
    );
    expect(sexCounts.counts).toEqual(sexCounts.vocabulary.map((v) => count(train, v)));

    expect(result.parameters).toEqual({ feature_count: 11 });
    const meta = result.metadata.transformed_examples!;
    expect(meta.row_counts).toEqual({ train: train.length, eval: 344 - train.length });
    expect(meta).toMatchObject({ split_names: '["train","eval"]', feature_columns: 11, span: 3 });
    expect(result.metadata.transform_graph?.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(ctx.progress.at(-1)).toEqual(['transform eval', 344 - train.length, 344 - train.length]);

    const { columns, rows } = await readSplit(inputs.outputs.transformed_examples.path, 'train');
    expect(columns).toEqual([
      ...graph.outputs.featureColumns.map((name) => ({ name, type: 'FLOAT' })),
      { name: 'label', type: 'INTEGER' },
    ]);
    expect(rows).toHaveLength(train.length);
    const classes = ['Adelie', 'Chinstrap', 'Gentoo'];
    expect(rows.map((r) => r.label)).toEqual(train.map((p) => classes.indexOf(String(p.Species))));
  });

  it('the component output equals the serving path on raw JSON rows, float for float', async () => {
    const inputs = await transformInputs(await penguinExamples());
    await transform(inputs, recordingContext());
    const graph = await readGraph(inputs.outputs.transform_graph.path);
    const evalRows = (await penguins()).filter((_, i) => (i + 1) % 3 === 0);
    // Serving sees raw instances: no label, Sex null or '.', the same missing measurements.
    expect(evalRows.some((p) => p.Sex === null) || evalRows.some((p) => p.Sex === '.')).toBe(true);
    const served = applyTransformToRows(
      graph,
      evalRows.map(({ Species: _, ...raw }) => raw),
    );
    const { rows } = await readSplit(inputs.outputs.transformed_examples.path, 'eval');
    const width = graph.outputs.featureColumns.length;
    const written = rows.map((r) => graph.outputs.featureColumns.map((c) => r[c]));
    const expected = evalRows.map((_, i) => Array.from(served.features.subarray(i * width, (i + 1) * width)));
    expect(written).toEqual(expected);
    // OOV: a missing Sex or '.' is the third sex column.
    const sexOov = evalRows
      .map((p, i) => [p.Sex, written[i]![10]])
      .filter(([sex]) => sex === null || sex === '.');
    expect(sexOov.every(([, oov]) => oov === 1)).toBe(true);
  });

  it('eval data never reaches the analyzers: shifting eval leaves the graph unchanged', async () => {
    const clean = await transformInputs(await penguinExamples());
    await transform(clean, recordingContext());
    const shifted = await transformInputs(
      await penguinExamples(
        `SELECT * EXCLUDE (rn) REPLACE (
           CASE WHEN rn % 3 = 0 THEN "Body Mass (g)" * 100 ELSE "Body Mass (g)" END AS "Body Mass (g)",
           CASE WHEN rn % 3 = 0 THEN 'Atlantis' ELSE Island END AS Island)
         FROM penguins`,
      ),
    );
    await transform(shifted, recordingContext());
    const a: TransformGraph = await readGraph(clean.outputs.transform_graph.path);
    const b: TransformGraph = await readGraph(shifted.outputs.transform_graph.path);
    expect(b).toEqual(a);
    const { rows } = await readSplit(shifted.outputs.transformed_examples.path, 'eval');
    expect(rows.every((r) => r.island_3 === 1)).toBe(true); // Atlantis → the OOV column
  });
});

function count(rows: Penguin[], sex: string): number {
  return rows.filter((p) => p.Sex === sex).length;
}
