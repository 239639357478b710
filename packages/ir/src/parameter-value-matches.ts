import type { JsonValue, ParameterType } from './pipeline-spec.js';

/**
 * Whether `value` is a valid value for a parameter of `type` as Vertex / the KFP backend reads it:
 * NUMBER_INTEGER needs a safe integer, NUMBER_DOUBLE any finite number, STRUCT a non-array object.
 * PARAMETER_TYPE_ENUM_UNSPECIFIED declares no type, so any value matches; the task-status and
 * task-config types are set by the backend, never by a user, so no value matches them.
 */
export function parameterValueMatches(type: ParameterType, value: JsonValue): boolean {
  switch (type) {
    case 'STRING':
      return typeof value === 'string';
    case 'NUMBER_INTEGER':
      return Number.isSafeInteger(value);
    case 'NUMBER_DOUBLE':
      return typeof value === 'number' && Number.isFinite(value);
    case 'BOOLEAN':
      return typeof value === 'boolean';
    case 'LIST':
      return Array.isArray(value);
    case 'STRUCT':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'PARAMETER_TYPE_ENUM_UNSPECIFIED':
      return true;
    default:
      return false;
  }
}
