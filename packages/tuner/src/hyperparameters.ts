import { CtpipeError } from '@ctpipe/errors';
import { defaultValue, type HpValue, type HyperParameter, isActive } from './hyperparameter.js';
import {
  type BooleanOptions,
  type ChoiceOptions,
  type ConditionOptions,
  defineBoolean,
  defineChoice,
  defineFixed,
  defineFloat,
  defineInt,
  type NumericOptions,
} from './internal/define.js';
import { type HyperParametersConfig, toKerasConfig } from './internal/keras-config.js';

/**
 * A search space plus one assignment of values, like `keras_tuner.HyperParameters`. Declaring a
 * hyperparameter registers it (first declaration wins) and returns its current value: the default in a
 * fresh object, the trial's value in one built with `withValues`. The same model-building code can thus
 * declare the space and read a trial's values. An inactive conditional hyperparameter returns its default.
 */
export class HyperParameters {
  private readonly hps: HyperParameter[] = [];
  private readonly current: Record<string, HpValue> = {};

  get space(): readonly HyperParameter[] {
    return this.hps;
  }

  get values(): Readonly<Record<string, HpValue>> {
    return this.current;
  }

  Int(name: string, min: number, max: number, options?: NumericOptions<number>): number {
    return Number(this.add(defineInt(name, min, max, options)));
  }

  Float(name: string, min: number, max: number, options?: NumericOptions<number>): number {
    return Number(this.add(defineFloat(name, min, max, options)));
  }

  Choice<T extends HpValue>(
    name: string,
    values: readonly T[],
    options?: ChoiceOptions & { default?: T },
  ): T {
    return this.add(defineChoice(name, values, options)) as T;
  }

  Boolean(name: string, options?: BooleanOptions): boolean {
    return this.add(defineBoolean(name, options)) === true;
  }

  Fixed<T extends HpValue>(name: string, value: T, options?: ConditionOptions): T {
    return this.add(defineFixed(name, value, options)) as T;
  }

  /** Registers an already-built hyperparameter (first registration of a name wins); returns its value. */
  add(hp: HyperParameter): HpValue {
    const existing = this.hps.find((h) => h.name === hp.name);
    if (existing) return this.current[hp.name] ?? defaultValue(existing);
    this.hps.push(hp);
    if (isActive(hp, this.current)) this.current[hp.name] = defaultValue(hp);
    return this.current[hp.name] ?? defaultValue(hp);
  }

  /** The current value of `name`; NOT_FOUND when it has none (undeclared or inactive). */
  get(name: string): HpValue {
    const value = this.current[name];
    if (value === undefined) {
      throw new CtpipeError('NOT_FOUND', `hyperparameter "${name}" has no value`, {
        details: { hyperparameter: name, expected: Object.keys(this.current).join(', ') },
      });
    }
    return value;
  }

  /** A copy with the same space and exactly these values (a trial's, or the best one's). */
  withValues(values: Readonly<Record<string, HpValue>>): HyperParameters {
    const copy = new HyperParameters();
    copy.hps.push(...this.hps);
    Object.assign(copy.current, values);
    return copy;
  }

  /** Keras Tuner's `get_config()`: the content of TFX's `best_hyperparameters.txt`. */
  getConfig(): HyperParametersConfig {
    return toKerasConfig(this.hps, this.current);
  }
}
