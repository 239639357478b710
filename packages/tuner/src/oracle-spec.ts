import { CtpipeError } from '@ctpipe/errors';

/**
 * Which search to run, as plain data (serializable, so settings.yaml can hold it). Build one with
 * RandomSearch, Hyperband or BayesianOptimization; runSearch instantiates the oracle with the space and seed.
 */
export type OracleSpec =
  | { kind: 'random'; maxTrials: number }
  | { kind: 'hyperband'; maxEpochs: number; factor: number; hyperbandIterations: number }
  | { kind: 'bayesian'; maxTrials: number; numInitialPoints: number | null; alpha: number; beta: number };

function check(ok: boolean, field: string, expected: string, found: unknown): void {
  if (!ok) {
    throw new CtpipeError('BAD_CONFIG', `tuner option ${field} must be ${expected}`, {
      details: { option: field, expected, found: String(found) },
    });
  }
}

const positiveInt = (v: number) => Number.isInteger(v) && v >= 1;

/** keras_tuner.RandomSearch: `maxTrials` independent random draws. */
export function RandomSearch(options: { maxTrials: number }): OracleSpec {
  check(positiveInt(options.maxTrials), 'maxTrials', 'an integer >= 1', options.maxTrials);
  return { kind: 'random', maxTrials: options.maxTrials };
}

/**
 * keras_tuner.Hyperband: successive halving over brackets; trials receive `tuner/epochs`,
 * `tuner/initial_epoch` and, when promoted, `tuner/trial_id` to warm-start from.
 */
export function Hyperband(options: {
  maxEpochs: number;
  factor?: number;
  hyperbandIterations?: number;
}): OracleSpec {
  const { maxEpochs, factor = 3, hyperbandIterations = 1 } = options;
  check(positiveInt(maxEpochs), 'maxEpochs', 'an integer >= 1', maxEpochs);
  check(Number.isInteger(factor) && factor >= 2, 'factor', 'an integer >= 2', factor);
  check(positiveInt(hyperbandIterations), 'hyperbandIterations', 'an integer >= 1', hyperbandIterations);
  return { kind: 'hyperband', maxEpochs, factor, hyperbandIterations };
}

/**
 * keras_tuner.BayesianOptimization: `numInitialPoints` random trials (default max(3·dims, 3)), then a
 * Gaussian process (Matern 5/2) with noise `alpha` and the confidence bound μ − `beta`·σ.
 */
export function BayesianOptimization(options: {
  maxTrials: number;
  numInitialPoints?: number;
  alpha?: number;
  beta?: number;
}): OracleSpec {
  const { maxTrials, numInitialPoints, alpha = 1e-4, beta = 2.6 } = options;
  check(positiveInt(maxTrials), 'maxTrials', 'an integer >= 1', maxTrials);
  if (numInitialPoints !== undefined) {
    check(positiveInt(numInitialPoints), 'numInitialPoints', 'an integer >= 1', numInitialPoints);
  }
  check(alpha > 0 && Number.isFinite(alpha), 'alpha', 'a positive number', alpha);
  check(beta >= 0 && Number.isFinite(beta), 'beta', 'a number >= 0', beta);
  return { kind: 'bayesian', maxTrials, numInitialPoints: numInitialPoints ?? null, alpha, beta };
}
