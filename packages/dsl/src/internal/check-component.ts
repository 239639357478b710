import type { ContainerArg, LoadedComponent } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';

const checked = new WeakSet<LoadedComponent>();

/**
 * What KFP checks when a component is instantiated: input and output names are unique across
 * parameters and artifacts, and each v1 placeholder in the args names an input or output of the right kind.
 */
export function checkComponent(component: LoadedComponent): void {
  if (checked.has(component)) return;
  const { definition } = component;
  const inParams = Object.keys(definition.inputs.parameters ?? {});
  const inArtifacts = new Set(Object.keys(definition.inputs.artifacts ?? {}));
  const outParams = Object.keys(definition.outputs.parameters ?? {});
  const outArtifacts = new Set(Object.keys(definition.outputs.artifacts ?? {}));
  for (const name of inParams) {
    if (inArtifacts.has(name))
      throw badComponent(component, `input '${name}' is both a parameter and an artifact`);
  }
  for (const name of outParams) {
    if (outArtifacts.has(name))
      throw badComponent(component, `output '${name}' is both a parameter and an artifact`);
  }
  const lookup = {
    inputValue: ['input parameter', new Set(inParams)],
    inputPath: ['input artifact', inArtifacts],
    inputUri: ['input artifact', inArtifacts],
    outputPath: ['output', new Set([...outParams, ...outArtifacts])],
    outputUri: ['output artifact', outArtifacts],
  } as const;
  component.implementation.args.forEach((arg, index) => {
    const placeholder = placeholderOf(arg);
    if (!placeholder) return;
    const [kind, names] = lookup[placeholder.key];
    if (!names.has(placeholder.name)) {
      throw badComponent(
        component,
        `args[${index}] {${placeholder.key}: ${placeholder.name}} names no ${kind} (${[...names].join(', ') || 'none declared'})`,
      );
    }
  });
  checked.add(component);
}

type NamedPlaceholder = {
  key: 'inputValue' | 'inputPath' | 'inputUri' | 'outputPath' | 'outputUri';
  name: string;
};

function placeholderOf(arg: ContainerArg): NamedPlaceholder | undefined {
  if (typeof arg === 'string' || 'executorInput' in arg) return undefined;
  if ('inputValue' in arg) return { key: 'inputValue', name: arg.inputValue };
  if ('inputPath' in arg) return { key: 'inputPath', name: arg.inputPath };
  if ('inputUri' in arg) return { key: 'inputUri', name: arg.inputUri };
  if ('outputPath' in arg) return { key: 'outputPath', name: arg.outputPath };
  return { key: 'outputUri', name: arg.outputUri };
}

function badComponent(component: LoadedComponent, problem: string): CtpipeError {
  return new CtpipeError(
    'BAD_CONFIG',
    `Component '${component.definition.name}' (${component.source}): ${problem}`,
    {
      details: { file: component.source, component: component.definition.name },
    },
  );
}
