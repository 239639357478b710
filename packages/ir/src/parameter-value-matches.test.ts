import { describe, expect, it } from 'vitest';
import { parameterValueMatches } from './parameter-value-matches.js';
import type { JsonValue, ParameterType } from './pipeline-spec.js';

const SAMPLES: Record<string, JsonValue> = {
  string: 'penguins',
  emptyString: '',
  integer: 3,
  double: 0.25,
  unsafeInteger: 2 ** 53,
  boolean: false,
  list: [1, 'a'],
  struct: { a: 1 },
  null: null,
};

function matching(type: ParameterType): string[] {
  return Object.entries(SAMPLES)
    .filter(([, value]) => parameterValueMatches(type, value))
    .map(([name]) => name);
}

describe('parameterValueMatches', () => {
  it.each<[ParameterType, string[]]>([
    ['STRING', ['string', 'emptyString']],
    ['NUMBER_INTEGER', ['integer']],
    ['NUMBER_DOUBLE', ['integer', 'double', 'unsafeInteger']],
    ['BOOLEAN', ['boolean']],
    ['LIST', ['list']],
    ['STRUCT', ['struct']],
    ['PARAMETER_TYPE_ENUM_UNSPECIFIED', Object.keys(SAMPLES)],
    ['TASK_FINAL_STATUS', []],
    ['TASK_CONFIG', []],
  ])('%s accepts exactly %j', (type, expected) => {
    expect(matching(type)).toEqual(expected);
  });

  it('rejects non-finite numbers as NUMBER_DOUBLE', () => {
    expect(parameterValueMatches('NUMBER_DOUBLE', Number.NaN)).toBe(false);
    expect(parameterValueMatches('NUMBER_DOUBLE', Number.POSITIVE_INFINITY)).toBe(false);
  });
});
