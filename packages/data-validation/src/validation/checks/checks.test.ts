import { describe, expect, it } from 'vitest';
import { numericFeature, stringFeature } from '../../../test/stats-fixtures.js';
import { checkBoolDomain } from './bool-domain.js';
import { checkFloatDomain } from './float-domain.js';
import { checkIntDomain } from './int-domain.js';
import { checkPresence } from './presence.js';
import { checkStringDomain } from './string-domain.js';
import { checkShape, checkValueCount } from './value-count.js';

const types = (reasons: { type: string }[]) => reasons.map((r) => r.type);

describe('presence', () => {
  const stats = numericFeature('x', { present: 90, missing: 10, min: 0, max: 1 });

  it('flags too few examples by count and by fraction', () => {
    expect(checkPresence(stats, { minCount: '100' }, 100)).toEqual([
      {
        type: 'FEATURE_TYPE_LOW_NUMBER_PRESENT',
        shortDescription: 'Column dropped',
        description:
          'The feature was present in fewer examples than expected: minimum count = 100, actual = 90',
      },
    ]);
    expect(checkPresence(stats, { minFraction: 0.95 }, 100)).toEqual([
      {
        type: 'FEATURE_TYPE_LOW_FRACTION_PRESENT',
        shortDescription: 'Column dropped',
        description:
          'The feature was present in fewer examples than expected: minimum fraction = 0.950000, actual = 0.900000',
      },
    ]);
  });

  it('flags any missing value when min_fraction is 1, even if the fraction rounds to 1', () => {
    const almost = numericFeature('x', { present: 1e17, missing: 1, min: 0, max: 1 });
    expect(checkPresence(almost, { minFraction: 1 }, 1e17 + 1)[0]?.description).toBe(
      'The feature was expected everywhere, but was missing in 1 examples.',
    );
  });

  it('accepts data meeting the constraints', () => {
    expect(checkPresence(stats, { minCount: '1', minFraction: 0.9 }, 100)).toEqual([]);
  });
});

describe('value count and shape', () => {
  const variable = numericFeature('tags', { present: 10, min: 0, max: 1, valueCounts: [0, 4] });

  it('flags too few and too many values per example', () => {
    expect(checkValueCount(variable, { min: '1', max: '3' })).toEqual([
      {
        type: 'FEATURE_TYPE_LOW_NUMBER_VALUES',
        shortDescription: 'Missing values',
        description: 'Some examples have fewer values than expected.',
      },
      {
        type: 'FEATURE_TYPE_HIGH_NUMBER_VALUES',
        shortDescription: 'Superfluous values',
        description: 'Some examples have more values than expected.',
      },
    ]);
    expect(checkValueCount(variable, { min: '0', max: '4' })).toEqual([]);
  });

  it('drops a shape when values vary, are missing, or have another fixed length', () => {
    expect(types(checkShape(variable, { dim: [{ size: '1' }] }))).toEqual(['INVALID_FEATURE_SHAPE']);
    const pairs = numericFeature('xy', { present: 10, min: 0, max: 1, valueCounts: [2, 2] });
    expect(checkShape(pairs, { dim: [{ size: '3' }] })[0]?.description).toBe(
      "The feature has fixed value length 2 but it's not compatible with the specified shape.",
    );
    expect(checkShape(pairs, { dim: [{ size: '2' }] })).toEqual([]);
    expect(
      types(
        checkShape(numericFeature('m', { present: 9, missing: 1, min: 0, max: 1 }), { dim: [{ size: '1' }] }),
      ),
    ).toEqual(['INVALID_FEATURE_SHAPE']);
  });
});

describe('string domain', () => {
  const stats = stringFeature('species', { Adelie: 60, Gentoo: 30, Emperor: 9, 'Little "blue"': 1 });
  const domain = { name: 'species', value: ['Adelie', 'Gentoo'] };

  it('lists unexpected values in order with their share, as TFDV does', () => {
    expect(checkStringDomain(stats, domain, undefined)).toEqual([
      {
        type: 'ENUM_TYPE_UNEXPECTED_STRING_VALUES',
        shortDescription: 'Unexpected string values',
        description:
          'Examples contain values missing from the schema: Emperor (~9%), Little \\"blue\\" (~1%). ',
      },
    ]);
  });

  it('tolerates off-domain mass up to 1 − minDomainMass', () => {
    expect(checkStringDomain(stats, domain, 0.89)).toEqual([]);
    expect(types(checkStringDomain(stats, domain, 0.95))).toEqual(['ENUM_TYPE_UNEXPECTED_STRING_VALUES']);
    expect(
      checkStringDomain(
        stats,
        { ...domain, value: [...domain.value, 'Emperor', 'Little "blue"'] },
        undefined,
      ),
    ).toEqual([]);
  });

  it('writes <1% for rare values', () => {
    const rare = stringFeature('s', { a: 999, b: 1 });
    expect(checkStringDomain(rare, { name: 's', value: ['a'] }, undefined)[0]?.description).toContain(
      'b (<1%)',
    );
  });
});

describe('int domain', () => {
  const stats = numericFeature('year', { type: 'INT', present: 10, min: 2005, max: 2012 });

  it('flags values below min and above max', () => {
    expect(checkIntDomain(stats, { min: '2007', max: '2010' })).toEqual([
      {
        type: 'INT_TYPE_SMALL_INT',
        shortDescription: 'Out-of-range values',
        description: 'Unexpectedly small value: 2005.',
      },
      {
        type: 'INT_TYPE_BIG_INT',
        shortDescription: 'Out-of-range values',
        description: 'Unexpectedly large value: 2012.',
      },
    ]);
    expect(checkIntDomain(stats, { min: '2005', max: '2012' })).toEqual([]);
    expect(checkIntDomain(stats, {})).toEqual([]);
  });

  it('reads string features as integers and flags strings that are not', () => {
    expect(types(checkIntDomain(stringFeature('zip', { '02139': 1, '99999': 1 }), { max: '50000' }))).toEqual(
      ['INT_TYPE_BIG_INT'],
    );
    expect(checkIntDomain(stringFeature('zip', { '02139': 1, 'N/A': 1 }), {})[0]?.description).toBe(
      'String values that were not ints were found, such as "N/A".',
    );
  });
});

describe('float domain', () => {
  const stats = numericFeature('mass', { present: 10, min: -0.5, max: 7000.25, numNan: 2 });

  it('flags out-of-range values, NaN and Inf when disallowed', () => {
    expect(checkFloatDomain(stats, { min: 0, max: 6500, disallowNan: true })).toEqual([
      {
        type: 'FLOAT_TYPE_HAS_NAN',
        shortDescription: 'Invalid values',
        description: 'Float feature has NaN values.',
      },
      {
        type: 'FLOAT_TYPE_SMALL_FLOAT',
        shortDescription: 'Out-of-range values',
        description: 'Unexpectedly low values: -0.5<0(upto six significant digits)',
      },
      {
        type: 'FLOAT_TYPE_BIG_FLOAT',
        shortDescription: 'Out-of-range values',
        description: 'Unexpectedly high value: 7000.25>6500(upto six significant digits)',
      },
    ]);
    const infinite = numericFeature('m', { present: 3, min: 0, max: Infinity });
    expect(types(checkFloatDomain(infinite, { disallowInf: true }))).toEqual(['FLOAT_TYPE_HAS_INF']);
  });

  it('accepts data inside the domain, NaNs when allowed', () => {
    expect(checkFloatDomain(stats, { min: -1, max: 7001 })).toEqual([]);
  });

  it('flags strings that are not floats', () => {
    expect(types(checkFloatDomain(stringFeature('s', { '1.5': 1, abc: 1 }), {}))).toEqual([
      'FLOAT_TYPE_STRING_NOT_FLOAT',
    ]);
  });
});

describe('bool domain', () => {
  it('flags ints outside {0, 1}', () => {
    expect(checkBoolDomain(numericFeature('b', { type: 'INT', present: 5, min: 0, max: 2 }), {})).toEqual([
      {
        type: 'BOOL_TYPE_BIG_INT',
        shortDescription: 'Non-boolean values',
        description: 'Integers (such as 2) not in {0, 1}: converting to an integer.',
      },
    ]);
    expect(
      types(checkBoolDomain(numericFeature('b', { type: 'INT', present: 5, min: -1, max: 1 }), {})),
    ).toEqual(['BOOL_TYPE_SMALL_INT']);
    expect(checkBoolDomain(numericFeature('b', { type: 'INT', present: 5, min: 0, max: 1 }), {})).toEqual([]);
  });

  it('flags floats that cannot be 0/1 and strings other than the declared values', () => {
    expect(types(checkBoolDomain(numericFeature('f', { present: 5, min: 0, max: 0.5 }), {}))).toEqual([
      'BOOL_TYPE_UNEXPECTED_FLOAT',
    ]);
    expect(
      checkBoolDomain(stringFeature('s', { yes: 2, no: 1 }), { trueValue: 'yes', falseValue: 'no' }),
    ).toEqual([]);
    expect(
      checkBoolDomain(stringFeature('s', { yes: 2, maybe: 1 }), { trueValue: 'yes', falseValue: 'no' })[0]
        ?.description,
    ).toBe('Saw unexpected value "maybe" instead of {"no", "yes"}.');
  });
});
