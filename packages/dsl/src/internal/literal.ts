import type { ParameterKind } from '@ctpipe/contract';
import type { JsonValue } from '@ctpipe/ir';

/**
 * Why `value` is not a constant of `kind` (a pipeline default or a literal task argument), or undefined
 * when it is one. Constants end up as google.protobuf.Value in pipeline.json, hence plain JSON only.
 */
export function literalProblem(kind: ParameterKind, value: unknown): string | undefined {
  switch (kind) {
    case 'STRING':
      return typeof value === 'string' ? undefined : 'a string';
    case 'NUMBER_INTEGER':
      return Number.isSafeInteger(value) ? undefined : 'an integer';
    case 'NUMBER_DOUBLE':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a finite number';
    case 'BOOLEAN':
      return typeof value === 'boolean' ? undefined : 'a boolean';
    case 'LIST':
      return Array.isArray(value) && isJson(value) ? undefined : 'a JSON array';
    case 'STRUCT':
      return isPlainObject(value) && isJson(value) ? undefined : 'a JSON object';
  }
}

export function isJson(value: unknown): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  return isPlainObject(value) && Object.values(value).every(isJson);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function describeValue(value: unknown): string {
  if (
    typeof value === 'object' &&
    value !== null &&
    'describe' in value &&
    typeof value.describe === 'function'
  ) {
    return String(value.describe());
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
