import { isObject, joinPath, type PipelineSpecProblem } from './problems.js';
import { ENUMS, type FieldSpec, MESSAGES } from './proto-schema.js';

const INT = /^-?\d+$/;
const DURATION = /^-?\d+(\.\d{1,9})?s$/;

/** Checks `value` against proto message `message`: field names, scalar and enum types, oneofs. */
export function checkMessage(
  value: unknown,
  message: string,
  path: string,
  problems: PipelineSpecProblem[],
): void {
  const fields = MESSAGES[message];
  if (!fields) throw new Error(`internal: no message ${message} in the proto table`);
  if (!isObject(value)) {
    problems.push({ path, message: `expected an object (${message}), found ${kindOf(value)}` });
    return;
  }
  const oneofs = new Map<string, string>();
  for (const [key, fieldValue] of Object.entries(value)) {
    const at = joinPath(path, key);
    const field = fields[key];
    if (!field) {
      problems.push({ path: at, message: unknownField(key, message, Object.keys(fields)) });
      continue;
    }
    // proto3 JSON reads null as "not set".
    if (fieldValue === null) continue;
    if (field.oneof) {
      const other = oneofs.get(field.oneof);
      if (other) {
        problems.push({
          path: at,
          message: `'${other}' and '${key}' are both set; ${message}.${field.oneof} allows one`,
        });
      }
      oneofs.set(field.oneof, key);
    }
    checkField(fieldValue, field, at, problems);
  }
}

function checkField(value: unknown, field: FieldSpec, path: string, problems: PipelineSpecProblem[]): void {
  if (field.container === 'list') {
    if (!Array.isArray(value)) problems.push({ path, message: `expected a list, found ${kindOf(value)}` });
    else for (const [i, item] of value.entries()) checkSingle(item, field, joinPath(path, i), problems);
  } else if (field.container === 'map') {
    if (!isObject(value)) problems.push({ path, message: `expected a map (object), found ${kindOf(value)}` });
    else for (const [k, v] of Object.entries(value)) checkSingle(v, field, joinPath(path, k), problems);
  } else {
    checkSingle(value, field, path, problems);
  }
}

function checkSingle(value: unknown, field: FieldSpec, path: string, problems: PipelineSpecProblem[]): void {
  const { type } = field;
  if (typeof type === 'object') {
    if ('message' in type) checkMessage(value, type.message, path, problems);
    else checkEnum(value, type.enum, path, problems);
    return;
  }
  const problem = scalarProblem(type, value);
  if (problem) problems.push({ path, message: `expected ${problem}, found ${kindOf(value)}` });
}

function checkEnum(
  value: unknown,
  name: keyof typeof ENUMS,
  path: string,
  problems: PipelineSpecProblem[],
): void {
  const names: readonly string[] = ENUMS[name];
  const ok =
    typeof value === 'string' ? names.includes(value) : Number.isInteger(value) && names[value as number];
  if (!ok)
    problems.push({
      path,
      message: `expected a ${name} name (${names.join(', ')}), found ${JSON.stringify(value)}`,
    });
}

/** What a scalar of this proto type must look like in proto3 JSON, or undefined when `value` is one. */
function scalarProblem(type: string, value: unknown): string | undefined {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? undefined : 'a string';
    case 'bool':
      return typeof value === 'boolean' ? undefined : 'a boolean';
    case 'int32': {
      const n = typeof value === 'string' && INT.test(value) ? Number(value) : value;
      return Number.isInteger(n) && Math.abs(n as number) <= 2 ** 31 ? undefined : 'a 32-bit integer';
    }
    case 'int64':
      return Number.isSafeInteger(value) || (typeof value === 'string' && INT.test(value))
        ? undefined
        : 'an integer';
    case 'double':
      return typeof value === 'number' || (typeof value === 'string' && !Number.isNaN(Number(value)))
        ? undefined
        : 'a number';
    case 'duration':
      return typeof value === 'string' && DURATION.test(value)
        ? undefined
        : "a duration string such as '30s'";
    case 'struct':
      return isObject(value) ? undefined : 'an object';
    default:
      return undefined; // google.protobuf.Value: any JSON
  }
}

function unknownField(key: string, message: string, known: string[]): string {
  const camel = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  if (camel !== key && known.includes(camel)) return `'${key}' must be written with its JSON name '${camel}'`;
  return `unknown field '${key}' of ${message} (fields: ${known.join(', ')})`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}
