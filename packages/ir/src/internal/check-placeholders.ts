import type { ComponentSpec, PipelineContainerSpec, PipelineSpec } from '../pipeline-spec.js';
import { placeholderRefs } from './placeholder-refs.js';
import { joinPath, type PipelineSpecProblem } from './problems.js';

interface Names {
  inputs: { parameters: Set<string>; artifacts: Set<string> };
  outputs: { parameters: Set<string>; artifacts: Set<string> };
}

/**
 * Placeholders in a container must name inputs or outputs that exist. Inputs may be declared by the
 * component or only passed by a task that runs it (the SDK passes `pipelinechannel--…` inputs for
 * resources set from parameters without declaring them); outputs must be declared.
 */
export function checkPlaceholders(spec: PipelineSpec, problems: PipelineSpecProblem[]): void {
  const names = namesByExecutor(spec);
  for (const [label, executor] of Object.entries(spec.deploymentSpec?.executors ?? {})) {
    const known = names.get(label);
    if (!known || !('container' in executor)) continue;
    const base = joinPath('deploymentSpec.executors', label);
    for (const [path, text] of containerStrings(executor.container, `${base}.container`)) {
      for (const ref of placeholderRefs(text)) {
        if (!known[ref.side][ref.kind].has(ref.name)) {
          const what = `${ref.side === 'inputs' ? 'input' : 'output'} ${ref.kind === 'parameters' ? 'parameter' : 'artifact'}`;
          problems.push({
            path,
            message: `placeholder names ${what} '${ref.name}', which no component using '${label}' has`,
          });
        }
      }
    }
  }
}

function namesByExecutor(spec: PipelineSpec): Map<string, Names> {
  const byComponent = new Map<string, Names>();
  const result = new Map<string, Names>();
  for (const [name, component] of Object.entries(spec.components ?? {})) {
    if (component.executorLabel === undefined) continue;
    const names = result.get(component.executorLabel) ?? emptyNames();
    addDeclared(names, component);
    result.set(component.executorLabel, names);
    byComponent.set(name, names);
  }
  const dags = [spec.root, ...Object.values(spec.components ?? {})].filter((c) => c?.dag);
  for (const component of dags) {
    for (const task of Object.values(component.dag?.tasks ?? {})) {
      const names = byComponent.get(task.componentRef?.name);
      if (!names) continue;
      for (const input of Object.keys(task.inputs?.parameters ?? {})) names.inputs.parameters.add(input);
      for (const input of Object.keys(task.inputs?.artifacts ?? {})) names.inputs.artifacts.add(input);
    }
  }
  return result;
}

function addDeclared(names: Names, component: ComponentSpec): void {
  for (const n of Object.keys(component.inputDefinitions?.parameters ?? {})) names.inputs.parameters.add(n);
  for (const n of Object.keys(component.inputDefinitions?.artifacts ?? {})) names.inputs.artifacts.add(n);
  for (const n of Object.keys(component.outputDefinitions?.parameters ?? {})) names.outputs.parameters.add(n);
  for (const n of Object.keys(component.outputDefinitions?.artifacts ?? {})) names.outputs.artifacts.add(n);
}

function emptyNames(): Names {
  return {
    inputs: { parameters: new Set(), artifacts: new Set() },
    outputs: { parameters: new Set(), artifacts: new Set() },
  };
}

/** Every string of a container that the launcher substitutes placeholders in, with its path. */
function containerStrings(container: PipelineContainerSpec, base: string): [string, string][] {
  const strings: [string, string][] = [[`${base}.image`, container.image]];
  const list = (items: string[] | undefined, path: string) => {
    for (const [i, s] of (items ?? []).entries()) strings.push([`${path}[${i}]`, s]);
  };
  list(container.command, `${base}.command`);
  list(container.args, `${base}.args`);
  list(container.lifecycle?.preCacheCheck?.command, `${base}.lifecycle.preCacheCheck.command`);
  list(container.lifecycle?.preCacheCheck?.args, `${base}.lifecycle.preCacheCheck.args`);
  for (const [i, e] of (container.env ?? []).entries()) strings.push([`${base}.env[${i}].value`, e.value]);
  const { accelerator, ...resources } = container.resources ?? {};
  for (const [key, value] of Object.entries(resources)) {
    if (typeof value === 'string') strings.push([`${base}.resources.${key}`, value]);
  }
  for (const [key, value] of Object.entries(accelerator ?? {})) {
    if (typeof value === 'string') strings.push([`${base}.resources.accelerator.${key}`, value]);
  }
  return strings;
}
