import type { ComponentDefinition, ContainerArg } from '@ctpipe/contract';

/**
 * A component.yaml (KFP v1) argument as the v2 placeholder the launcher substitutes, exactly as the SDK
 * converts it when it loads a v1 component: `{outputPath}` becomes an output_file for a parameter output
 * and a `.path` for an artifact output. The DSL has already checked that each name is declared.
 */
export function toV2Placeholder(arg: ContainerArg, definition: ComponentDefinition): string {
  if (typeof arg === 'string') return arg;
  if ('executorInput' in arg) return '{{$}}';
  if ('inputValue' in arg) return `{{$.inputs.parameters['${arg.inputValue}']}}`;
  if ('inputPath' in arg) return `{{$.inputs.artifacts['${arg.inputPath}'].path}}`;
  if ('inputUri' in arg) return `{{$.inputs.artifacts['${arg.inputUri}'].uri}}`;
  if ('outputUri' in arg) return `{{$.outputs.artifacts['${arg.outputUri}'].uri}}`;
  const name = arg.outputPath;
  return definition.outputs.parameters?.[name]
    ? `{{$.outputs.parameters['${name}'].output_file}}`
    : `{{$.outputs.artifacts['${name}'].path}}`;
}
