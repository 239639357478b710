import { type Engine, openEngine } from '@ctpipe/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTransform } from '../apply/apply.js';
import { cross, index, oneHot, vocabulary } from '../builders/categorical.js';
import { definePreprocessing } from '../builders/define.js';
import { classLabel, regressionLabel } from '../builders/label.js';
import { bucketize, clip, fillMissing, log1p, numeric, scaleMinMax, zScore } from '../builders/numeric.js';
import type { PreprocessingSpec } from '../spec/types.js';
import { analyzeTransform } from './analyze.js';

// Train: x = 1, 2, 2, 3, 10 and one missing; s = b, a, b, missing, c, a. Eval rows are far off (x = 1000,
// s = 'zzz', species 'z'): none of them may show up in any analyzed value.
const ROWS = `
  ('train', 1.0, 'b', 'p', 1.0), ('train', 2.0, 'a', 'q', 2.0), ('train', 2.0, 'b', 'p', 3.0),
  ('train', 3.0, NULL, 'r', 4.0), ('train', NULL, 'c', 'q', 5.0), ('train', 10.0, 'a', 'p', 6.0),
  ('eval', 1000.0, 'zzz', 'z', 100.0), ('eval', 1000.0, 'zzz', 'z', 100.0), ('eval', 1000.0, 'zzz', 'z', 100.0)`;
const X = 'x value';

let engine: Engine;
beforeAll(async () => {
  engine = await openEngine({ threads: 1 });
  await engine.run(`CREATE TABLE t AS SELECT * FROM (VALUES ${ROWS}) v(split, "${X}", s, species, y)`);
});
afterAll(() => engine.close());

async function analyze(spec: PreprocessingSpec) {
  return analyzeTransform(engine, spec, {
    relation: `(SELECT * EXCLUDE (split) FROM t WHERE split = 'train')`,
    columns: await engine.describe('SELECT * EXCLUDE (split) FROM t'),
    description: 'the train split',
  });
}

describe('analyzeTransform', () => {
  it('numeric analyzers: fill with mean / median / most frequent, then z-score, min-max, log1p, clip', async () => {
    const graph = await analyze(
      definePreprocessing({
        features: {
          z: numeric(X, fillMissing('mean'), zScore()),
          med: numeric(X, fillMissing('median')),
          mode: numeric(X, fillMissing('mostFrequent')),
          mm: numeric(X, fillMissing(0), scaleMinMax()),
          lg: numeric(X, fillMissing(0), log1p(), zScore()),
          cl: numeric(X, fillMissing(0), clip({ min: 1.5, max: 5 }), scaleMinMax()),
        },
      }),
    );
    const f = graph.analyzers.features as unknown as Record<string, { steps: Record<string, number>[] }>;
    expect(graph.analyzers.rowCount).toBe(6);
    expect(f.z!.steps[0]!.value).toBeCloseTo(18 / 5, 12);
    // Filled: 1, 2, 2, 3, 3.6, 10 → mean 3.6, squared deviations 6.76 + 2.56 + 2.56 + 0.36 + 0 + 40.96 = 53.2.
    expect(f.z!.steps[1]!.mean).toBeCloseTo(3.6, 12);
    expect(f.z!.steps[1]!.std).toBeCloseTo(Math.sqrt(53.2 / 6), 12);
    expect(f.med!.steps).toEqual([{ value: 2 }]);
    expect(f.mode!.steps).toEqual([{ value: 2 }]);
    expect(f.mm!.steps).toEqual([{ value: 0 }, { min: 0, max: 10 }]);
    const logs = [1, 2, 2, 3, 0, 10].map(Math.log1p);
    const logMean = logs.reduce((a, b) => a + b) / 6;
    expect(f.lg!.steps[2]!.mean).toBeCloseTo(logMean, 12);
    expect(f.lg!.steps[2]!.std).toBeCloseTo(
      Math.sqrt(logs.reduce((a, b) => a + (b - logMean) ** 2, 0) / 6),
      12,
    );
    expect(f.cl!.steps).toEqual([{ value: 0 }, {}, { min: 1.5, max: 5 }]);
    expect(graph.outputs.featureColumns).toEqual(['z', 'med', 'mode', 'mm', 'lg', 'cl']);
  });

  it('quantile boundaries, vocabularies (frequency then value, threshold, top-k, fill) and crosses', async () => {
    const graph = await analyze(
      definePreprocessing({
        features: {
          q: oneHot(bucketize(X, 4, fillMissing('mean'))),
          s: oneHot(vocabulary('s')),
          s2: index(vocabulary('s', { frequencyThreshold: 2, oovBuckets: 3 })),
          s1: oneHot(vocabulary('s', { topK: 1, oovBuckets: 0 })),
          sf: oneHot(vocabulary('s', { fillMissing: 'mostFrequent', oovBuckets: 0 })),
          sx: oneHot(cross('s', bucketize(X, 4, fillMissing('mean')), { vocabulary: { oovBuckets: 0 } })),
          hx: index(cross('s', 's', { hashBuckets: 7 })),
        },
      }),
    );
    const f = graph.analyzers.features as unknown as Record<string, Record<string, unknown>>;
    // Sorted filled x: 1, 2, 2, 3, 3.6, 10; quantile_disc at 1/4, 2/4, 3/4 = 2nd, 3rd, 5th value = 2, 2, 3.6.
    expect(f.q!.boundaries).toEqual([2, 3.6]);
    expect(f.s).toEqual({ vocabulary: ['a', 'b', 'c'], counts: [2, 2, 1] });
    expect(f.s2).toEqual({ vocabulary: ['a', 'b'], counts: [2, 2] });
    expect(f.s1).toEqual({ vocabulary: ['a'], counts: [2] });
    expect(f.sf).toEqual({ fill: 'a', vocabulary: ['a', 'b', 'c'], counts: [3, 2, 1] });
    // Rows: b×1→0, a×2→0, b×2→0, (missing)×3→1, c×3.6→1, a×10→2; ties by byte order ('_' < 'a').
    expect(f.sx!.vocabulary).toEqual(['b_X_0', '_X_1', 'a_X_0', 'a_X_2', 'c_X_1']);
    expect(f.sx!.counts).toEqual([2, 1, 1, 1, 1]);
    expect(f.hx).toEqual({ inputs: [null, null] });
    expect(graph.outputs.features).toEqual([
      { name: 'q', kind: 'dense', width: 3 },
      { name: 's', kind: 'dense', width: 4 },
      { name: 's2', kind: 'index', width: 1, vocabularySize: 5 },
      { name: 's1', kind: 'dense', width: 1 },
      { name: 'sf', kind: 'dense', width: 3 },
      { name: 'sx', kind: 'dense', width: 5 },
      { name: 'hx', kind: 'index', width: 1, vocabularySize: 7 },
    ]);
  });

  it('labels: sorted classes of train only; regression scale', async () => {
    const cls = await analyze(
      definePreprocessing({ features: { s: oneHot(vocabulary('s')) }, label: classLabel('species') }),
    );
    expect(cls.analyzers.label).toEqual({ classes: ['p', 'q', 'r'] });
    expect(cls.outputs.label).toEqual({
      column: 'label',
      kind: 'classification',
      vocabulary: ['p', 'q', 'r'],
    });
    const reg = await analyze(
      definePreprocessing({
        features: { s: oneHot(vocabulary('s')) },
        label: regressionLabel('y', { scale: 'zScore' }),
      }),
    );
    const label = reg.analyzers.label as { offset: number; factor: number };
    expect(label.offset).toBeCloseTo(3.5, 12);
    expect(label.factor).toBeCloseTo(1 / Math.sqrt(17.5 / 6), 12);
  });

  it('eval values never leak: the graph applied to eval maps its unseen values to OOV', async () => {
    const graph = await analyze(
      definePreprocessing({
        features: { x: numeric(X, fillMissing('mean'), scaleMinMax()), s: oneHot(vocabulary('s')) },
        label: classLabel('species'),
      }),
    );
    expect(graph.analyzers.features.x).toEqual({ steps: [{ value: 3.6 }, { min: 1, max: 10 }] });
    const out = applyTransform(graph, { [X]: [1000], s: ['zzz'] });
    // x: (1000 − 1) / 9; s: a, b, c, OOV → the OOV column.
    expect(Array.from(out.features)).toEqual([Math.fround(999 / 9), 0, 0, 0, 1]);
  });

  it('batches analyzers: three z-scored columns, a vocabulary and the label take four queries', async () => {
    const sql: string[] = [];
    const counting = {
      query: (text: string) => {
        sql.push(text);
        return engine.query(text);
      },
    };
    const spec = definePreprocessing({
      features: {
        a: numeric(X, fillMissing('mean'), zScore()),
        b: numeric(X, fillMissing('median'), zScore()),
        c: numeric('y', zScore()),
        s: oneHot(vocabulary('s')),
      },
      label: classLabel('species'),
    });
    await analyzeTransform(counting, spec, {
      relation: `(SELECT * EXCLUDE (split) FROM t WHERE split = 'train')`,
      columns: await engine.describe('SELECT * EXCLUDE (split) FROM t'),
      description: 'the train split',
    });
    // vocabulary, classes, then one scan for the fills (+ c's z-score and missing check), one for the rest.
    expect(sql).toHaveLength(4);
  });

  it('a numeric column with missing values in train and no fill is BAD_CONFIG', async () => {
    const err = await analyze(definePreprocessing({ features: { x: numeric(X, zScore()) } })).catch((e) => e);
    expect(err.code).toBe('BAD_CONFIG');
    expect(err.details).toMatchObject({ feature: 'x', column: X, found: '1 missing values' });
  });
});
