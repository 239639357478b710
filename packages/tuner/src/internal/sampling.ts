import type { FloatHp, HpValue, HyperParameter, IntHp } from '../hyperparameter.js';
import { logBase, pyFloorDiv } from './python-math.js';

/**
 * Keras Tuner's `prob_to_value` / `value_to_prob`: every hyperparameter is a map from the unit interval,
 * which is what random search draws from and what the Gaussian process models.
 */

type Numeric = IntHp | FloatHp;

function probToIndex(prob: number, n: number): number {
  const index = Math.floor(prob / (1 / n));
  return index === n ? index - 1 : index;
}

function indexToProb(index: number, n: number): number {
  return (index + 0.5) * (1 / n);
}

function sampleContinuous(hp: Numeric, prob: number, max: number): number {
  const { min } = hp;
  if (hp.sampling === 'linear') return prob * (max - min) + min;
  if (hp.sampling === 'log') return min * (max / min) ** prob;
  return max + min - min * (max / min) ** (1 - prob);
}

function continuousToProb(hp: Numeric, value: number, max: number): number {
  const { min } = hp;
  if (max === min) return 0.5;
  if (hp.sampling === 'linear') return (value - min) / (max - min);
  if (hp.sampling === 'log') return Math.log(value / min) / Math.log(max / min);
  return 1 - Math.log((max + min - value) / min) / Math.log(max / min);
}

/** How many values a stepped range holds (both ends included when they fall on the grid). */
export function stepCount(hp: Numeric, step: number): number {
  if (hp.sampling === 'linear') return Math.trunc(pyFloorDiv(hp.max - hp.min, step) + 1);
  return Math.trunc(logBase(hp.max / hp.min, step) + 1e-8) + 1;
}

function valueAt(hp: Numeric, step: number, index: number): number {
  if (hp.sampling === 'linear') return hp.min + index * step;
  if (hp.sampling === 'log') return hp.min * step ** index;
  return hp.max + hp.min - hp.min * step ** index;
}

function steppedToProb(hp: Numeric, step: number, value: number): number {
  let index: number;
  if (hp.sampling === 'linear') index = pyFloorDiv(value - hp.min, step);
  else if (hp.sampling === 'log') index = logBase(value / hp.min, step);
  else index = logBase((hp.max - value + hp.min) / hp.min, step);
  return indexToProb(index, stepCount(hp, step));
}

export function probToValue(hp: HyperParameter, prob: number): HpValue {
  switch (hp.type) {
    case 'Int':
      if (hp.step === null) return Math.trunc(sampleContinuous(hp, prob, hp.max + 1));
      return Math.trunc(valueAt(hp, hp.step, probToIndex(prob, stepCount(hp, hp.step))));
    case 'Float':
      if (hp.step === null) return sampleContinuous(hp, prob, hp.max);
      return valueAt(hp, hp.step, probToIndex(prob, stepCount(hp, hp.step)));
    case 'Choice':
      return hp.values[probToIndex(prob, hp.values.length)]!;
    case 'Boolean':
      return prob >= 0.5;
    case 'Fixed':
      return hp.value;
  }
}

export function valueToProb(hp: HyperParameter, value: HpValue): number {
  switch (hp.type) {
    case 'Int':
    case 'Float': {
      const v = Number(value);
      if (hp.step !== null) return steppedToProb(hp, hp.step, v);
      // Int: +0.5 centres the value in its unit bucket, max + 1 makes max reachable.
      return hp.type === 'Int' ? continuousToProb(hp, v + 0.5, hp.max + 1) : continuousToProb(hp, v, hp.max);
    }
    case 'Choice':
      return indexToProb(Math.max(0, hp.values.indexOf(value)), hp.values.length);
    case 'Boolean':
      return value ? 0.75 : 0.25;
    case 'Fixed':
      return 0.5;
  }
}

/** Every value a stepped or discrete hyperparameter can take (Keras `values`); null for continuous ranges. */
export function allValues(hp: HyperParameter): HpValue[] | null {
  switch (hp.type) {
    case 'Int':
    case 'Float': {
      const step = hp.step;
      if (step === null) return null;
      return Array.from({ length: stepCount(hp, step) }, (_, i) => {
        const v = valueAt(hp, step, i);
        return hp.type === 'Int' ? Math.trunc(v) : v;
      });
    }
    case 'Choice':
      return [...hp.values];
    case 'Boolean':
      return [true, false];
    case 'Fixed':
      return [hp.value];
  }
}
