import { describe, expect, it } from 'vitest';
import { hyperbandSchedule } from './hyperband-schedule.js';
import { HyperParameters } from './hyperparameters.js';
import { plannedHyperbandTrials } from './internal/hyperband-oracle.js';
import { Hyperband } from './oracle-spec.js';
import { runSearch } from './search.js';
import type { Trial } from './trial.js';

// keras_tuner HyperbandOracle for max_epochs=27, factor=3, computed from its formulas with python3:
// brackets = 4 (27 → 9 → 3 → 1 ≥ min_epochs), bracket0_end_size = ceil(1 + log_3 27) = 4,
// size(b, r) = ceil(4 / (b + 1) · 3^(b − r)), epochs(b, r) = ceil(27 / 3^(b − r)).
const KERAS_27_3 = [
  {
    bracket: 3,
    rounds: [
      [27, 1],
      [9, 3],
      [3, 9],
      [1, 27],
    ],
  },
  {
    bracket: 2,
    rounds: [
      [12, 3],
      [4, 9],
      [2, 27],
    ],
  },
  {
    bracket: 1,
    rounds: [
      [6, 9],
      [2, 27],
    ],
  },
  { bracket: 0, rounds: [[4, 27]] },
];

describe('Hyperband brackets', () => {
  it('equal Keras Tuner’s schedule for max_epochs=27, factor=3', () => {
    const schedule = hyperbandSchedule(27, 3).map((b) => ({
      bracket: b.bracket,
      rounds: b.rounds.map((r) => [r.trials, r.epochs]),
    }));
    expect(schedule).toEqual(KERAS_27_3);
    expect(plannedHyperbandTrials({ maxEpochs: 27, factor: 3, hyperbandIterations: 2 })).toBe(140);
  });

  it('use an exact log for powers of the factor (glibc: math.log(9, 3) == 2.0)', () => {
    expect(hyperbandSchedule(9, 3).map((b) => b.rounds.map((r) => r.trials))).toEqual([
      [9, 3, 1],
      [5, 2],
      [3],
    ]);
  });
});

describe('the Hyperband oracle run sequentially', () => {
  const space = new HyperParameters();
  space.Float('x', 0, 10);

  it('trains round by round, promoting the best of each round with a warm start', async () => {
    const seen: Trial[] = [];
    const result = await runSearch({
      space,
      oracle: Hyperband({ maxEpochs: 27, factor: 3 }),
      objective: { name: 'score', direction: 'max' },
      seed: 3,
      parallelism: 1,
      trial: async (trial) => {
        seen.push(trial);
        // Longer training helps; x near 3 is best.
        return {
          score: -((Number(trial.values.x) - 3) ** 2) + Math.log((trial.epochs ?? 1) + 1),
          metrics: {},
        };
      },
    });
    expect(seen).toHaveLength(70);
    const epochsInOrder = seen.map((t) => t.epochs);
    const expected = KERAS_27_3.flatMap((b) => b.rounds.flatMap(([n, e]) => Array(n).fill(e)));
    expect(epochsInOrder).toEqual(expected);

    // Bracket 3, round 1 (trials 27..35): the 9 best of round 0, best first, each continuing from epoch 1.
    const byId = new Map(seen.map((t) => [t.id, t]));
    const round0 = seen.slice(0, 27);
    const ranked = [...round0].sort((a, b) => (Number(a.values.x) - 3) ** 2 - (Number(b.values.x) - 3) ** 2);
    const round1 = seen.slice(27, 36);
    expect(round1.map((t) => t.warmStartFrom)).toEqual(ranked.slice(0, 9).map((t) => t.id));
    for (const t of round1) {
      expect(t.initialEpoch).toBe(1);
      expect(t.values.x).toBe(byId.get(t.warmStartFrom!)!.values.x);
      expect(t.values['tuner/trial_id']).toBe(t.warmStartFrom);
    }
    expect(round0.every((t) => t.initialEpoch === 0 && t.warmStartFrom === undefined)).toBe(true);
    // Ids are 4 digits: Keras formats with len(str(max_trials)) and Hyperband has max_trials=None.
    expect(seen[0]!.id).toBe('0000');
    expect(result.best.values['tuner/epochs']).toBe(27);
  });

  it('stops at maxTrials when one is given', async () => {
    const result = await runSearch({
      space,
      oracle: Hyperband({ maxEpochs: 9 }),
      objective: 'loss',
      seed: 1,
      parallelism: 1,
      maxTrials: 5,
      trial: async (t) => ({ metrics: { loss: [Number(t.values.x)] } }),
    });
    expect(result.trials.map((t) => t.trialId)).toEqual(['0', '1', '2', '3', '4']);
  });
});
