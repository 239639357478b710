import type { JsonValue, ParameterType, PipelineSpec } from '../pipeline-spec.js';
import { joinPath, type PipelineSpecProblem } from './problems.js';

export const SCHEMA_VERSION = '2.1.0';
const PIPELINE_NAME = /^[a-z0-9][a-z0-9-]{0,127}$/;

/** The top-level facts Vertex and KFP rely on, and defaults that agree with their parameter's type. */
export function checkHeader(spec: PipelineSpec, problems: PipelineSpecProblem[]): void {
  if (spec.schemaVersion !== SCHEMA_VERSION) {
    problems.push({
      path: 'schemaVersion',
      message: `expected "${SCHEMA_VERSION}", found ${JSON.stringify(spec.schemaVersion)}`,
    });
  }
  const name = spec.pipelineInfo?.name;
  if (typeof name !== 'string' || !PIPELINE_NAME.test(name)) {
    problems.push({
      path: 'pipelineInfo.name',
      message: `expected a name matching ${PIPELINE_NAME.source}, found ${JSON.stringify(name)}`,
    });
  }
  if (!spec.deploymentSpec) problems.push({ path: 'deploymentSpec', message: 'is required' });
  if (!spec.root) problems.push({ path: 'root', message: 'is required' });
  const components: [string, PipelineSpec['root']][] = [
    ['root', spec.root],
    ...Object.entries(spec.components ?? {}).map(([n, c]): [string, PipelineSpec['root']] => [
      joinPath('components', n),
      c,
    ]),
  ];
  for (const [path, component] of components) {
    for (const [input, def] of Object.entries(component?.inputDefinitions?.parameters ?? {})) {
      if (
        def.defaultValue !== undefined &&
        def.defaultValue !== null &&
        !fitsType(def.parameterType, def.defaultValue)
      ) {
        problems.push({
          path: `${joinPath(`${path}.inputDefinitions.parameters`, input)}.defaultValue`,
          message: `a ${def.parameterType} parameter cannot default to ${JSON.stringify(def.defaultValue)}`,
        });
      }
    }
  }
}

function fitsType(type: ParameterType | undefined, value: JsonValue): boolean {
  switch (type) {
    case 'STRING':
      return typeof value === 'string';
    case 'NUMBER_INTEGER':
      return Number.isInteger(value);
    case 'NUMBER_DOUBLE':
      return typeof value === 'number';
    case 'BOOLEAN':
      return typeof value === 'boolean';
    case 'LIST':
      return Array.isArray(value);
    case 'STRUCT':
      return typeof value === 'object' && !Array.isArray(value);
    default:
      return true;
  }
}
