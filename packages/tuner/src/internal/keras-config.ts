import type { Condition, HpValue, HyperParameter, Sampling } from '../hyperparameter.js';

/** Keras Tuner's serialized `Parent` condition. */
export interface ConditionConfig {
  class_name: 'Parent';
  config: { name: string; values: HpValue[] };
}

interface BaseConfig {
  name: string;
  conditions: ConditionConfig[];
}

interface NumericConfig extends BaseConfig {
  min_value: number;
  max_value: number;
  step: number | null;
  sampling: Sampling;
}

/**
 * One entry of `space` in Keras Tuner's `HyperParameters.get_config()`, key order included (Int writes its
 * raw default, null when unset; Float and Choice write the effective default; Fixed writes `value`).
 */
export type HyperParameterConfig =
  | { class_name: 'Int'; config: NumericConfig & { default: number | null } }
  | { class_name: 'Float'; config: NumericConfig & { default: number } }
  | { class_name: 'Choice'; config: BaseConfig & { default: HpValue; values: HpValue[]; ordered: boolean } }
  | { class_name: 'Boolean'; config: BaseConfig & { default: boolean } }
  | { class_name: 'Fixed'; config: BaseConfig & { value: HpValue } };

/** The JSON of TFX's `best_hyperparameters.txt`: `json.dumps(best_hp.get_config())`. */
export interface HyperParametersConfig {
  space: HyperParameterConfig[];
  values: Record<string, HpValue>;
}

function conditionsConfig(conditions: readonly Condition[]): ConditionConfig[] {
  return conditions.map((c) => ({
    class_name: 'Parent',
    config: { name: c.parentName, values: [...c.parentValues] },
  }));
}

export function hyperParameterConfig(hp: HyperParameter): HyperParameterConfig {
  const conditions = conditionsConfig(hp.conditions);
  const { name } = hp;
  switch (hp.type) {
    case 'Int':
    case 'Float': {
      const numeric = { min_value: hp.min, max_value: hp.max, step: hp.step, sampling: hp.sampling };
      return hp.type === 'Int'
        ? { class_name: 'Int', config: { name, default: hp.default, conditions, ...numeric } }
        : { class_name: 'Float', config: { name, default: hp.default, conditions, ...numeric } };
    }
    case 'Choice':
      return {
        class_name: 'Choice',
        config: { name, default: hp.default, conditions, values: [...hp.values], ordered: hp.ordered },
      };
    case 'Boolean':
      return { class_name: 'Boolean', config: { name, default: hp.default, conditions } };
    case 'Fixed':
      return { class_name: 'Fixed', config: { name, conditions, value: hp.value } };
  }
}

export function toKerasConfig(
  space: readonly HyperParameter[],
  values: Readonly<Record<string, HpValue>>,
): HyperParametersConfig {
  return { space: space.map(hyperParameterConfig), values: { ...values } };
}
