import { describe, expect, it } from 'vitest';
import { smallSpec } from '../test/small-spec.js';
import { typeParameterValues } from './parameter-values.js';

describe('typeParameterValues', () => {
  it('parses command-line strings by the declared parameterType', () => {
    expect(
      typeParameterValues(smallSpec(), {
        epochs: '20',
        learning_rate: '0.005',
        tune: 'true',
        split_ratios: '{"train": 4, "eval": 1}',
        features: '["bill_length_mm", "flipper_length_mm"]',
        input_pattern: '42',
        tuner: 'bayesian',
      }),
    ).toEqual({
      epochs: 20,
      learning_rate: 0.005,
      tune: true,
      split_ratios: { train: 4, eval: 1 },
      features: ['bill_length_mm', 'flipper_length_mm'],
      input_pattern: '42',
      tuner: 'bayesian',
    });
  });

  it('keeps values that already have the type', () => {
    expect(typeParameterValues(smallSpec(), { epochs: 7, tune: false })).toEqual({ epochs: 7, tune: false });
  });

  it('names an unknown parameter and the declared ones', () => {
    expect(() => typeParameterValues(smallSpec(), { epoch: '3' })).toThrowError(
      expect.objectContaining({
        code: 'BAD_INPUT',
        message:
          "pipeline penguins-ct has no parameter 'epoch'; it declares input_pattern, epochs, learning_rate, tune, " +
          'split_ratios, features, tuner',
      }),
    );
  });

  it.each([
    ['epochs', '2.5', 'a whole number (NUMBER_INTEGER)'],
    ['epochs', 'ten', 'a whole number (NUMBER_INTEGER)'],
    ['learning_rate', '', 'a number (NUMBER_DOUBLE)'],
    ['tune', 'yes', 'true or false (BOOLEAN)'],
    ['split_ratios', '[1,2]', 'a JSON object (STRUCT)'],
    ['features', 'a,b', 'a JSON array (LIST)'],
  ])('rejects %s=%j as not %s', (name, value, expected) => {
    expect(() => typeParameterValues(smallSpec(), { [name]: value })).toThrowError(
      expect.objectContaining({
        code: 'BAD_INPUT',
        message: `parameter '${name}' is ${expected}, got ${JSON.stringify(value)}`,
        details: expect.objectContaining({ parameter: name, expected }),
      }),
    );
  });

  it('rejects a number for a STRING parameter and a value outside the literals', () => {
    expect(() => typeParameterValues(smallSpec(), { input_pattern: 3 })).toThrowError(
      expect.objectContaining({
        code: 'BAD_INPUT',
        details: expect.objectContaining({ expected: 'a string (STRING)' }),
      }),
    );
    expect(() => typeParameterValues(smallSpec(), { tuner: 'hyperband' })).toThrowError(
      expect.objectContaining({ message: `parameter 'tuner' must be one of "random" | "bayesian"` }),
    );
  });
});
