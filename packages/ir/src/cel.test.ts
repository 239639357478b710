import { CtpipeError } from '@ctpipe/errors';
import { describe, expect, it } from 'vitest';
import { evaluateCondition } from './cel.js';

describe('evaluateCondition on what the KFP SDK writes', () => {
  it('compares a string output with a single-quoted literal', () => {
    const expr = "inputs.parameter_values['pipelinechannel--flip-coin-op-Output'] == 'heads'";
    expect(evaluateCondition(expr, { 'pipelinechannel--flip-coin-op-Output': 'heads' })).toBe(true);
    expect(evaluateCondition(expr, { 'pipelinechannel--flip-coin-op-Output': 'tails' })).toBe(false);
  });

  it('reads numbers as doubles and int() truncates them', () => {
    const expr = "int(inputs.parameter_values['pipelinechannel--generate-random-number-output']) > 5";
    expect(evaluateCondition(expr, { 'pipelinechannel--generate-random-number-output': 6 })).toBe(true);
    expect(evaluateCondition(expr, { 'pipelinechannel--generate-random-number-output': 5.9 })).toBe(false);
    expect(evaluateCondition(expr, { 'pipelinechannel--generate-random-number-output': '7' })).toBe(true);
  });

  it('compares booleans', () => {
    const expr = "inputs.parameter_values['pipelinechannel--add_drumroll'] == true";
    expect(evaluateCondition(expr, { 'pipelinechannel--add_drumroll': true })).toBe(true);
    expect(evaluateCondition(expr, { 'pipelinechannel--add_drumroll': false })).toBe(false);
  });

  it('handles negation, conjunction and double promotion as the compiler emits them', () => {
    const values = { 'pipelinechannel--a': 3, 'pipelinechannel--b': 0.2, 'pipelinechannel--v': 'pass' };
    const expr =
      "int(inputs.parameter_values['pipelinechannel--a']) >= 3 && inputs.parameter_values['pipelinechannel--b'] < 0.25";
    expect(evaluateCondition(expr, values)).toBe(true);
    expect(evaluateCondition("!(inputs.parameter_values['pipelinechannel--v'] == 'pass')", values)).toBe(
      false,
    );
    expect(
      evaluateCondition("double(int(inputs.parameter_values['pipelinechannel--a'])) <= 2.5", values),
    ).toBe(false);
    expect(
      evaluateCondition("inputs.parameter_values['pipelinechannel--v'] != 'pass' || (1 < 2)", values),
    ).toBe(true);
  });

  it('compares ints with doubles numerically and never equates different kinds', () => {
    expect(evaluateCondition("inputs.parameter_values['x'] == 2", { x: 2 })).toBe(true);
    expect(evaluateCondition("inputs.parameter_values['x'] == '2'", { x: 2 })).toBe(false);
    expect(evaluateCondition("inputs.parameter_values['x'] != '2'", { x: 2 })).toBe(true);
    expect(evaluateCondition("inputs.parameter_values['x'] > -1.5", { x: -1 })).toBe(true);
    expect(evaluateCondition('"b" > \'a\'', {})).toBe(true);
  });

  it('short-circuits && and ||', () => {
    expect(evaluateCondition("false && inputs.parameter_values['missing'] == 1", {})).toBe(false);
    expect(evaluateCondition("true || inputs.parameter_values['missing'] == 1", {})).toBe(true);
  });
});

describe('evaluateCondition errors', () => {
  const errorOf = (expr: string, values = {}) => {
    try {
      evaluateCondition(expr, values);
    } catch (err) {
      return err as CtpipeError;
    }
    throw new Error('expected an error');
  };

  it('names an undeclared parameter, the expression and the column', () => {
    const err = errorOf("inputs.parameter_values['x'] == 1 && inputs.parameter_values['y'] == 2", { x: 1 });
    expect(err).toBeInstanceOf(CtpipeError);
    expect(err.code).toBe('BAD_CONFIG');
    expect(err.message).toContain("undeclared parameter 'y'");
    expect(err.details.position).toBe(38);
    expect(err.details.expression).toContain("parameter_values['y']");
  });

  it('rejects syntax outside the subset with its position', () => {
    expect(errorOf("size(inputs.parameter_values['x']) > 1").message).toMatch(
      /undeclared reference to 'size' at column 1/,
    );
    expect(errorOf("inputs.parameter_values['x'] = 1", { x: 1 }).message).toMatch(
      /unexpected character '=' at column 30/,
    );
    expect(errorOf("inputs.parameter_values['x'] == 'open", { x: 1 }).message).toMatch(/unterminated string/);
    expect(errorOf("inputs.values['x']").message).toMatch(/expected 'parameter_values'/);
    expect(errorOf('(1 < 2').message).toMatch(/expected '\)'/);
    expect(errorOf('1 < 2 3').message).toMatch(/unexpected number 3 at column 7/);
  });

  it('rejects type errors at run time', () => {
    expect(errorOf("inputs.parameter_values['x'] < 'a'", { x: 1 }).message).toMatch(
      /no '<' between a double and a string/,
    );
    expect(errorOf("int(inputs.parameter_values['x']) == 1", { x: 'one' }).message).toMatch(
      /int\(\) cannot convert/,
    );
    expect(errorOf("inputs.parameter_values['x']", { x: 1 }).message).toMatch(/not a bool/);
    expect(errorOf("!inputs.parameter_values['x']", { x: 1 }).message).toMatch(/'!' needs a bool/);
  });
});
