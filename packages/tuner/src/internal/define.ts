import { CtpipeError } from '@ctpipe/errors';
import type {
  BooleanHp,
  ChoiceHp,
  Condition,
  FixedHp,
  FloatHp,
  HpValue,
  IntHp,
  Sampling,
} from '../hyperparameter.js';

/** Only active when the hyperparameter `parentName` has one of `parentValues` (Keras `parent_name`). */
export interface ConditionOptions {
  parentName?: string;
  parentValues?: HpValue[];
}

export interface NumericOptions<D> extends ConditionOptions {
  step?: number | null;
  sampling?: Sampling;
  default?: D;
}

export interface ChoiceOptions extends ConditionOptions {
  ordered?: boolean;
  default?: HpValue;
}

export interface BooleanOptions extends ConditionOptions {
  default?: boolean;
}

const SAMPLINGS: readonly Sampling[] = ['linear', 'log', 'reverse_log'];

function invalid(name: string, message: string, expected: string, found: unknown): CtpipeError {
  return new CtpipeError('BAD_CONFIG', `hyperparameter "${name}": ${message}`, {
    details: { hyperparameter: name, expected, found: JSON.stringify(found) },
  });
}

function conditionsOf(name: string, options: ConditionOptions): Condition[] {
  if (options.parentName === undefined) return [];
  if (!options.parentValues || options.parentValues.length === 0) {
    throw invalid(name, 'parentName needs parentValues', 'a non-empty list', options.parentValues);
  }
  return [{ parentName: options.parentName, parentValues: [...options.parentValues] }];
}

function checkRange(name: string, min: number, max: number, step: number | null, sampling: Sampling): void {
  if (!Number.isFinite(min) || !Number.isFinite(max))
    throw invalid(name, 'bounds must be finite', 'numbers', [min, max]);
  if (min > max) throw invalid(name, `min ${min} is greater than max ${max}`, 'min <= max', [min, max]);
  if (!SAMPLINGS.includes(sampling)) throw invalid(name, 'unknown sampling', SAMPLINGS.join(' | '), sampling);
  if (sampling !== 'linear' && min <= 0) {
    throw invalid(name, `sampling "${sampling}" needs positive values`, 'min > 0', min);
  }
  if (step !== null && (!Number.isFinite(step) || step <= 0))
    throw invalid(name, 'step must be positive', '> 0', step);
  if (sampling !== 'linear' && step !== null && step <= 1) {
    throw invalid(name, `under "${sampling}" sampling step is a multiplier`, 'step > 1', step);
  }
}

export function defineInt(
  name: string,
  min: number,
  max: number,
  options: NumericOptions<number> = {},
): IntHp {
  const sampling = options.sampling ?? 'linear';
  // Keras Tuner: an Int with linear sampling and no step walks by 1.
  const step = options.step ?? (sampling === 'linear' ? 1 : null);
  for (const [label, v] of [
    ['min', min],
    ['max', max],
    ['step', step],
    ['default', options.default],
  ] as const) {
    if (v !== null && v !== undefined && !Number.isInteger(v))
      throw invalid(name, `${label} must be an integer`, 'an integer', v);
  }
  checkRange(name, min, max, step, sampling);
  return {
    type: 'Int',
    name,
    min,
    max,
    step,
    sampling,
    default: options.default ?? null,
    conditions: conditionsOf(name, options),
  };
}

export function defineFloat(
  name: string,
  min: number,
  max: number,
  options: NumericOptions<number> = {},
): FloatHp {
  const sampling = options.sampling ?? 'linear';
  const step = options.step ?? null;
  checkRange(name, min, max, step, sampling);
  return {
    type: 'Float',
    name,
    min,
    max,
    step,
    sampling,
    default: options.default ?? min,
    conditions: conditionsOf(name, options),
  };
}

export function defineChoice(
  name: string,
  values: readonly HpValue[],
  options: ChoiceOptions = {},
): ChoiceHp {
  const first = values[0];
  if (first === undefined) throw invalid(name, 'a Choice needs values', 'a non-empty list', values);
  const kind = typeof first;
  if (values.some((v) => typeof v !== kind)) {
    throw invalid(name, 'all values of a Choice must have one type', `only ${kind} values`, values);
  }
  const numeric = kind === 'number';
  if (options.ordered && !numeric)
    throw invalid(name, 'only numeric choices can be ordered', 'ordered: false', true);
  if (options.default !== undefined && !values.includes(options.default)) {
    throw invalid(name, 'the default must be one of the values', JSON.stringify(values), options.default);
  }
  return {
    type: 'Choice',
    name,
    values: [...values],
    ordered: options.ordered ?? numeric,
    default: options.default ?? first,
    conditions: conditionsOf(name, options),
  };
}

export function defineBoolean(name: string, options: BooleanOptions = {}): BooleanHp {
  const value = options.default ?? false;
  if (typeof value !== 'boolean')
    throw invalid(name, 'the default of a Boolean must be a boolean', 'true | false', value);
  return { type: 'Boolean', name, default: value, conditions: conditionsOf(name, options) };
}

export function defineFixed(name: string, value: HpValue, options: ConditionOptions = {}): FixedHp {
  if (!['number', 'string', 'boolean'].includes(typeof value)) {
    throw invalid(
      name,
      'a Fixed value must be a number, string or boolean',
      'number | string | boolean',
      value,
    );
  }
  return { type: 'Fixed', name, value, conditions: conditionsOf(name, options) };
}
