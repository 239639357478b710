import { describe, expect, it } from 'vitest';
import { HyperParameters } from './hyperparameters.js';
import { parseHyperParameters } from './parse-hyperparameters.js';

// What keras_tuner's `json.dumps(hp.get_config())` writes for the same declarations (key order included):
// Int keeps its raw default (null when unset), Float/Choice the effective one, Fixed has `value`, no default.
const KERAS_JSON = `{
  "space": [
    {"class_name": "Int", "config": {"name": "units", "default": null, "conditions": [], "min_value": 16, "max_value": 128, "step": 16, "sampling": "linear"}},
    {"class_name": "Int", "config": {"name": "batch", "default": 8, "conditions": [], "min_value": 2, "max_value": 32, "step": 2, "sampling": "log"}},
    {"class_name": "Float", "config": {"name": "lr", "default": 0.0001, "conditions": [], "min_value": 0.0001, "max_value": 0.01, "step": null, "sampling": "log"}},
    {"class_name": "Choice", "config": {"name": "act", "default": "relu", "conditions": [], "values": ["relu", "tanh"], "ordered": false}},
    {"class_name": "Boolean", "config": {"name": "bn", "default": false, "conditions": []}},
    {"class_name": "Fixed", "config": {"name": "opt", "conditions": [], "value": "adam"}},
    {"class_name": "Int", "config": {"name": "layers", "default": null, "conditions": [{"class_name": "Parent", "config": {"name": "act", "values": ["tanh"]}}], "min_value": 1, "max_value": 3, "step": 1, "sampling": "linear"}}
  ],
  "values": {"units": 64, "batch": 16, "lr": 0.003, "act": "tanh", "bn": true, "opt": "adam", "layers": 2, "tuner/epochs": 9}
}`;

function declared(): HyperParameters {
  const hps = new HyperParameters();
  hps.Int('units', 16, 128, { step: 16 });
  hps.Int('batch', 2, 32, { step: 2, sampling: 'log', default: 8 });
  hps.Float('lr', 1e-4, 1e-2, { sampling: 'log' });
  hps.Choice('act', ['relu', 'tanh']);
  hps.Boolean('bn');
  hps.Fixed('opt', 'adam');
  hps.Int('layers', 1, 3, { parentName: 'act', parentValues: ['tanh'] });
  return hps;
}

describe('get_config compatibility (TFX best_hyperparameters.txt)', () => {
  const values = {
    units: 64,
    batch: 16,
    lr: 0.003,
    act: 'tanh',
    bn: true,
    opt: 'adam',
    layers: 2,
    'tuner/epochs': 9,
  };

  it('getConfig writes Keras Tuner’s JSON, key order included', () => {
    const config = declared().withValues(values).getConfig();
    expect(JSON.stringify(config)).toBe(JSON.stringify(JSON.parse(KERAS_JSON)));
  });

  it('parses Keras Tuner’s JSON back to the same space and values', () => {
    const parsed = parseHyperParameters(KERAS_JSON, 'best_hyperparameters.txt');
    expect(parsed.space).toEqual(declared().space);
    expect(parsed.values).toEqual(values);
    expect(parsed.get('lr')).toBe(0.003);
    expect(JSON.stringify(parsed.getConfig())).toBe(JSON.stringify(JSON.parse(KERAS_JSON)));
  });

  it('a fresh space serializes its defaults as values (inactive conditionals left out)', () => {
    expect(declared().getConfig().values).toEqual({
      units: 16,
      batch: 8,
      lr: 1e-4,
      act: 'relu',
      bn: false,
      opt: 'adam',
    });
  });

  it('accepts integral floats where Python wrote 1.0 and ints where it wrote floats', () => {
    const parsed = parseHyperParameters({
      space: [
        {
          class_name: 'Float',
          config: {
            name: 'p',
            default: 0,
            conditions: [],
            min_value: 0,
            max_value: 1,
            step: null,
            sampling: 'linear',
          },
        },
      ],
      values: { p: 1.0 },
    });
    expect(parsed.values).toEqual({ p: 1 });
  });

  it('reports where a malformed file is wrong', () => {
    const cases: [unknown, string, string][] = [
      ['{"space": [', '', 'valid JSON'],
      [{ values: {} }, 'space', 'a list'],
      [
        { space: [{ class_name: 'Range', config: { name: 'x' } }], values: {} },
        'space[0].class_name',
        'Int | Float | Choice | Boolean | Fixed',
      ],
      [
        { space: [{ class_name: 'Int', config: { name: 'x', min_value: '1', max_value: 2 } }] },
        'space[0].config.min_value',
        'a number',
      ],
      [
        { space: [{ class_name: 'Int', config: { name: 'x', min_value: 3, max_value: 2 } }] },
        'space[0]',
        'min <= max',
      ],
      [{ space: [], values: { x: [1] } }, 'values.x', 'a number, string or boolean'],
    ];
    for (const [input, path, expected] of cases) {
      expect(() =>
        parseHyperParameters(typeof input === 'string' ? input : JSON.stringify(input), 'hp.json'),
      ).toThrow(
        expect.objectContaining({
          code: 'BAD_INPUT',
          details: expect.objectContaining({ file: 'hp.json', path, expected }),
        }),
      );
    }
  });
});
