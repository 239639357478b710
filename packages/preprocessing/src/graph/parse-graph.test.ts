import { describe, expect, it } from 'vitest';
import { caught, graphOf } from '../../test/graph-fixture.js';
import { oneHot, vocabulary } from '../builders/categorical.js';
import { definePreprocessing } from '../builders/define.js';
import { fillMissing, numeric, zScore } from '../builders/numeric.js';
import { parseTransformGraph, serializeTransformGraph } from './parse-graph.js';

const graph = graphOf(
  definePreprocessing({
    features: { x: numeric('x', fillMissing('mean'), zScore()), s: oneHot(vocabulary('s')) },
  }),
  { x: 'number', s: 'string' },
  { x: { steps: [{ value: 1 }, { mean: 1, std: 2 }] }, s: { vocabulary: ['a'], counts: [3] } },
);
const json = () => JSON.parse(serializeTransformGraph(graph));

describe('parseTransformGraph', () => {
  it('reads back what serializeTransformGraph wrote', () => {
    expect(parseTransformGraph(serializeTransformGraph(graph))).toEqual(graph);
    expect(graph.outputs.featureColumns).toEqual(['x', 's_0', 's_1']);
  });

  it('a missing constant, inconsistent outputs or another version are rejected with the path', () => {
    const noStd = json();
    delete noStd.analyzers.features.x.steps[1].std;
    expect(caught(() => parseTransformGraph(noStd, 'g.json')).details).toMatchObject({
      feature: 'x',
      path: 'analyzers.steps[1].std',
    });
    const widened = json();
    widened.analyzers.features.s.vocabulary.push('b');
    widened.analyzers.features.s.counts.push(1);
    const err = caught(() => parseTransformGraph(widened, 'g.json'));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.details.path).toBe('outputs');
    const future = { ...json(), version: 2 };
    expect(caught(() => parseTransformGraph(future)).code).toBe('UNSUPPORTED');
    expect(caught(() => parseTransformGraph('{oops', 'g.json')).details).toEqual({ file: 'g.json' });
    const renamed = json();
    renamed.rawFeatures[0].name = 'y';
    expect(caught(() => parseTransformGraph(renamed)).details).toMatchObject({ path: 'rawFeatures' });
  });
});
