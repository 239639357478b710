import { defaultValue, type HpValue, type HyperParameter, isActive } from '../hyperparameter.js';
import { fitGaussianProcess } from './gaussian-process.js';
import { minimizeOnUnitCube } from './minimize-on-cube.js';
import type { Oracle, OracleContext, OracleView, Proposal, ViewTrial } from './oracle.js';
import { PythonRandom } from './python-random.js';
import { RandomValues, triedKeys, valuesKey } from './random-values.js';
import { probToValue, valueToProb } from './sampling.js';

export interface BayesianSettings {
  maxTrials: number;
  numInitialPoints: number | null;
  alpha: number;
  beta: number;
}

/**
 * keras_tuner.BayesianOptimization's oracle: random trials until `numInitialPoints` have completed, then a
 * Gaussian process on the hyperparameters mapped to [0,1] (Keras `value_to_prob`) and the point minimizing
 * the confidence bound μ − β·σ (scores negated when maximizing). Trials still pending are "hallucinated" at
 * a pessimistic μ + σ, as Keras Tuner does, so parallel proposals spread out. Unlike Keras Tuner, a
 * proposal equal to an earlier trial is skipped for the next-best point.
 */
export function createBayesianOracle(context: OracleContext, settings: BayesianSettings): Oracle {
  const { space, objective } = context;
  const random = new RandomValues(space, context.seed);
  const acquisitionRandom = new PythonRandom(context.seed);
  const tunable = space.filter((hp) => hp.type !== 'Fixed');
  const initialPoints = settings.numInitialPoints ?? Math.max(3 * space.length, 3);
  const sign = objective.direction === 'max' ? -1 : 1;

  function randomProposal(view: OracleView): Proposal {
    const values = random.next(triedKeys(view.trials));
    return values ? { kind: 'trial', values } : { kind: 'stop' };
  }

  return {
    plannedTrials: settings.maxTrials,
    propose(view: OracleView): Proposal {
      const completed = view.trials.filter((t) => t.state === 'COMPLETED');
      if (completed.length < initialPoints || tunable.length === 0) return randomProposal(view);

      const xs = completed.map((t) => toVector(tunable, t));
      const ys = completed.map((t) => sign * t.score!);
      const pending = view.trials.filter((t) => t.state === 'PENDING');
      let gp = fitGaussianProcess(xs, ys, settings.alpha);
      if (pending.length > 0) {
        for (const t of pending) {
          const x = toVector(tunable, t);
          const { mean, std } = gp.predict(x);
          xs.push(x);
          ys.push(mean + std);
        }
        gp = fitGaussianProcess(xs, ys, settings.alpha);
      }
      const bound = (x: readonly number[]) => {
        const { mean, std } = gp.predict(x);
        return mean - settings.beta * std;
      };
      const tried = triedKeys(view.trials);
      const ranked = minimizeOnUnitCube(bound, tunable.length, acquisitionRandom, {
        samples: 1000,
        starts: 5,
      });
      for (const { x } of ranked) {
        const values = fromVector(space, x);
        if (!tried.has(valuesKey(values))) return { kind: 'trial', values };
      }
      return randomProposal(view);
    },
  };
}

/** Inactive or missing hyperparameters sit at their default, as in Keras `_vectorize_trials`. */
function toVector(tunable: readonly HyperParameter[], trial: ViewTrial): number[] {
  return tunable.map((hp) => {
    const value = isActive(hp, trial.values) ? trial.values[hp.name] : undefined;
    return valueToProb(hp, value ?? defaultValue(hp));
  });
}

function fromVector(space: readonly HyperParameter[], x: readonly number[]): Record<string, HpValue> {
  const values: Record<string, HpValue> = {};
  let i = 0;
  for (const hp of space) {
    // The bound is closed at 1; Keras' draws live in [0, 1), which every prob_to_value assumes.
    const value = hp.type === 'Fixed' ? hp.value : probToValue(hp, Math.min(x[i++]!, 1 - Number.EPSILON));
    if (isActive(hp, values)) values[hp.name] = value;
  }
  return values;
}
