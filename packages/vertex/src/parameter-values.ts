import { CtpipeError } from '@ctpipe/errors';
import {
  type JsonValue,
  type ParameterSpec,
  type ParameterType,
  type PipelineSpec,
  parameterValueMatches,
} from '@ctpipe/ir';

/**
 * Checks runtime parameter values against the pipeline's parameters (the root component's inputDefinitions) and
 * gives each its declared type. A string for a non-string parameter is parsed (what `--param k=v` gives); any
 * other value must already have the declared type. Vertex itself would only reject the job after it was created.
 */
export function typeParameterValues(
  spec: PipelineSpec,
  values: Record<string, JsonValue>,
): Record<string, JsonValue> {
  const declared = spec.root.inputDefinitions?.parameters ?? {};
  const typed: Record<string, JsonValue> = {};
  for (const [name, value] of Object.entries(values)) {
    const parameter = declared[name];
    if (!parameter) {
      const names = Object.keys(declared);
      throw new CtpipeError(
        'BAD_INPUT',
        `pipeline ${spec.pipelineInfo.name} has no parameter '${name}'` +
          (names.length > 0 ? `; it declares ${names.join(', ')}` : '; it declares none'),
        { details: { parameter: name, expected: names.join(' | '), found: name } },
      );
    }
    typed[name] = typeValue(name, value, parameter);
  }
  return typed;
}

function typeValue(name: string, value: JsonValue, parameter: ParameterSpec): JsonValue {
  const type = parameter.parameterType;
  const parsed = typeof value === 'string' && type !== 'STRING' ? parseText(value, type) : value;
  if (parsed === undefined || !parameterValueMatches(type, parsed)) {
    throw new CtpipeError(
      'BAD_INPUT',
      `parameter '${name}' is ${EXPECTED[type]}, got ${JSON.stringify(value)}`,
      { details: { parameter: name, expected: EXPECTED[type], found: JSON.stringify(value) } },
    );
  }
  if (parameter.literals && !parameter.literals.some((l) => JSON.stringify(l) === JSON.stringify(parsed))) {
    const allowed = parameter.literals.map((l) => JSON.stringify(l)).join(' | ');
    throw new CtpipeError('BAD_INPUT', `parameter '${name}' must be one of ${allowed}`, {
      details: { parameter: name, expected: allowed, found: JSON.stringify(parsed) },
    });
  }
  return parsed;
}

const EXPECTED: Record<ParameterType, string> = {
  PARAMETER_TYPE_ENUM_UNSPECIFIED: 'a value',
  NUMBER_DOUBLE: 'a number (NUMBER_DOUBLE)',
  NUMBER_INTEGER: 'a whole number (NUMBER_INTEGER)',
  STRING: 'a string (STRING)',
  BOOLEAN: 'true or false (BOOLEAN)',
  LIST: 'a JSON array (LIST)',
  STRUCT: 'a JSON object (STRUCT)',
  TASK_FINAL_STATUS: 'a task final status (TASK_FINAL_STATUS, set by Vertex, never by you)',
  TASK_CONFIG: 'a task config (TASK_CONFIG, set by Vertex, never by you)',
};

function parseText(text: string, type: ParameterType): JsonValue | undefined {
  const trimmed = text.trim();
  if (type === 'NUMBER_INTEGER' || type === 'NUMBER_DOUBLE')
    return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : undefined;
  if (type === 'BOOLEAN') return trimmed === 'true' ? true : trimmed === 'false' ? false : undefined;
  try {
    return JSON.parse(trimmed) as JsonValue;
  } catch {
    return type === 'PARAMETER_TYPE_ENUM_UNSPECIFIED' ? text : undefined;
  }
}
