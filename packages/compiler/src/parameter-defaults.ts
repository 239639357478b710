import { CtpipeError } from '@ctpipe/errors';
import { type InputsSpec, type JsonValue, parameterValueMatches } from '@ctpipe/ir';

/**
 * Compile-time overrides of pipeline parameter defaults (the SDK's `pipeline_parameters`): only
 * `defaultValue` changes, as in `modify_pipeline_spec_with_override`.
 */
export function applyParameterDefaults(
  pipeline: string,
  inputs: InputsSpec | undefined,
  defaults: Readonly<Record<string, JsonValue>>,
): void {
  for (const [name, value] of Object.entries(defaults)) {
    const spec = inputs?.parameters?.[name];
    if (!spec) {
      throw new CtpipeError(
        'BAD_CONFIG',
        `Pipeline '${pipeline}' has no parameter '${name}' to give a default`,
        {
          details: {
            pipeline,
            parameter: name,
            expected: Object.keys(inputs?.parameters ?? {}).join(', ') || 'none',
          },
        },
      );
    }
    if (!parameterValueMatches(spec.parameterType, value)) {
      throw new CtpipeError(
        'BAD_CONFIG',
        `Default for parameter '${name}' of pipeline '${pipeline}' has the wrong type`,
        {
          details: { pipeline, parameter: name, expected: spec.parameterType, found: JSON.stringify(value) },
        },
      );
    }
    spec.defaultValue = value;
  }
}
