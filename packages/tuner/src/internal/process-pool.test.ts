import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HyperParameters } from '../hyperparameters.js';
import { RandomSearch } from '../oracle-spec.js';
import { runSearch, type SearchOptions } from '../search.js';
import type { SearchEvent, TrialFunction } from '../trial.js';

const WORKER = fileURLToPath(new URL('../../test/trial-worker.mjs', import.meta.url));

function options(maxTrials: number, trial: SearchOptions['trial']): SearchOptions {
  const space = new HyperParameters();
  space.Float('x', 0, 6);
  return { space, oracle: RandomSearch({ maxTrials }), objective: 'loss', seed: 21, parallelism: 2, trial };
}

const pidsOf = (trials: { metrics: Record<string, number[]> }[]) =>
  new Set(trials.flatMap((t) => t.metrics.pid ?? []));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('trials in a pool of child processes', () => {
  it('run in at most `parallelism` reused processes, forward epochs, and match the same function in-process', async () => {
    const events: SearchEvent[] = [];
    const pooled = await runSearch({ ...options(6, { module: WORKER }), onEvent: (e) => events.push(e) });
    expect(pooled.trials.map((t) => t.status)).toEqual(Array(6).fill('COMPLETED'));
    const pids = pidsOf(pooled.trials);
    expect(pids.size).toBe(2);
    expect(pids.has(process.pid)).toBe(false);
    expect(events.filter((e) => e.type === 'epoch')).toHaveLength(12);
    expect(events.find((e) => e.type === 'epoch' && e.epoch === 1 && e.trialId === '3')).toMatchObject({
      logs: { loss: pooled.trials[3]!.score },
    });
    // The pool is shut down when the search returns.
    expect([...pids].filter(isAlive)).toEqual([]);

    const { runTrial }: { runTrial: TrialFunction } = await import(WORKER);
    const inProcess = await runSearch(options(6, runTrial));
    const strip = (r: typeof pooled) =>
      r.trials.map(({ trialId, values, seed, score }) => ({ trialId, values, seed, score }));
    expect(strip(pooled)).toEqual(strip(inProcess));
    expect(pooled.best).toEqual(inProcess.best);
  });

  it('record a killed process as a failed trial and carry on in a fresh process', async () => {
    const result = await runSearch(options(8, { module: WORKER, args: { crashOn: ['3'], throwOn: ['5'] } }));
    expect(result.trials.map((t) => t.status)).toEqual([
      'COMPLETED',
      'COMPLETED',
      'COMPLETED',
      'FAILED',
      'COMPLETED',
      'FAILED',
      'COMPLETED',
      'COMPLETED',
    ]);
    expect(result.trials[3]!.error).toBe('trial process killed by SIGKILL');
    expect(result.trials[5]!.error).toBe('Error: worker failed on 5');
    expect(pidsOf(result.trials).size).toBe(3);
  });

  it('fail every trial when the export is missing, which stops the search', async () => {
    await expect(runSearch(options(6, { module: WORKER, export: 'nope' }))).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('has no exported function "nope"'),
    });
  });

  it('need an existing module given by absolute path', async () => {
    await expect(runSearch(options(2, { module: '/no/such/worker.mjs' }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(runSearch(options(2, { module: 'test/trial-worker.mjs' }))).rejects.toMatchObject({
      code: 'BAD_CONFIG',
    });
  });
});
