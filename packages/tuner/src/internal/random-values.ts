import { type HpValue, type HyperParameter, isActive } from '../hyperparameter.js';
import { PythonRandom } from './python-random.js';
import { probToValue } from './sampling.js';

// Hyperband bookkeeping that does not make a set of values new (Keras `_compute_values_hash`).
const BOOKKEEPING = new Set(['tuner/epochs', 'tuner/initial_epoch', 'tuner/bracket', 'tuner/round']);

/** A canonical key of a set of values, for duplicate detection. */
export function valuesKey(values: Readonly<Record<string, HpValue>>): string {
  const entries = Object.entries(values)
    .filter(([name]) => !BOOKKEEPING.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/**
 * Keras Tuner's `Oracle._random_values`: each active hyperparameter, in space order, is drawn from a fresh
 * `random.Random(seed_state)` and the seed state advances by one; a set already tried is drawn again, up to
 * 20 collisions, after which the space counts as exhausted (null).
 */
export class RandomValues {
  private seedState: number;
  private static readonly MAX_COLLISIONS = 20;

  constructor(
    private readonly space: readonly HyperParameter[],
    seed: number,
  ) {
    this.seedState = seed;
  }

  next(tried: ReadonlySet<string>): Record<string, HpValue> | null {
    for (let collisions = 0; collisions <= RandomValues.MAX_COLLISIONS; collisions++) {
      const values: Record<string, HpValue> = {};
      for (const hp of this.space) {
        if (!isActive(hp, values)) continue;
        values[hp.name] = probToValue(hp, new PythonRandom(this.seedState).random());
        this.seedState++;
      }
      if (!tried.has(valuesKey(values))) return values;
    }
    return null;
  }
}

/** Keys of every trial's values, pending ones included (Keras records values when a trial is created). */
export function triedKeys(trials: readonly { values: Readonly<Record<string, HpValue>> }[]): Set<string> {
  return new Set(trials.map((t) => valuesKey(t.values)));
}
