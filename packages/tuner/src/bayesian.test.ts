import { describe, expect, it } from 'vitest';
import { HyperParameters } from './hyperparameters.js';
import { BayesianOptimization, type OracleSpec, RandomSearch } from './oracle-spec.js';
import { runSearch } from './search.js';
import type { TrialFunction } from './trial.js';

const objective = { name: 'score', direction: 'max' } as const;

async function regret(oracle: OracleSpec, space: HyperParameters, trial: TrialFunction, seed: number) {
  const result = await runSearch({ space, oracle, objective, seed, parallelism: 1, trial });
  return -result.best.score;
}

describe('BayesianOptimization', () => {
  it('finds the optimum of a smooth 2-D function far better than random search, seed after seed', async () => {
    const space = new HyperParameters();
    space.Float('x', 0, 1);
    space.Float('y', -2, 2);
    const trial: TrialFunction = async (t) => ({
      score: -((Number(t.values.x) - 0.3) ** 2) - 0.5 * (Number(t.values.y) - 0.7) ** 2,
      metrics: {},
    });
    // Seeds far apart: Keras-style seeding draws value k of a search from random.Random(seed + k).
    const seeds = [1, 1001, 2001, 3001, 4001];
    const bayes: number[] = [];
    const random: number[] = [];
    for (const seed of seeds) {
      bayes.push(await regret(BayesianOptimization({ maxTrials: 20 }), space, trial, seed));
      random.push(await regret(RandomSearch({ maxTrials: 20 }), space, trial, seed));
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(bayes)).toBeLessThan(mean(random) / 5);
    expect(bayes.filter((b, i) => b < random[i]!).length).toBeGreaterThanOrEqual(4);
  });

  it('homes in on the optimum of a 1-D function after its random start', async () => {
    const space = new HyperParameters();
    space.Float('x', 0, 10);
    const xs: number[] = [];
    const result = await runSearch({
      space,
      oracle: BayesianOptimization({ maxTrials: 12 }),
      objective,
      seed: 5,
      parallelism: 1,
      trial: async (t) => {
        xs.push(Number(t.values.x));
        return { score: -((Number(t.values.x) - 3) ** 2), metrics: {} };
      },
    });
    expect(Math.abs(Number(result.best.values.x) - 3)).toBeLessThan(0.05);
    // After the 3 random initial points, most proposals are already close.
    expect(xs.slice(3).filter((x) => Math.abs(x - 3) < 0.5).length).toBeGreaterThanOrEqual(6);
  });

  it('never proposes a set of values twice, even on a tiny discrete space', async () => {
    const space = new HyperParameters();
    space.Int('units', 1, 4);
    space.Boolean('bn');
    const result = await runSearch({
      space,
      oracle: BayesianOptimization({ maxTrials: 8, numInitialPoints: 2 }),
      objective,
      seed: 11,
      parallelism: 2,
      trial: async (t) => ({ score: Number(t.values.units) + (t.values.bn ? 0.5 : 0), metrics: {} }),
    });
    const keys = result.trials.map((t) => JSON.stringify(t.values));
    expect(new Set(keys).size).toBe(keys.length);
    expect(result.trials).toHaveLength(8);
    expect(result.best.values).toEqual({ units: 4, bn: true });
  });

  it('minimizes when the objective says min', async () => {
    const space = new HyperParameters();
    space.Float('x', 0, 10);
    const result = await runSearch({
      space,
      oracle: BayesianOptimization({ maxTrials: 10 }),
      objective: 'val_loss',
      seed: 9,
      parallelism: 1,
      trial: async (t) => ({ metrics: { val_loss: [5, (Number(t.values.x) - 7) ** 2, 9] } }),
    });
    expect(Math.abs(Number(result.best.values.x) - 7)).toBeLessThan(0.3);
    expect(result.best.score).toBeLessThan(0.09);
  });
});
