import type { OracleSpec } from '../oracle-spec.js';
import { createBayesianOracle } from './bayesian-oracle.js';
import { createHyperbandOracle } from './hyperband-oracle.js';
import type { Oracle, OracleContext } from './oracle.js';
import { createRandomOracle } from './random-oracle.js';

export function createOracle(spec: OracleSpec, context: OracleContext): Oracle {
  switch (spec.kind) {
    case 'random':
      return createRandomOracle(context, spec.maxTrials);
    case 'hyperband':
      return createHyperbandOracle(context, spec);
    case 'bayesian':
      return createBayesianOracle(context, spec);
  }
}

/** The trial limit Keras Tuner formats ids with (Hyperband has none). */
export function oracleMaxTrials(spec: OracleSpec): number | null {
  return spec.kind === 'hyperband' ? null : spec.maxTrials;
}
