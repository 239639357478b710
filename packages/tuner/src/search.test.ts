import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { HyperParameters } from './hyperparameters.js';
import { PythonRandom } from './internal/python-random.js';
import { BayesianOptimization, Hyperband, type OracleSpec, RandomSearch } from './oracle-spec.js';
import { runSearch } from './search.js';
import { tunerResults } from './search-result.js';
import type { SearchEvent, TrialFunction, TrialResult } from './trial.js';

function space(): HyperParameters {
  const hps = new HyperParameters();
  hps.Float('x', 0, 6);
  hps.Int('units', 8, 64, { step: 8 });
  hps.Choice('act', ['relu', 'tanh']);
  return hps;
}

/** −(x − 3)² plus noise drawn from the trial's seed, finishing after a random delay to shuffle completions. */
const noisyQuadratic: TrialFunction = async (trial) => {
  await sleep(Math.floor(Math.random() * 4));
  const noise = (new PythonRandom(trial.seed).random() - 0.5) * 0.1;
  return { score: -((Number(trial.values.x) - 3) ** 2) + noise, metrics: { score: [0] } };
};

async function search(oracle: OracleSpec, parallelism: number, seed = 42) {
  const result = await runSearch({
    space: space(),
    oracle,
    objective: { name: 'score', direction: 'max' },
    seed,
    parallelism,
    trial: noisyQuadratic,
  });
  return {
    best: result.best,
    trials: result.trials.map(({ trialId, values, seed: s, score }) => ({ trialId, values, s, score })),
  };
}

describe('reproducibility', () => {
  it('random search: same seed → same trials and best, at parallelism 1 and 2 alike', async () => {
    const a = await search(RandomSearch({ maxTrials: 10 }), 1);
    const b = await search(RandomSearch({ maxTrials: 10 }), 1);
    const c = await search(RandomSearch({ maxTrials: 10 }), 2);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a.trials.map((t) => t.trialId)).toEqual([
      '00',
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
    ]);
    expect(new Set(a.trials.map((t) => t.s)).size).toBe(10);
    const other = await search(RandomSearch({ maxTrials: 10 }), 1, 4242);
    expect(other.trials.map((t) => t.values)).not.toEqual(a.trials.map((t) => t.values));
  });

  for (const parallelism of [1, 2]) {
    it(`Bayesian and Hyperband: same seed → same trials and best at parallelism ${parallelism}`, async () => {
      for (const oracle of [BayesianOptimization({ maxTrials: 14 }), Hyperband({ maxEpochs: 9 })]) {
        const a = await search(oracle, parallelism);
        const b = await search(oracle, parallelism);
        expect(b).toEqual(a);
        expect(a.trials.every((t) => t.score !== null)).toBe(true);
      }
    });
  }

  it('runs up to `parallelism` trials at once', async () => {
    let running = 0;
    let most = 0;
    await runSearch({
      space: space(),
      oracle: RandomSearch({ maxTrials: 6 }),
      objective: 'loss',
      seed: 1,
      parallelism: 3,
      trial: async () => {
        most = Math.max(most, ++running);
        await sleep(5);
        running--;
        return { metrics: { loss: [1] } };
      },
    });
    expect(most).toBe(3);
  });
});

describe('Hyperband in parallel with a failed trial', () => {
  it('waits for pending results instead of stopping early, then stops when nothing can be promoted', async () => {
    // maxEpochs 3: bracket 1 = 3 × 1 epoch then best 1 × 3 epochs; bracket 0 = 2 × 3 epochs (6 trials).
    // Trial 1 fails, so bracket 1 never gets 3 results to promote from; the last proposal sees trial 4
    // pending, waits for it, and then stops with 5 trials.
    const run = () =>
      runSearch({
        space: space(),
        oracle: Hyperband({ maxEpochs: 3 }),
        objective: 'loss',
        seed: 2,
        parallelism: 2,
        trial: async (t) => {
          await sleep(Math.floor(Math.random() * 4));
          if (t.id === '0001') throw new Error('diverged');
          return { metrics: { loss: [Number(t.values.x)] } };
        },
      });
    const result = await run();
    expect(
      result.trials.map((t) => [t.trialId, t.status, t.values['tuner/bracket'], t.values['tuner/epochs']]),
    ).toEqual([
      ['0000', 'COMPLETED', 1, 1],
      ['0001', 'FAILED', 1, 1],
      ['0002', 'COMPLETED', 1, 1],
      ['0003', 'COMPLETED', 0, 3],
      ['0004', 'COMPLETED', 0, 3],
    ]);
    expect((await run()).trials).toEqual(
      result.trials.map((t) => ({ ...t, durationMs: expect.any(Number) })),
    );
  });
});

describe('objective and scoring', () => {
  const trial: TrialFunction = async (t) => ({ metrics: { val_loss: [9, Number(t.values.x), 7] } });

  it('scores a trial by the best epoch of the objective metric and picks the best trial by direction', async () => {
    const run = (objective: string | { name: string; direction: 'min' | 'max' }) =>
      runSearch({
        space: space(),
        oracle: RandomSearch({ maxTrials: 8 }),
        objective,
        seed: 3,
        parallelism: 1,
        trial,
      });
    const min = await run('val_loss');
    const max = await run({ name: 'val_loss', direction: 'max' });
    const xs = min.trials.map((t) => Number(t.values.x));
    expect(min.trials.map((t) => t.score)).toEqual(xs);
    expect(max.trials.map((t) => t.score)).toEqual(xs.map(() => 9));
    expect(min.best.score).toBe(Math.min(...xs));
    expect(min.best.trialId).toBe(min.trials[xs.indexOf(Math.min(...xs))]!.trialId);
    // All max scores tie at 9: the earliest trial wins, as in Keras Tuner's stable sort.
    expect(max.best.trialId).toBe('0');
    expect(min.bestHyperParameters.values).toEqual(min.best.values);
    expect(tunerResults(min.trials)[0]).toEqual({ trial_id: '0', score: xs[0], ...min.trials[0]!.values });
  });
});

describe('failed trials', () => {
  it('are recorded with their error and the search goes on', async () => {
    const result = await runSearch({
      space: space(),
      oracle: RandomSearch({ maxTrials: 6 }),
      objective: 'loss',
      seed: 5,
      parallelism: 2,
      trial: async (t): Promise<TrialResult> => {
        if (t.id === '1' || t.id === '4') throw new Error(`boom in ${t.id}`);
        if (t.id === '2') return { score: Number.NaN, metrics: {} };
        return { metrics: { loss: [Number(t.values.x)] } };
      },
    });
    expect(result.trials.map((t) => t.status)).toEqual([
      'COMPLETED',
      'FAILED',
      'FAILED',
      'COMPLETED',
      'FAILED',
      'COMPLETED',
    ]);
    expect(result.trials[1]).toMatchObject({ score: null, error: 'boom in 1' });
    expect(result.trials[2]!.error).toContain('not a finite number');
    expect(['0', '3', '5']).toContain(result.best.trialId);
  });

  it('stop the search after 3 consecutive failures (Keras max_consecutive_failed_trials)', async () => {
    let calls = 0;
    const failing = runSearch({
      space: space(),
      oracle: RandomSearch({ maxTrials: 10 }),
      objective: 'loss',
      seed: 5,
      parallelism: 1,
      trial: async (t) => {
        calls++;
        if (Number(t.id) >= 1) throw new Error('out of memory');
        return { metrics: { loss: [1] } };
      },
    });
    await expect(failing).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('3 consecutive trials failed; last error: out of memory'),
    });
    expect(calls).toBe(4);
  });
});

describe('events', () => {
  it('reports trial-start, forwarded epochs and trial-end', async () => {
    const events: SearchEvent[] = [];
    await runSearch({
      space: space(),
      oracle: RandomSearch({ maxTrials: 2 }),
      objective: 'loss',
      seed: 8,
      parallelism: 1,
      onEvent: (e) => events.push(e),
      trial: async (_trial, ctx) => {
        ctx.reportEpoch(0, { loss: 2 });
        ctx.reportEpoch(1, { loss: 1 });
        return { metrics: { loss: [2, 1] } };
      },
    });
    const shape = events.map((e) =>
      e.type === 'trial-start'
        ? [e.type, e.trialId, e.n, e.total]
        : e.type === 'epoch'
          ? [e.type, e.trialId, e.epoch, e.logs.loss]
          : [e.type, e.trialId, e.status, e.score],
    );
    expect(shape).toEqual([
      ['trial-start', '0', 1, 2],
      ['epoch', '0', 0, 2],
      ['epoch', '0', 1, 1],
      ['trial-end', '0', 'COMPLETED', 1],
      ['trial-start', '1', 2, 2],
      ['epoch', '1', 0, 2],
      ['epoch', '1', 1, 1],
      ['trial-end', '1', 'COMPLETED', 1],
    ]);
  });

  it('a throwing onEvent aborts the search with its error', async () => {
    const run = runSearch({
      space: space(),
      oracle: RandomSearch({ maxTrials: 3 }),
      objective: 'loss',
      seed: 8,
      parallelism: 1,
      onEvent: () => {
        throw new Error('tty closed');
      },
      trial: async () => ({ metrics: { loss: [1] } }),
    });
    await expect(run).rejects.toThrow('tty closed');
  });
});

describe('options', () => {
  it('are validated', async () => {
    const base = { space: space(), objective: 'loss', seed: 1, trial: async () => ({ metrics: {} }) };
    await expect(
      runSearch({ ...base, oracle: RandomSearch({ maxTrials: 2 }), parallelism: 0 }),
    ).rejects.toMatchObject({ code: 'BAD_CONFIG' });
    await expect(
      runSearch({ ...base, oracle: RandomSearch({ maxTrials: 2 }), parallelism: 1, seed: 1.5 }),
    ).rejects.toMatchObject({ code: 'BAD_CONFIG' });
    expect(() => Hyperband({ maxEpochs: 9, factor: 1 })).toThrow(
      expect.objectContaining({ code: 'BAD_CONFIG' }),
    );
    expect(() => RandomSearch({ maxTrials: 0 })).toThrow(expect.objectContaining({ code: 'BAD_CONFIG' }));
  });
});
