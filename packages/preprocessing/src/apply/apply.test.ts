import { describe, expect, it } from 'vitest';
import { caught, graphOf } from '../../test/graph-fixture.js';
import { cross, index, oneHot, vocabulary } from '../builders/categorical.js';
import { definePreprocessing } from '../builders/define.js';
import { classLabel, regressionLabel } from '../builders/label.js';
import { bucketize, clip, fillMissing, log1p, numeric, scaleMinMax, zScore } from '../builders/numeric.js';
import { parseTransformGraph, serializeTransformGraph } from '../graph/parse-graph.js';
import { unscaleRegression } from '../graph/regression.js';
import { fnv1a } from '../internal/hash.js';
import { applyTransform, applyTransformToRows } from './apply.js';

const rowsOf = (features: Float32Array, width: number) =>
  Array.from({ length: features.length / width }, (_, r) =>
    Array.from(features.subarray(r * width, (r + 1) * width)),
  );

describe('numeric steps', () => {
  const spec = definePreprocessing({
    features: {
      z: numeric('x', fillMissing(2), zScore()),
      mm: numeric('x', fillMissing(0), scaleMinMax({ min: -1, max: 1 })),
      flat: numeric('x', fillMissing(0), scaleMinMax()),
      lg: numeric('x', fillMissing(0), log1p()),
      cl: numeric('x', fillMissing(0), clip({ min: 0.5, max: 3 })),
      zero: numeric('x', fillMissing(1), zScore()),
    },
  });
  const graph = graphOf(
    spec,
    { x: 'number' },
    {
      z: { steps: [{ value: 2 }, { mean: 2, std: 2 }] },
      mm: { steps: [{ value: 0 }, { min: 0, max: 10 }] },
      flat: { steps: [{ value: 0 }, { min: 4, max: 4 }] },
      lg: { steps: [{ value: 0 }, {}] },
      cl: { steps: [{ value: 0 }, {}] },
      zero: { steps: [{ value: 1 }, { mean: 3, std: 0 }] },
    },
  );

  it('fill, z-score (x − mean when std = 0), min-max (midpoint when min = max), log1p, clip', () => {
    const out = applyTransform(graph, { x: [1, null, 4, Math.E - 1] });
    expect(out.n).toBe(4);
    expect(rowsOf(out.features, 6)).toEqual(
      [
        [(1 - 2) / 2, 1 * 0.2 - 1, 0.5, Math.log1p(1), 1, 1 - 3],
        [0, -1, 0.5, 0, 0.5, 1 - 3],
        [(4 - 2) / 2, 4 * 0.2 - 1, 0.5, Math.log1p(4), 3, 4 - 3],
        [(Math.E - 3) / 2, (Math.E - 1) * 0.2 - 1, 0.5, 1, Math.E - 1, Math.E - 4],
      ].map((row) => row.map(Math.fround)),
    );
  });

  it('typed arrays are read as they are (NaN = missing) and never modified', () => {
    const x = Float64Array.of(1, Number.NaN, 4);
    const out = applyTransform(graph, { x });
    expect(Array.from(out.features.subarray(0, 6))).toEqual(
      [-0.5, -0.8, 0.5, Math.log1p(1), 1, -2].map(Math.fround),
    );
    expect(out.features[6]).toBe(0);
    expect(Array.from(x)).toEqual([1, Number.NaN, 4]);
    expect(applyTransform(graph, { x: Int32Array.of(4) }).features[0]).toBe(1);
  });

  it('a missing value with no fill, or a wrong type, is BAD_INPUT naming feature, column and row', () => {
    const noFill = graphOf(
      definePreprocessing({ features: { b: numeric('x', log1p()) } }),
      { x: 'number' },
      {
        b: { steps: [{}] },
      },
    );
    const missing = caught(() => applyTransform(noFill, { x: [1, -2] }, { rowOffset: 100 }));
    expect(missing.code).toBe('BAD_INPUT');
    expect(missing.details).toEqual({
      feature: 'b',
      column: 'x',
      row: 101,
      expected: 'a number',
      found: 'missing',
    });
    const wrong = caught(() => applyTransform(graph, { x: [1, 'two'] }));
    expect(wrong.details).toEqual({
      feature: 'z',
      column: 'x',
      row: 1,
      expected: 'a number',
      found: '"two"',
    });
    expect(caught(() => applyTransform(graph, {})).details).toMatchObject({ feature: 'z', column: 'x' });
  });
});

describe('categorical sources', () => {
  const spec = definePreprocessing({
    features: {
      s: oneHot(vocabulary('s', { oovBuckets: 2 })),
      strict: oneHot(vocabulary('s', { oovBuckets: 0 })),
      filled: index(vocabulary('s', { fillMissing: { value: 'b' } })),
      q: oneHot(bucketize('x', 4)),
      hx: index(cross('s', bucketize('x', 4), { hashBuckets: 7 })),
      vx: oneHot(cross('s', 's', { vocabulary: { oovBuckets: 1 } })),
    },
  });
  const quantiles = { steps: [], boundaries: [2, 3.6] };
  const graph = graphOf(
    spec,
    { s: 'string', x: 'number' },
    {
      s: { vocabulary: ['a', 'b'], counts: [5, 3] },
      strict: { vocabulary: ['a', 'b'], counts: [5, 3] },
      filled: { fill: 'b', vocabulary: ['a', 'b'], counts: [5, 4] },
      q: quantiles,
      hx: { inputs: [null, quantiles] },
      vx: { inputs: [null, null], vocabulary: ['a_X_a', '_X_'], counts: [5, 1] },
    },
  );

  it('vocabulary: known → rank, missing → first OOV bucket, unknown → OOV bucket by hash, no OOV → zeros', () => {
    const out = applyTransform(graph, { s: ['b', null, 'zzz', 'a'], x: [1, 2, 3, 10] });
    const w = graph.outputs.featureColumns.length;
    expect(w).toBe(4 + 2 + 3 + 3);
    const rows = rowsOf(out.features, w);
    const zzz = 2 + (fnv1a('zzz') % 2);
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, zzz === 2 ? 1 : 0, zzz === 3 ? 1 : 0],
      [1, 0, 0, 0],
    ]);
    expect(rows.map((r) => r.slice(4, 6))).toEqual([
      [0, 1],
      [0, 0],
      [0, 0],
      [1, 0],
    ]);
    expect(Array.from(out.indices!.filled!)).toEqual([1, 1, 2, 0]);
  });

  it('bucketize: bucket i holds (b[i−1], b[i]]; crosses hash or look up `a_X_b`', () => {
    const out = applyTransform(graph, { s: ['a', 'b', null, 'a', 'a'], x: [1, 2, 2.5, 3.6, 10] });
    const rows = rowsOf(out.features, graph.outputs.featureColumns.length);
    expect(rows.map((r) => r.slice(6, 9).indexOf(1))).toEqual([0, 0, 1, 1, 2]);
    expect(Array.from(out.indices!.hx!)).toEqual(
      ['a_X_0', 'b_X_0', '_X_1', 'a_X_1', 'a_X_2'].map((k) => fnv1a(k) % 7),
    );
    // vx: 'a_X_a' → 0, 'b_X_b' unknown → OOV 2, missing × missing = '_X_' → 1.
    expect(rows.map((r) => r.slice(9, 12).indexOf(1))).toEqual([0, 2, 1, 0, 0]);
  });
});

describe('labels', () => {
  const features = { f: numeric('x', fillMissing(0)) };
  const values = { f: { steps: [{ value: 0 }] } };

  it('classification: class index; numeric classes by their text; unknown or missing is BAD_INPUT', () => {
    const graph = graphOf(
      definePreprocessing({ features, label: classLabel('y') }),
      { x: 'number', y: 'string' },
      values,
      {
        classes: ['0', '1', 'cat'],
      },
    );
    const out = applyTransform(graph, { x: [1, 2, 3], y: ['cat', 1, '0'] });
    expect(out.labels).toEqual(Int32Array.of(2, 1, 0));
    expect(applyTransform(graph, { x: [1] }).labels).toBeUndefined();
    const err = caught(() => applyTransform(graph, { x: [1, 2], y: ['cat', 'dog'] }, { rowOffset: 10 }));
    expect(err.details).toMatchObject({ feature: 'label', column: 'y', row: 11, found: '"dog"' });
    expect(caught(() => applyTransform(graph, { x: [1], y: [null] })).details.found).toBe('missing');
  });

  it('regression: (value − offset) × factor', () => {
    const graph = graphOf(
      definePreprocessing({ features, label: regressionLabel('y', { scale: 'minMax' }) }),
      { x: 'number', y: 'number' },
      values,
      { offset: 10, factor: 0.5 },
    );
    expect(applyTransform(graph, { x: [0, 0], y: [10, 13] }).labels).toEqual(Float32Array.of(0, 1.5));
    expect(graph.outputs.label).toEqual({
      column: 'label',
      kind: 'regression',
      scale: { offset: 10, factor: 0.5 },
    });
    expect(unscaleRegression(graph, 1.5)).toBe(13);
  });
});

describe('one implementation everywhere', () => {
  const spec = definePreprocessing({
    features: {
      beak: numeric('Beak Length (mm)', fillMissing('mean'), zScore()),
      island: oneHot(vocabulary('Island')),
      island_x_q: index(
        cross('Island', bucketize('Beak Length (mm)', 3, fillMissing('mean')), { hashBuckets: 5 }),
      ),
    },
    label: classLabel('Species'),
  });
  const graph = graphOf(
    spec,
    { 'Beak Length (mm)': 'number', Island: 'string', Species: 'string' },
    {
      beak: { steps: [{ value: 44 }, { mean: 44, std: 5.5 }] },
      island: { vocabulary: ['Biscoe', 'Dream'], counts: [9, 8] },
      island_x_q: { inputs: [null, { steps: [{ value: 44 }], boundaries: [40, 48] }] },
    },
    { classes: ['Adelie', 'Gentoo'] },
  );
  const rows = [
    { 'Beak Length (mm)': 39.1, Island: 'Dream', Species: 'Adelie', extra: true },
    { 'Beak Length (mm)': null, Island: 'Biscoe', Species: 'Gentoo' },
    { Island: 'Atlantis', Species: 'Adelie' },
    { 'Beak Length (mm)': 50.2, Species: 'Gentoo' },
  ];
  const columns = {
    'Beak Length (mm)': Float64Array.of(39.1, Number.NaN, Number.NaN, 50.2),
    Island: ['Dream', 'Biscoe', 'Atlantis', null],
    Species: ['Adelie', 'Gentoo', 'Adelie', 'Gentoo'],
  };

  it('the same rows give identical output as columns and as JSON rows', () => {
    const fromColumns = applyTransform(graph, columns);
    const fromRows = applyTransformToRows(graph, rows);
    expect(fromRows).toEqual(fromColumns);
    expect(fromColumns.labels).toEqual(Int32Array.of(0, 1, 0, 1));
    expect(rowsOf(fromColumns.features, 4)[0]).toEqual([Math.fround((39.1 - 44) / 5.5), 0, 1, 0]);
  });

  it('serving rows without the label give no labels', () => {
    const out = applyTransformToRows(
      graph,
      rows.map(({ Species: _, ...raw }) => raw),
    );
    expect(out.labels).toBeUndefined();
    expect(out.features).toEqual(applyTransform(graph, columns).features);
  });

  it('a graph serialized, parsed and applied gives identical output', () => {
    const reparsed = parseTransformGraph(serializeTransformGraph(graph));
    expect(reparsed).toEqual(graph);
    expect(applyTransform(reparsed, columns)).toEqual(applyTransform(graph, columns));
  });
});
