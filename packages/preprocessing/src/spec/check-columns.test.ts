import { describe, expect, it } from 'vitest';
import { caught } from '../../test/graph-fixture.js';
import { cross, oneHot, vocabulary } from '../builders/categorical.js';
import { definePreprocessing } from '../builders/define.js';
import { classLabel } from '../builders/label.js';
import { bucketize, fillMissing, numeric } from '../builders/numeric.js';
import { checkRawColumns, type RawColumn } from './check-columns.js';

const columns: RawColumn[] = [
  { name: 'Beak Length (mm)', rawType: 'number', sourceType: 'DOUBLE' },
  { name: 'Island', rawType: 'string', sourceType: 'VARCHAR' },
  { name: 'Species', rawType: 'string', sourceType: 'VARCHAR' },
  { name: 'Seen', rawType: undefined, sourceType: 'DATE' },
];

describe('checkRawColumns', () => {
  it('returns the raw input signature in order of first use, the label apart', () => {
    const spec = definePreprocessing({
      features: {
        island: oneHot(vocabulary('Island')),
        beak: numeric('Beak Length (mm)', fillMissing('mean')),
        cross: oneHot(cross('Island', bucketize('Beak Length (mm)', 3), { hashBuckets: 4 })),
      },
      label: classLabel('Species'),
    });
    expect(checkRawColumns(spec, columns, 'the train split')).toEqual({
      rawFeatures: [
        { name: 'Island', type: 'string' },
        { name: 'Beak Length (mm)', type: 'number' },
      ],
      label: { name: 'Species', type: 'string' },
    });
  });

  it('an unknown raw column is BAD_CONFIG naming the feature and the column', () => {
    const spec = definePreprocessing({ features: { beak: numeric('Beak Len', fillMissing('mean')) } });
    const err = caught(() => checkRawColumns(spec, columns, 'the train split'));
    expect(err.code).toBe('BAD_CONFIG');
    expect(err.details).toMatchObject({ feature: 'beak', column: 'Beak Len' });
    expect(err.message).toContain("feature 'beak': raw column 'Beak Len' is not in the train split");
  });

  it('a wrong type is BAD_CONFIG saying what was expected and found', () => {
    const numericOnString = definePreprocessing({ features: { island: numeric('Island') } });
    expect(caught(() => checkRawColumns(numericOnString, columns, 'the data')).details).toEqual({
      feature: 'island',
      column: 'Island',
      expected: 'number',
      found: 'string (VARCHAR)',
    });
    const vocabularyOnNumber = definePreprocessing({
      features: { b: oneHot(vocabulary('Beak Length (mm)')) },
    });
    expect(caught(() => checkRawColumns(vocabularyOnNumber, columns, 'the data')).details).toMatchObject({
      feature: 'b',
      expected: 'string',
      found: 'number (DOUBLE)',
    });
    const date = definePreprocessing({ features: { seen: oneHot(vocabulary('Seen')) } });
    expect(caught(() => checkRawColumns(date, columns, 'the data')).details.found).toBe('unsupported (DATE)');
  });

  it('the label column cannot also be a feature', () => {
    const spec = definePreprocessing({
      features: { species: oneHot(vocabulary('Species')) },
      label: classLabel('Species'),
    });
    expect(caught(() => checkRawColumns(spec, columns, 'the data')).details).toMatchObject({
      feature: 'species',
      column: 'Species',
    });
  });
});
