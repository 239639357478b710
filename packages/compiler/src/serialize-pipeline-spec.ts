import type { JsonValue, PipelineSpec } from '@ctpipe/ir';
import { compareCodePoints, pythonFloatRepr, pythonIntRepr, pythonJsonString } from './python-json.js';

/**
 * The int32 fields of the PipelineSpec, as the last keys of their path (`*`: any map key). Every other number in
 * pipeline.json is a double or sits in a google.protobuf.Value, which Python's MessageToDict turns into a
 * float: `1.0`, not `1`.
 */
const INT_FIELDS: readonly (readonly string[])[] = [
  ['retryPolicy', 'maxRetryCount'],
  ['iteratorPolicy', 'parallelismLimit'],
  ['outputArtifactQueries', '*', 'limit'],
];
/** Fields holding google.protobuf.Value / Struct: below them, keys are user data, never field names. */
const VALUE_FIELDS: ReadonlySet<string> = new Set([
  'defaultValue',
  'constant',
  'literals',
  'metadata',
  'customJob',
  'config',
]);

/** pipeline.json text as the KFP SDK writes it: sorted keys, indent 2, Python number and string forms, a final newline. */
export function serializePipelineSpec(spec: PipelineSpec): string {
  return `${write(spec as unknown as JsonValue, '', [])}\n`;
}

function isIntField(path: readonly string[]): boolean {
  return INT_FIELDS.some(
    (field) =>
      field.length <= path.length &&
      field.every((key, i) => key === '*' || key === path[path.length - field.length + i]),
  );
}

/** `path`: the keys from the root down to `value` (`[]` for a list item). */
function write(value: JsonValue, indent: string, path: readonly string[], inValue = false): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return pythonJsonString(value);
  if (typeof value === 'number') {
    return !inValue && isIntField(path) ? pythonIntRepr(value) : pythonFloatRepr(value);
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => `${inner}${write(item, inner, [...path, '[]'], inValue)}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort(compareCodePoints);
  if (keys.length === 0) return '{}';
  const items = keys.map(
    (k) =>
      `${inner}${pythonJsonString(k)}: ${write(value[k]!, inner, [...path, k], inValue || VALUE_FIELDS.has(k))}`,
  );
  return `{\n${items.join(',\n')}\n${indent}}`;
}
