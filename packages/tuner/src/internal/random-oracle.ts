import type { Oracle, OracleContext, OracleView, Proposal } from './oracle.js';
import { RandomValues, triedKeys } from './random-values.js';

/** keras_tuner.RandomSearch: independent draws, duplicates redrawn. */
export function createRandomOracle(context: OracleContext, maxTrials: number): Oracle {
  const random = new RandomValues(context.space, context.seed);
  return {
    plannedTrials: maxTrials,
    propose(view: OracleView): Proposal {
      const values = random.next(triedKeys(view.trials));
      return values ? { kind: 'trial', values } : { kind: 'stop' };
    },
  };
}
