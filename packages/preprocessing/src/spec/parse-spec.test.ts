import { describe, expect, it } from 'vitest';
import { caught } from '../../test/graph-fixture.js';
import { cross, index, oneHot, vocabulary } from '../builders/categorical.js';
import { definePreprocessing } from '../builders/define.js';
import { classLabel, regressionLabel } from '../builders/label.js';
import { bucketize, clip, fillMissing, log1p, numeric, scaleMinMax, zScore } from '../builders/numeric.js';
import { parsePreprocessingSpec } from './parse-spec.js';

describe('builders', () => {
  it('make plain JSON that survives a JSON round trip unchanged', () => {
    const spec = definePreprocessing({
      features: {
        mass: numeric('Body Mass (g)', fillMissing('median'), log1p(), clip({ max: 9 }), zScore()),
        depth: numeric('Beak Depth (mm)', fillMissing(0), scaleMinMax({ min: -1, max: 1 })),
        island: oneHot(vocabulary('Island', { topK: 5, fillMissing: { value: 'none' } })),
        sex: index(vocabulary('Sex', { frequencyThreshold: 3, oovBuckets: 2, fillMissing: 'mostFrequent' })),
        mass_q: oneHot(bucketize('Body Mass (g)', 4, fillMissing('mean'))),
        island_x_mass: index(cross('Island', bucketize('Body Mass (g)', 3), { hashBuckets: 10 })),
        island_x_sex: oneHot(cross('Island', 'Sex', { vocabulary: { topK: 20 } })),
      },
      label: classLabel('Species'),
    });
    expect(spec.features.mass).toEqual({
      type: 'numeric',
      column: 'Body Mass (g)',
      steps: [
        { op: 'fillMissing', strategy: 'median' },
        { op: 'log1p' },
        { op: 'clip', max: 9 },
        { op: 'zScore' },
      ],
    });
    expect(spec.features.depth).toEqual({
      type: 'numeric',
      column: 'Beak Depth (mm)',
      steps: [
        { op: 'fillMissing', strategy: 'constant', value: 0 },
        { op: 'scaleMinMax', outputMin: -1, outputMax: 1 },
      ],
    });
    expect(spec.features.sex).toEqual({
      type: 'index',
      source: {
        type: 'vocabulary',
        column: 'Sex',
        frequencyThreshold: 3,
        oovBuckets: 2,
        fill: { strategy: 'mostFrequent' },
      },
    });
    expect(spec.features.island_x_sex).toEqual({
      type: 'oneHot',
      source: {
        type: 'cross',
        inputs: [
          { type: 'column', column: 'Island' },
          { type: 'column', column: 'Sex' },
        ],
        encoding: { type: 'vocabulary', topK: 20, frequencyThreshold: 1, oovBuckets: 1 },
      },
    });
    expect(parsePreprocessingSpec(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
    expect(regressionLabel('y', { scale: 'zScore' })).toEqual({
      type: 'regression',
      column: 'y',
      scale: 'zScore',
    });
  });
});

describe('a bad spec is BAD_CONFIG naming the feature', () => {
  const bad = (features: unknown, label?: unknown) =>
    caught(() => parsePreprocessingSpec({ features, ...(label ? { label } : {}) }));

  it('unknown op, misspelt option, out-of-range number', () => {
    const op = bad({ x: { type: 'numeric', column: 'x', steps: [{ op: 'standardize' }] } });
    expect(op.code).toBe('BAD_CONFIG');
    expect(op.details).toMatchObject({ feature: 'x', path: 'steps[0].op', found: '"standardize"' });

    const typo = bad({ s: { type: 'oneHot', source: { type: 'vocabulary', column: 's', oovBucket: 2 } } });
    expect(typo.details).toMatchObject({ feature: 's', path: 'source.oovBucket' });

    const buckets = bad({ b: oneHot(bucketize('x', 1)) });
    expect(buckets.details).toMatchObject({
      feature: 'b',
      path: 'source.buckets',
      expected: 'an integer ≥ 2',
    });
    expect(buckets.message).toContain("feature 'b'");
  });

  it('output names must be identifiers, not the label column', () => {
    expect(bad({ 'Beak Length': numeric('Beak Length') }).details).toMatchObject({
      path: 'features.Beak Length',
    });
    expect(bad({ label: numeric('x') }).code).toBe('BAD_CONFIG');
    expect(bad({}).details).toMatchObject({ path: 'features', expected: 'at least one feature' });
  });

  it('index() of a vocabulary needs an OOV bucket; the label needs distinct classes', () => {
    const idx = bad({ s: index(vocabulary('s', { oovBuckets: 0 })) });
    expect(idx.details).toMatchObject({ feature: 's', path: 'source.oovBuckets', found: '0' });
    const classes = bad({ x: numeric('x') }, { type: 'classification', column: 'y', classes: ['a', 'a'] });
    expect(classes.details).toMatchObject({ path: 'label.classes' });
  });
});
