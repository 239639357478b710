import { describe, expect, it } from 'vitest';
import { HyperParameters } from './hyperparameters.js';
import { RandomValues } from './internal/random-values.js';
import { allValues, probToValue, valueToProb } from './internal/sampling.js';

const only = (build: (hp: HyperParameters) => unknown) => {
  const hps = new HyperParameters();
  build(hps);
  return hps.space[0]!;
};

describe('sampling each hyperparameter type (Keras Tuner prob_to_value)', () => {
  it('Int 2..32 step 2 with log sampling takes the powers of two', () => {
    const hp = only((h) => h.Int('batch', 2, 32, { step: 2, sampling: 'log' }));
    expect(allValues(hp)).toEqual([2, 4, 8, 16, 32]);
    const drawn = new Set(Array.from({ length: 200 }, (_, i) => probToValue(hp, i / 200)));
    expect([...drawn].sort((a, b) => Number(a) - Number(b))).toEqual([2, 4, 8, 16, 32]);
  });

  it('Int linear steps stop at the last value on the grid; default step is 1', () => {
    expect(allValues(only((h) => h.Int('n', 6, 13, { step: 3 })))).toEqual([6, 9, 12]);
    expect(allValues(only((h) => h.Int('n', 1, 4)))).toEqual([1, 2, 3, 4]);
  });

  it('Float log steps multiply; a linear 0.1 step keeps Python float // (10 values in [0, 1])', () => {
    expect(allValues(only((h) => h.Float('lr', 0.001, 10, { step: 10, sampling: 'log' })))).toEqual([
      0.001, 0.01, 0.1, 1, 10,
    ]);
    expect(allValues(only((h) => h.Float('p', 0, 1, { step: 0.1 })))).toHaveLength(10);
  });

  it('continuous log and reverse_log ranges map a draw as Keras does (values from python3)', () => {
    const flog = only((h) => h.Float('a', 1e-4, 1e-1, { sampling: 'log' }));
    const frev = only((h) => h.Float('b', 1e-4, 1e-1, { sampling: 'reverse_log' }));
    const ilog = only((h) => h.Int('c', 1, 100, { sampling: 'log' }));
    const irev = only((h) => h.Int('d', 1, 100, { sampling: 'reverse_log' }));
    expect([
      probToValue(flog, 0.5),
      probToValue(frev, 0.5),
      probToValue(ilog, 0.7),
      probToValue(irev, 0.7),
    ]).toEqual([0.0031622776601683794, 0.09693772233983163, 25, 98]);
  });

  it('Choice splits [0,1) into equal buckets; Boolean at 0.5; Fixed always its value', () => {
    const choice = only((h) => h.Choice('act', ['relu', 'tanh', 'gelu']));
    expect([0, 0.34, 0.67, 0.9999].map((p) => probToValue(choice, p))).toEqual([
      'relu',
      'tanh',
      'gelu',
      'gelu',
    ]);
    const flag = only((h) => h.Boolean('bn'));
    expect([probToValue(flag, 0.49), probToValue(flag, 0.5)]).toEqual([false, true]);
    expect(
      probToValue(
        only((h) => h.Fixed('opt', 'adam')),
        0.3,
      ),
    ).toBe('adam');
  });

  it('value_to_prob lands inside the value’s own bucket, so the round trip is the identity', () => {
    const hps = new HyperParameters();
    hps.Int('units', 16, 128, { step: 16 });
    hps.Int('batch', 2, 32, { step: 2, sampling: 'log' });
    hps.Float('drop', 0, 0.5, { step: 0.1 });
    hps.Choice('act', ['relu', 'tanh', 'gelu']);
    hps.Boolean('bn');
    for (const hp of hps.space) {
      for (const v of allValues(hp)!) expect(probToValue(hp, valueToProb(hp, v))).toBe(v);
    }
  });

  it('random draws equal Keras Tuner’s for the same seed (random.Random(seed_state) per value)', () => {
    const hps = new HyperParameters();
    hps.Int('units', 16, 128, { step: 16 });
    hps.Float('lr', 1e-4, 1e-2, { sampling: 'log' });
    hps.Choice('act', ['relu', 'tanh', 'gelu']);
    hps.Boolean('bn');
    hps.Int('batch', 8, 256, { sampling: 'log' });
    hps.Float('dropout', 0, 0.5, { step: 0.1 });
    hps.Fixed('opt', 'adam');
    const random = new RandomValues(hps.space, 42);
    const draws = Array.from({ length: 4 }, () => random.next(new Set()));
    // Printed by a python3 re-implementation of keras_tuner's _random_values / prob_to_value.
    expect(draws).toEqual([
      {
        units: 96,
        lr: 0.00011942731780421024,
        act: 'tanh',
        bn: false,
        batch: 174,
        dropout: 0.1,
        opt: 'adam',
      },
      { units: 16, lr: 0.0009887195863122636, act: 'relu', bn: true, batch: 68, dropout: 0.4, opt: 'adam' },
      {
        units: 128,
        lr: 0.00012165541012624621,
        act: 'tanh',
        bn: false,
        batch: 23,
        dropout: 0.2,
        opt: 'adam',
      },
      {
        units: 64,
        lr: 0.0008960175671873151,
        act: 'tanh',
        bn: false,
        batch: 10,
        dropout: 0.30000000000000004,
        opt: 'adam',
      },
    ]);
  });
});

describe('HyperParameters (define-by-run like keras_tuner.HyperParameters)', () => {
  it('returns defaults when fresh and the assigned values in a trial copy', () => {
    const declare = (hp: HyperParameters) => ({
      units: hp.Int('units', 16, 128, { step: 16 }),
      lr: hp.Float('lr', 1e-4, 1e-2, { sampling: 'log', default: 1e-3 }),
      act: hp.Choice('act', ['relu', 'tanh']),
      bn: hp.Boolean('bn', { default: true }),
    });
    const space = new HyperParameters();
    expect(declare(space)).toEqual({ units: 16, lr: 1e-3, act: 'relu', bn: true });
    const trial = space.withValues({ units: 64, lr: 0.005, act: 'tanh', bn: false });
    expect(declare(trial)).toEqual({ units: 64, lr: 0.005, act: 'tanh', bn: false });
    expect(trial.space).toHaveLength(4);
  });

  it('keeps the first declaration of a name', () => {
    const hps = new HyperParameters();
    hps.Int('units', 1, 4);
    expect(hps.Int('units', 100, 200)).toBe(1);
    expect(hps.space).toHaveLength(1);
  });

  it('samples a conditional hyperparameter only when its parent has a listed value', () => {
    const hps = new HyperParameters();
    hps.Choice('model', ['linear', 'dnn']);
    hps.Int('layers', 1, 4, { parentName: 'model', parentValues: ['dnn'] });
    expect(hps.values).toEqual({ model: 'linear' });
    const random = new RandomValues(hps.space, 7);
    const draws = Array.from({ length: 30 }, () => random.next(new Set()));
    for (const d of draws) expect('layers' in d!).toBe(d!.model === 'dnn');
    expect(draws.some((d) => d!.model === 'dnn')).toBe(true);
  });

  it('get() throws NOT_FOUND for a name without a value', () => {
    expect(() => new HyperParameters().get('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('rejects invalid definitions with BAD_CONFIG and what was expected', () => {
    const hps = new HyperParameters();
    const bad: [() => unknown, string][] = [
      [() => hps.Int('a', 5, 1), 'min <= max'],
      [() => hps.Float('b', 0, 1, { sampling: 'log' }), 'min > 0'],
      [() => hps.Int('c', 2, 32, { step: 1, sampling: 'log' }), 'step > 1'],
      [() => hps.Int('d', 0, 1.5), 'an integer'],
      [() => hps.Choice('e', [1, 'x'] as (number | string)[]), 'only number values'],
      [() => hps.Choice('f', ['x', 'y'], { default: 'z' }), '["x","y"]'],
      [() => hps.Choice('g', ['x'], { ordered: true }), 'ordered: false'],
      [() => hps.Choice('h', []), 'a non-empty list'],
    ];
    for (const [define, expected] of bad) {
      expect(define).toThrow(
        expect.objectContaining({ code: 'BAD_CONFIG', details: expect.objectContaining({ expected }) }),
      );
    }
    expect(hps.space).toEqual([]);
  });
});
