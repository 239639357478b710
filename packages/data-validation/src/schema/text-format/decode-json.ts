import { CtpipeError } from '@ctpipe/errors';
import { type FieldDescriptor, findField, type MessageDescriptor } from './descriptors.js';
import { type Converted, doubleFromText, enumFromValue, int64FromText } from './scalar-values.js';

type Message = Record<string, unknown>;

/**
 * Checks a parsed JSON value against a message descriptor and returns it in ctpipe's canonical JSON form:
 * lowerCamelCase keys (snake_case accepted), int64 as strings, enums by name, "NaN"/"Infinity" as numbers.
 * Errors name the JSON path of the offending value.
 */
export function decodeJsonMessage(
  value: unknown,
  descriptor: MessageDescriptor,
  path: string,
  file?: string,
): Message {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw jsonError(file, path, `expected an object (${descriptor.name})`, 'object', kindOf(value));
  }
  const out: Message = {};
  for (const [key, item] of Object.entries(value)) {
    const field = findField(descriptor, key);
    const itemPath = path === '' ? key : `${path}.${key}`;
    if (!field) {
      throw jsonError(
        file,
        itemPath,
        `unknown field "${key}" in ${descriptor.name}`,
        descriptor.fields.map((f) => f.json).join(', '),
        key,
      );
    }
    if (item === null) continue;
    if (field.json in out)
      throw jsonError(file, itemPath, `"${key}" is given twice (as its JSON and its proto name)`);
    const rival = descriptor.fields.find(
      (f) => f !== field && f.oneof !== undefined && f.oneof === field.oneof && f.json in out,
    );
    if (rival)
      throw jsonError(
        file,
        itemPath,
        `"${field.json}" and "${rival.json}" are both set; ${descriptor.name} takes only one of them`,
      );
    if (field.repeated) {
      if (!Array.isArray(item)) throw jsonError(file, itemPath, 'expected an array', 'array', kindOf(item));
      out[field.json] = item.map((element, i) => decodeValue(element, field, `${itemPath}[${i}]`, file));
    } else {
      out[field.json] = decodeValue(item, field, itemPath, file);
    }
  }
  return out;
}

function decodeValue(
  value: unknown,
  field: FieldDescriptor,
  path: string,
  file: string | undefined,
): unknown {
  if (field.kind === 'message' && field.message) return decodeJsonMessage(value, field.message(), path, file);
  const converted = convert(value, field);
  if ('error' in converted)
    throw jsonError(file, path, `expected ${converted.error}`, converted.error, JSON.stringify(value));
  return converted.value;
}

function convert(value: unknown, field: FieldDescriptor): Converted {
  switch (field.kind) {
    case 'string':
      return typeof value === 'string' ? { value } : { error: 'a string' };
    case 'bool':
      return typeof value === 'boolean' ? { value } : { error: 'true or false' };
    case 'int64':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return { value: String(value) };
      return typeof value === 'string'
        ? int64FromText(value.replace(/^-/, ''), value.startsWith('-'))
        : { error: 'an integer' };
    case 'double':
    case 'float':
      if (typeof value === 'number') return { value };
      return typeof value === 'string'
        ? doubleFromText(value.replace(/^-/, ''), value.startsWith('-'))
        : { error: 'a number' };
    default:
      return typeof value === 'string' || typeof value === 'number'
        ? enumFromValue(field, value)
        : enumFromValue(field, '');
  }
}

function kindOf(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

function jsonError(
  file: string | undefined,
  path: string,
  message: string,
  expected?: string,
  found?: string,
) {
  return new CtpipeError('BAD_CONFIG', `${file ?? 'schema'}: ${path || '(top level)'}: ${message}`, {
    details: { file, path, expected, found },
  });
}
