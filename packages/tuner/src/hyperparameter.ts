/**
 * One hyperparameter of a search space, as plain data. The fields mirror Keras Tuner's classes
 * (keras_tuner.HyperParameters.Int/Float/Choice/Boolean/Fixed) so `getConfig()` can write exactly their
 * `get_config()` JSON.
 */

/** A hyperparameter value; Keras Tuner allows int, float, str and bool. */
export type HpValue = number | string | boolean;

/** How a numeric range maps from a uniform draw u ∈ [0, 1) (Keras Tuner's `sampling`). */
export type Sampling = 'linear' | 'log' | 'reverse_log';

/** Active only when the hyperparameter `parentName` currently has one of `parentValues` (Keras `Parent`). */
export interface Condition {
  parentName: string;
  parentValues: HpValue[];
}

interface Base {
  name: string;
  conditions: Condition[];
}

export interface IntHp extends Base {
  type: 'Int';
  min: number;
  max: number;
  /** Additive step under linear sampling (1 when unset), multiplier under log sampling, null = any value. */
  step: number | null;
  sampling: Sampling;
  /** As given; Keras Tuner serializes an unset Int default as null and uses `min` in its place. */
  default: number | null;
}

export interface FloatHp extends Base {
  type: 'Float';
  min: number;
  max: number;
  step: number | null;
  sampling: Sampling;
  default: number;
}

export interface ChoiceHp extends Base {
  type: 'Choice';
  values: HpValue[];
  ordered: boolean;
  default: HpValue;
}

export interface BooleanHp extends Base {
  type: 'Boolean';
  default: boolean;
}

export interface FixedHp extends Base {
  type: 'Fixed';
  value: HpValue;
}

export type HyperParameter = IntHp | FloatHp | ChoiceHp | BooleanHp | FixedHp;

/** The value a hyperparameter takes when nothing chose one. */
export function defaultValue(hp: HyperParameter): HpValue {
  switch (hp.type) {
    case 'Int':
      return hp.default ?? hp.min;
    case 'Fixed':
      return hp.value;
    default:
      return hp.default;
  }
}

/** Keras Tuner's `is_active`: every condition's parent is set (hence active) to one of the listed values. */
export function isActive(hp: HyperParameter, values: Readonly<Record<string, HpValue>>): boolean {
  return hp.conditions.every((c) => {
    const parent = values[c.parentName];
    return parent !== undefined && c.parentValues.includes(parent);
  });
}
