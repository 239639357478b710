import { describe, expect, it } from 'vitest';
import type { HpValue } from '../hyperparameter.js';
import { HyperParameters } from '../hyperparameters.js';
import { createHyperbandOracle } from './hyperband-oracle.js';
import type { OracleView, ViewTrial } from './oracle.js';

function oracle() {
  const hps = new HyperParameters();
  hps.Float('x', 0, 1);
  return createHyperbandOracle(
    { space: hps.space, objective: { name: 'loss', direction: 'min' }, seed: 1 },
    { maxEpochs: 3, factor: 3, hyperbandIterations: 1 },
  );
}

describe('the Hyperband oracle on partial results (parallel trials)', () => {
  // maxEpochs 3, factor 3: bracket 1 = 3 models × 1 epoch, then the best 1 × 3 epochs; bracket 0 = 2 × 3.
  it('opens the next bracket instead of waiting for results, and waits only once every bracket is created', () => {
    const o = oracle();
    const trials: ViewTrial[] = [];
    const propose = (visible: number) => {
      const view: OracleView = {
        nextId: String(trials.length),
        trials: trials.map((t, i) => (i < visible ? t : { ...t, state: 'PENDING', score: null })),
      };
      return o.propose(view);
    };
    const add = (values: Record<string, HpValue>, score: number) =>
      trials.push({ id: String(trials.length), values, state: 'COMPLETED', score });

    for (let i = 0; i < 3; i++) {
      const p = propose(trials.length);
      expect(p).toMatchObject({ kind: 'trial', values: { 'tuner/epochs': 1, 'tuner/bracket': 1 } });
      if (p.kind === 'trial') add(p.values, [0.5, 0.2, 0.9][i]!);
    }
    // Only 2 of round 0's 3 results visible: not enough to promote one (needs > 3 − 1), so bracket 0 opens.
    const early = propose(2);
    expect(early).toMatchObject({
      kind: 'trial',
      values: { 'tuner/epochs': 3, 'tuner/bracket': 0, 'tuner/round': 0 },
    });
    if (early.kind === 'trial') add(early.values, 0.3);
    // With round 0 complete, the older bracket's promotion comes first: the best (trial 1) continues.
    const promoted = propose(3);
    expect(promoted).toMatchObject({
      kind: 'trial',
      values: {
        'tuner/trial_id': '1',
        'tuner/initial_epoch': 1,
        'tuner/epochs': 3,
        'tuner/round': 1,
        x: trials[1]!.values.x,
      },
    });
    if (promoted.kind === 'trial') add(promoted.values, 0.1);
    const last = propose(4);
    expect(last).toMatchObject({ kind: 'trial', values: { 'tuner/bracket': 0, 'tuner/round': 0 } });
    if (last.kind === 'trial') add(last.values, 0.4);
    // Every bracket is created and this is the last iteration: wait while results are missing, then stop.
    expect(propose(5)).toEqual({ kind: 'wait' });
    expect(propose(trials.length)).toEqual({ kind: 'stop' });
  });
});
