import { CtpipeError, isCtpipeError } from '@ctpipe/errors';
import type { Condition, HpValue, HyperParameter, Sampling } from './hyperparameter.js';
import { HyperParameters } from './hyperparameters.js';
import { defineBoolean, defineChoice, defineFixed, defineFloat, defineInt } from './internal/define.js';

type Json = Record<string, unknown>;

class Reader {
  constructor(private readonly file: string | undefined) {}

  fail(path: string, expected: string, found: unknown, cause?: unknown): CtpipeError {
    const message = `invalid hyperparameters config at ${path || '<root>'}: expected ${expected}`;
    return new CtpipeError('BAD_INPUT', message, {
      details: { file: this.file, path, expected, found: JSON.stringify(found) ?? 'undefined' },
      cause,
    });
  }

  object(value: unknown, path: string): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw this.fail(path, 'an object', value);
    return value as Json;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) throw this.fail(path, 'a list', value);
    return value;
  }

  hpValue(value: unknown, path: string): HpValue {
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
    throw this.fail(path, 'a number, string or boolean', value);
  }

  number(value: unknown, path: string): number {
    if (typeof value !== 'number') throw this.fail(path, 'a number', value);
    return value;
  }

  optionalNumber(value: unknown, path: string): number | undefined {
    return value === null || value === undefined ? undefined : this.number(value, path);
  }
}

function conditionsOf(r: Reader, raw: unknown, path: string): Condition[] {
  if (raw === undefined) return [];
  return r.array(raw, path).map((entry, i) => {
    const at = `${path}[${i}]`;
    const c = r.object(entry, at);
    if (c.class_name !== 'Parent') throw r.fail(`${at}.class_name`, '"Parent"', c.class_name);
    const config = r.object(c.config, `${at}.config`);
    if (typeof config.name !== 'string') throw r.fail(`${at}.config.name`, 'a string', config.name);
    const values = r
      .array(config.values, `${at}.config.values`)
      .map((v, j) => r.hpValue(v, `${at}.config.values[${j}]`));
    return { parentName: config.name, parentValues: values };
  });
}

function hyperParameterOf(r: Reader, raw: unknown, path: string): HyperParameter {
  const entry = r.object(raw, path);
  const c = r.object(entry.config, `${path}.config`);
  const name = c.name;
  if (typeof name !== 'string' || name === '')
    throw r.fail(`${path}.config.name`, 'a non-empty string', name);
  const conditions = conditionsOf(r, c.conditions, `${path}.config.conditions`);
  const hp = ((): HyperParameter => {
    switch (entry.class_name) {
      case 'Int':
      case 'Float': {
        const min = r.number(c.min_value, `${path}.config.min_value`);
        const max = r.number(c.max_value, `${path}.config.max_value`);
        const options = {
          step: r.optionalNumber(c.step, `${path}.config.step`) ?? null,
          sampling: (c.sampling ?? 'linear') as Sampling,
          default: r.optionalNumber(c.default, `${path}.config.default`),
        };
        return entry.class_name === 'Int'
          ? defineInt(name, min, max, options)
          : defineFloat(name, min, max, options);
      }
      case 'Choice': {
        const values = r
          .array(c.values, `${path}.config.values`)
          .map((v, i) => r.hpValue(v, `${path}.config.values[${i}]`));
        const ordered = c.ordered === null || c.ordered === undefined ? undefined : c.ordered === true;
        const fallback =
          c.default === null || c.default === undefined
            ? undefined
            : r.hpValue(c.default, `${path}.config.default`);
        return defineChoice(name, values, { ordered, default: fallback });
      }
      case 'Boolean':
        return defineBoolean(name, { default: c.default === undefined ? undefined : (c.default as boolean) });
      case 'Fixed':
        return defineFixed(name, r.hpValue(c.value, `${path}.config.value`));
      default:
        throw r.fail(`${path}.class_name`, 'Int | Float | Choice | Boolean | Fixed', entry.class_name);
    }
  })();
  return { ...hp, conditions };
}

/**
 * Reads Keras Tuner's `HyperParameters.get_config()` JSON (TFX's `best_hyperparameters.txt`), as text or
 * already parsed, so a later run can train with the best values without re-tuning. BAD_INPUT names the
 * offending path (e.g. `space[2].config.min_value`) and `file` when given.
 */
export function parseHyperParameters(json: string | unknown, file?: string): HyperParameters {
  const r = new Reader(file);
  let raw: unknown = json;
  if (typeof json === 'string') {
    try {
      raw = JSON.parse(json);
    } catch (err) {
      throw r.fail('', 'valid JSON', json.slice(0, 80), err);
    }
  }
  const root = r.object(raw, '');
  const hps = new HyperParameters();
  r.array(root.space, 'space').forEach((entry, i) => {
    try {
      hps.add(hyperParameterOf(r, entry, `space[${i}]`));
    } catch (err) {
      if (isCtpipeError(err) && err.code === 'BAD_CONFIG') {
        throw r.fail(`space[${i}]`, String(err.details.expected), err.details.found, err);
      }
      throw err;
    }
  });
  const values = r.object(root.values ?? {}, 'values');
  const parsed: Record<string, HpValue> = {};
  for (const [name, v] of Object.entries(values)) parsed[name] = r.hpValue(v, `values.${name}`);
  return hps.withValues(parsed);
}
