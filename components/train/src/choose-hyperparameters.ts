import path from 'node:path';
import type { Logger } from '@ctpipe/contract';
import type { BackendName, ModelModule } from '@ctpipe/model';
import { HyperParameters } from '@ctpipe/tuner';
import { readHyperParameters } from './hyperparameters-file.js';
import type { TrialSummary } from './training-curves.js';
import type { TrainingInputs } from './training-inputs.js';
import { writeTrialData } from './trial-data.js';
import { oracleSpec, tune } from './tune.js';

export interface HyperparameterChoice {
  best: HyperParameters;
  /** Absent when the hyperparameters were given. */
  trials?: TrialSummary[];
}

export interface ChooseOptions {
  module: ModelModule;
  data: TrainingInputs;
  /** best_hyperparameters.txt of an earlier run (TFX Tuner → Trainer): no search. */
  givenDir: string | undefined;
  tuner: string;
  maxTrials: number;
  parallelTrials: number;
  seed: number;
  epochs: number;
  moduleFile: string;
  graphDir: string;
  backend: BackendName;
  workerModule: string;
  /** Scratch space for trial data and Hyperband checkpoints; the caller removes it. */
  scratchDir: string;
  log: Logger;
}

/** The given hyperparameters over the module's space, or the best of a search over it. */
export async function chooseHyperparameters(options: ChooseOptions): Promise<HyperparameterChoice> {
  const { module, log } = options;
  const space = new HyperParameters();
  module.searchSpace(space);
  if (options.givenDir !== undefined) {
    const best = await readHyperParameters(options.givenDir, space);
    log.info('using the given hyperparameters; no tuning', { values: best.values });
    return { best };
  }
  const oracle = oracleSpec(options.tuner, options.maxTrials, options.epochs);
  const dataDir = path.join(options.scratchDir, 'data');
  await writeTrialData(dataDir, { train: options.data.train, eval: options.data.eval });
  const search = await tune({
    space,
    module,
    oracle,
    maxTrials: options.maxTrials,
    parallelTrials: options.parallelTrials,
    seed: options.seed,
    workerModule: options.workerModule,
    args: {
      moduleFile: options.moduleFile,
      graphDir: options.graphDir,
      dataDir,
      epochs: options.epochs,
      checkpointDir: path.join(options.scratchDir, 'checkpoints'),
      backend: options.backend,
    },
    log,
  });
  log.info('best trial', {
    trial: search.best.trialId,
    score: search.best.score,
    values: search.best.values,
  });
  return {
    best: search.bestHyperParameters,
    trials: search.trials.map((t) => ({
      trialId: t.trialId,
      values: t.values,
      score: t.score ?? Number.NaN,
    })),
  };
}
