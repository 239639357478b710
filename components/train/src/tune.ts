import os from 'node:os';
import type { Logger } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import type { ModelModule } from '@ctpipe/model';
import {
  BayesianOptimization,
  Hyperband,
  type HyperParameters,
  type OracleSpec,
  RandomSearch,
  runSearch,
  type SearchResult,
} from '@ctpipe/tuner';
import type { TrialArgs } from './trial-args.js';

export const TUNERS = ['random', 'hyperband', 'bayesian'] as const;
export type TunerName = (typeof TUNERS)[number];

export interface TuneOptions {
  /** The module's search space, declared by `module.searchSpace`. */
  space: HyperParameters;
  module: ModelModule;
  oracle: OracleSpec;
  maxTrials: number;
  /** 0 = the cores this process may use. */
  parallelTrials: number;
  seed: number;
  /** The built trial worker (dist/trial-worker.js). */
  workerModule: string;
  args: TrialArgs;
  log: Logger;
}

/** Keras Tuner's search over the module's space, trials in a pool of processes; the best trial wins. */
export async function tune(options: TuneOptions): Promise<SearchResult> {
  const { module, space, log } = options;
  const parallelism = options.parallelTrials > 0 ? options.parallelTrials : os.availableParallelism();
  const { oracle } = options;
  log.info('tuning', { tuner: oracle.kind, parallel_trials: parallelism, objective: module.objective.name });
  let finished = 0;
  let total = 0;
  return runSearch({
    space,
    oracle,
    objective: module.objective,
    seed: options.seed,
    parallelism,
    ...(oracle.kind === 'hyperband' ? {} : { maxTrials: options.maxTrials }),
    trial: { module: options.workerModule, export: 'runTrial', args: { ...options.args } },
    onEvent: (event) => {
      if (event.type === 'trial-start') {
        total = event.total;
        log.info(`trial ${event.trialId} started`, { n: event.n, total: event.total, values: event.values });
      } else if (event.type === 'epoch') {
        log.info(`trial ${event.trialId} epoch ${event.epoch + 1}`, roundLogs(event.logs));
      } else {
        finished += 1;
        log.progress('trial', finished, total, 'trials');
        const fields = { score: event.score, seconds: Math.round(event.durationMs / 100) / 10 };
        if (event.status === 'FAILED')
          log.warn(`trial ${event.trialId} failed`, { ...fields, error: event.error });
        else log.info(`trial ${event.trialId} done`, fields);
      }
    },
  });
}

/** The search the `tuner` parameter names; Hyperband's max_epochs is the trial epochs. */
export function oracleSpec(tuner: string, maxTrials: number, epochs: number): OracleSpec {
  switch (tuner) {
    case 'random':
      return RandomSearch({ maxTrials });
    case 'hyperband':
      return Hyperband({ maxEpochs: epochs, factor: 3 });
    case 'bayesian':
      return BayesianOptimization({ maxTrials });
    default:
      throw new CtpipeError('BAD_CONFIG', `unknown tuner '${tuner}'`, {
        details: { expected: TUNERS.join(' | '), found: tuner },
      });
  }
}

export function roundLogs(logs: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(logs).map(([k, v]) => [k, Math.round(v * 1e4) / 1e4]));
}
