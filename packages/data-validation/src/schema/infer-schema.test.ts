import { describe, expect, it } from 'vitest';
import { makeStats, numericFeature, penguinsStats, stringFeature } from '../../test/stats-fixtures.js';
import { inferSchema } from './infer-schema.js';

describe('inferSchema', () => {
  it('infers the penguins schema as TFDV does', () => {
    const schema = inferSchema(penguinsStats());
    expect(schema.feature.map((f) => f.name)).toEqual([
      'species',
      'island',
      'bill_length_mm',
      'body_mass_g',
      'sex',
      'year',
      'is_adult',
    ]);
    expect(schema.stringDomain).toEqual([
      { name: 'species', value: ['Adelie', 'Chinstrap', 'Gentoo'] },
      { name: 'island', value: ['Biscoe', 'Dream', 'Torgersen'] },
      { name: 'sex', value: ['FEMALE', 'MALE'] },
    ]);
    const byName = new Map(schema.feature.map((f) => [f.name, f]));
    expect(byName.get('species')).toEqual({
      name: 'species',
      type: 'BYTES',
      domain: 'species',
      presence: { minFraction: 1, minCount: '1' },
      shape: { dim: [{ size: '1' }] },
    });
    // Missing values: no minFraction, and a value count instead of a shape.
    expect(byName.get('sex')).toEqual({
      name: 'sex',
      type: 'BYTES',
      domain: 'sex',
      presence: { minCount: '1' },
      valueCount: { min: '1', max: '1' },
    });
    expect(byName.get('bill_length_mm')).toEqual({
      name: 'bill_length_mm',
      type: 'FLOAT',
      presence: { minCount: '1' },
      valueCount: { min: '1', max: '1' },
    });
    expect(byName.get('is_adult')?.boolDomain).toEqual({});
    // Numeric features never get bounds.
    expect(byName.get('year')).toEqual({
      name: 'year',
      type: 'INT',
      presence: { minFraction: 1, minCount: '1' },
      shape: { dim: [{ size: '1' }] },
    });
  });

  it('accepts a one-dataset list and rejects a list with several datasets', () => {
    expect(inferSchema({ datasets: [penguinsStats()] }).feature).toHaveLength(7);
    expect(() => inferSchema({ datasets: [penguinsStats('train'), penguinsStats('eval')] })).toThrow(
      expect.objectContaining({
        code: 'BAD_INPUT',
        details: expect.objectContaining({ found: 'train, eval' }),
      }),
    );
  });

  it('leaves large string features without a domain and honours maxStringDomainSize', () => {
    const counts = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`v${i}`, 2]));
    const stats = makeStats(10, [
      stringFeature('code', counts),
      stringFeature('id', { a: 1, b: 1 }, { unique: 500 }),
    ]);
    expect(inferSchema(stats).feature[0]?.domain).toBe('code');
    expect(inferSchema(stats, { maxStringDomainSize: 4 }).feature[0]?.domain).toBeUndefined();
    // A truncated rank histogram whose `unique` exceeds the limit gets no (incomplete) domain.
    expect(inferSchema(stats).feature[1]?.domain).toBeUndefined();
  });

  it('never-present features get minCount 0 and nothing else', () => {
    const stats = makeStats(5, [numericFeature('empty', { present: 0, missing: 5, min: 0, max: 0 })]);
    expect(inferSchema(stats).feature[0]).toEqual({
      name: 'empty',
      type: 'FLOAT',
      presence: { minCount: '0' },
    });
  });

  it('variable value counts give valueCount {min: 1}; inferFeatureShape=false gives a value count', () => {
    const stats = makeStats(4, [
      numericFeature('tags', { type: 'INT', present: 4, min: 0, max: 9, valueCounts: [1, 3] }),
      numericFeature('x', { present: 4, min: 0, max: 2 }),
    ]);
    expect(inferSchema(stats).feature[0]?.valueCount).toEqual({ min: '1' });
    expect(inferSchema(stats, { inferFeatureShape: false }).feature[1]).toEqual({
      name: 'x',
      type: 'FLOAT',
      presence: { minFraction: 1, minCount: '1' },
      valueCount: { min: '1', max: '1' },
    });
  });

  it('infers bool and int domains for strings the way TFDV does', () => {
    const stats = makeStats(6, [
      stringFeature('flag', { true: 4, false: 2 }),
      stringFeature('zip', { '02139': 3, '10001': 3 }),
      numericFeature('count', { type: 'INT', present: 6, min: 0, max: 7 }),
    ]);
    const [flag, zip, count] = inferSchema(stats).feature;
    expect(flag?.boolDomain).toEqual({ trueValue: 'true', falseValue: 'false' });
    expect(zip?.intDomain).toEqual({});
    expect(count?.boolDomain).toBeUndefined();
  });
});
