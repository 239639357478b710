import { CtpipeError, type ErrorCode } from '@ctpipe/errors';

/**
 * Structural checks for JSON that users write (a spec in a module) or that comes from disk (a graph): each
 * failure names the feature and the path inside it, and says what was expected and what was found.
 */
export class Shape {
  constructor(
    private readonly code: ErrorCode,
    /** What is being read, for messages: 'preprocessing spec', 'transform graph'. */
    private readonly what: string,
    private readonly feature?: string,
  ) {}

  forFeature(feature: string): Shape {
    return new Shape(this.code, this.what, feature);
  }

  fail(path: string, expected: string, found: unknown): never {
    const where = this.feature === undefined ? path : `feature '${this.feature}'${path ? `, ${path}` : ''}`;
    throw new CtpipeError(
      this.code,
      `${this.what}: ${where}: expected ${expected}, found ${describe(found)}`,
      {
        details: {
          ...(this.feature === undefined ? {} : { feature: this.feature }),
          path,
          expected,
          found: describe(found),
        },
      },
    );
  }

  /** An object with any keys. */
  record(value: unknown, path: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      this.fail(path, 'an object', value);
    return value as Record<string, unknown>;
  }

  /** An object whose keys are among `allowed` (a misspelt option is an error, not silently ignored). */
  object(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> {
    const record = this.record(value, path);
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key) && record[key] !== undefined) {
        this.fail(join(path, key), `one of the keys ${allowed.join(', ')}`, key);
      }
    }
    return record;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'an array', value);
    return value;
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string' || value === '') this.fail(path, 'a non-empty string', value);
    return value;
  }

  oneOf<const T extends string>(value: unknown, path: string, options: readonly T[]): T {
    if (typeof value !== 'string' || !options.includes(value as T)) {
      this.fail(path, options.map((o) => `'${o}'`).join(' | '), value);
    }
    return value as T;
  }

  number(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, 'a finite number', value);
    return value;
  }

  integer(value: unknown, path: string, min: number): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      this.fail(path, `an integer ≥ ${min}`, value);
    }
    return value;
  }
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
